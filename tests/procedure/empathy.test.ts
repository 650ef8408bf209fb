import { describe, expect, it } from 'vitest'
import { BRANCHES, EMPATHY_KINDS, EMPATHY_PHRASES, suggestEmpathy } from '../../src/procedure'
import type { BranchId, EmpathyContext, EmpathyKind } from '../../src/procedure'
import { texts } from '../support/texts'

describe('empathy phrases', () => {
  it('has the four kinds of the article', () => {
    expect(EMPATHY_KINDS).toEqual(['호응', '공감', '양해', '사과'])
    expect(Object.keys(EMPATHY_PHRASES).sort()).toEqual([...EMPATHY_KINDS].sort())
  })
  it.each(EMPATHY_KINDS.map((k) => [k] as const))('%s has several distinct, polite Korean phrases', (kind) => {
    const phrases = EMPATHY_PHRASES[kind]
    expect(phrases.length).toBeGreaterThanOrEqual(3)
    expect(new Set(phrases).size).toBe(phrases.length)
    for (const p of phrases) {
      expect(p).toMatch(/[가-힣]/)
      expect(p).toMatch(/(?:요|다)\.$/)
      expect(p).toBe(p.trim())
    }
    expect(texts(`empathy_${kind}`).ko).toBe(kind)
    expect(texts(`empathy_${kind}`).en).toMatch(/^[A-Z][a-z ]+$/)
  })
  it.each([
    ['사과', /죄송/],
    ['양해', /양해/],
    ['공감', /겠어요|같아요/],
  ] as const)('every %s phrase carries its kind', (kind, pattern) => {
    for (const p of EMPATHY_PHRASES[kind]) expect(p).toMatch(pattern)
  })
})

describe('suggestEmpathy by situation', () => {
  it.each<[BranchId, EmpathyContext, EmpathyKind, string]>([
    ['verify_then_reinquire', {}, '양해', 'empathy_before_verification'],
    ['answer_directly', {}, '호응', 'empathy_acknowledge'],
    ['termination_certificate', {}, '양해', 'empathy_before_identity_check'],
    ['reinquiry_phone_change', {}, '공감', 'empathy_phone_change'],
    ['reinquiry_phone_change', { intent: 'phone_changed' }, '공감', 'empathy_phone_change'],
    ['reinquiry_phone_change', { intent: 'verification_failing' }, '사과', 'empathy_verification_failing'],
    ['reinquiry_phone_change', { earlierGuideFailed: true }, '사과', 'empathy_guide_failed'],
    ['verify_then_reinquire', { earlierGuideFailed: true }, '사과', 'empathy_guide_failed'],
    ['verify_then_reinquire', { customerFrustrated: true }, '공감', 'empathy_frustrated'],
    ['answer_directly', { customerFrustrated: true }, '공감', 'empathy_frustrated'],
    ['reinquiry_phone_change', { intent: 'verification_failing', customerFrustrated: true }, '사과', 'empathy_verification_failing'],
    ['verify_then_reinquire', { intent: 'verification_failing' }, '양해', 'empathy_before_verification'],
  ])('%s with %j → %s', (branch, context, kind, code) => {
    const s = suggestEmpathy(branch, context)
    expect(s.kind).toBe(kind)
    expect(s.reason.code).toBe(code)
    expect(EMPATHY_PHRASES[kind]).toContain(s.phrase)
  })
  it.each(BRANCHES.map((b) => [b.id, b.empathy.usual] as const))(
    '%s with nothing said: the branch table’s usual line %j, its phrase',
    (branch, [kind, phrase, code]) => {
      const s = suggestEmpathy(branch)
      expect([s.kind, s.phrase, s.reason.code]).toEqual([kind, EMPATHY_PHRASES[kind][phrase], code])
    },
  )
  it('suggests the phrase that fits the situation', () => {
    expect(suggestEmpathy('reinquiry_phone_change', { earlierGuideFailed: true }).phrase).toContain('앞서 안내해 드린 방법')
    expect(suggestEmpathy('verify_then_reinquire').phrase).toContain('바로 도와드리지 못하는 점')
  })
})
