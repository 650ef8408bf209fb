import { describe, expect, it } from 'vitest'
import { ARTICLE_TEXTS, BRANCH_IDS, BRANCHES, branchById, INTENT_BRANCH } from '../../src/procedure'
import { texts } from '../support/texts'

describe('branch table', () => {
  it('has the four branches, numbered 1-4 in order', () => {
    expect(BRANCHES.map((b) => [b.number, b.id])).toEqual([
      [1, 'verify_then_reinquire'],
      [2, 'answer_directly'],
      [3, 'termination_certificate'],
      [4, 'reinquiry_phone_change'],
    ])
    expect(BRANCHES.map((b) => b.id)).toEqual(BRANCH_IDS)
  })

  it.each(BRANCHES.map((b) => [b.number, b] as const))('branch %i is well formed', (_n, b) => {
    expect(branchById(b.id)).toBe(b)
    expect(texts(`branch_${b.id}`).ko).toMatch(/[가-힣]/)
    expect(texts(`branch_${b.id}`).en).toMatch(/[A-Za-z]/)
    expect(b.steps[0]?.kind).toBe('empathy')
    const ids = b.steps.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const s of b.steps) {
      expect(texts(`step_${s.id}`).ko).toMatch(/[가-힣]/)
      expect(texts(`step_${s.id}`).en).toMatch(/[A-Za-z]/)
      const hasText = s.kind === 'text' || s.kind === 'optional_text'
      expect(s.text !== undefined).toBe(hasText)
    }
  })

  it('uses every article text exactly once, with the same id, in article order', () => {
    const used = BRANCHES.flatMap((b) => b.steps).filter((s) => s.text !== undefined)
    expect(used.map((s) => s.id)).toEqual(ARTICLE_TEXTS.map((t) => t.id))
    expect(used.map((s) => s.text)).toEqual(ARTICLE_TEXTS.map((t) => t.text))
  })

  it.each([
    ['verify_then_reinquire', 'Q1', 'agent_picks'],
    ['answer_directly', 'Q1', 'agent_picks'],
    ['termination_certificate', 'Q1', 'agent_picks'],
    ['reinquiry_phone_change', 'Q2', 'fixed_if_verification_only'],
  ] as const)('%s comes from %s and its consultation rule is %s', (id, section, rule) => {
    expect(branchById(id).section).toBe(section)
    expect(branchById(id).consultation).toBe(rule)
  })

  it('is reachable from every intent', () => {
    for (const branch of Object.values(INTENT_BRANCH)) expect(BRANCH_IDS).toContain(branch)
  })

  it('refuses an unknown id', () => {
    expect(() => branchById('nope' as never)).toThrow()
  })
})
