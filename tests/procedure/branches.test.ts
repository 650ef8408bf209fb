import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ARTICLE_TEXTS,
  BRANCH_IDS,
  BRANCHES,
  branchById,
  DEFAULT_BRANCH,
  EMPATHY_PHRASES,
  hasReinquiryRole,
  INTENT_BRANCH,
  reads,
  REINQUIRY_EVIDENCE_BRANCHES,
} from '../../src/procedure'
import type { ReinquiryRole } from '../../src/procedure'
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

  it.each([
    ['verify_then_reinquire', [], ['양해', 2, 'empathy_before_verification'], undefined],
    ['answer_directly', [], ['호응', 0, 'empathy_acknowledge'], undefined],
    ['termination_certificate', ['identity'], ['양해', 1, 'empathy_before_identity_check'], undefined],
    [
      'reinquiry_phone_change',
      ['phoneMatch', 'verificationOnly'],
      ['공감', 1, 'empathy_phone_change'],
      { verification_failing: ['사과', 0, 'empathy_verification_failing'] },
    ],
  ] as const)('%s reads %j and suggests %j', (id, read, usual, onIntent) => {
    const b = branchById(id)
    expect(b.reads ?? []).toEqual(read)
    expect(b.empathy).toEqual(onIntent ? { usual, onIntent } : { usual })
  })

  it.each(BRANCHES.map((b) => [b.id, b] as const))('%s reads what its steps and consultation rule need, and nothing else', (_id, b) => {
    expect(reads(b, 'phoneMatch')).toBe(b.steps.some((s) => s.when !== undefined))
    expect(reads(b, 'identity')).toBe(b.steps.some((s) => s.kind === 'identity_check'))
    expect(reads(b, 'verificationOnly')).toBe(b.consultation === 'fixed_if_verification_only')
    // A step waiting for the identity check sits in a branch that has one.
    if (b.steps.some((s) => s.requires === 'identity_passed')) expect(reads(b, 'identity')).toBe(true)
  })

  it.each(BRANCHES.map((b) => [b.id, b] as const))('%s suggests empathy phrases that exist', (_id, b) => {
    for (const [kind, phrase, reason] of [b.empathy.usual, ...Object.values(b.empathy.onIntent ?? {})]) {
      expect(EMPATHY_PHRASES[kind][phrase]).toBeDefined()
      expect(reason).toMatch(/^empathy_/)
    }
  })

  it('defaults to branch 1, as the article does', () => {
    expect(branchById(DEFAULT_BRANCH).number).toBe(1)
  })

  it('is reachable from every intent', () => {
    for (const branch of Object.values(INTENT_BRANCH)) expect(BRANCH_IDS).toContain(branch)
  })

  it('says, as data, which branches count as re-inquiry evidence, which one it suggests and which outweigh it', () => {
    const withRole = (role: ReinquiryRole) => BRANCHES.filter((b) => hasReinquiryRole(b, role)).map((b) => b.number)
    expect(withRole('evidence')).toEqual([1, 4])
    expect(withRole('suggested')).toEqual([4])
    expect(withRole('outweighs')).toEqual([2, 3])
    // The evidence module reads the table (the later step of the procedure reported first).
    expect(REINQUIRY_EVIDENCE_BRANCHES).toEqual([4, 1])
    // Every intent's branch has a say: outweighs the evidence, or is the one it suggests, or the default.
    for (const branch of Object.values(INTENT_BRANCH)) {
      expect(hasReinquiryRole(branchById(branch), 'outweighs') || hasReinquiryRole(branchById(branch), 'suggested')).toBe(true)
    }
  })

  it('refuses an unknown id', () => {
    expect(() => branchById('nope' as never)).toThrow()
  })
})

describe('branch ids outside the table', () => {
  // Branch behaviour lives in the table: only it and the intent hint (which names the branch an
  // intent suggests) may name a branch.
  const src = resolve(import.meta.dirname, '../../src')
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]))
  const allowed = ['procedure/branches.ts', 'procedure/intent.ts']
  const sources = files(src)
    .map((file) => relative(src, file))
    .filter((file) => /\.tsx?$/.test(file) && !allowed.includes(file))

  it('leaves files to check', () => {
    expect(sources).toEqual(
      expect.arrayContaining(['procedure/decide.ts', 'procedure/empathy.ts', 'sidebar/view.ts', 'ui/SidebarScreen.tsx', 'ui/Decision.tsx']),
    )
  })

  it.each(sources)('%s names none', (file) => {
    const code = readFileSync(join(src, file), 'utf8')
    for (const id of BRANCH_IDS) expect(code, id).not.toMatch(new RegExp(`['"\`]${id}['"\`]`))
  })
})
