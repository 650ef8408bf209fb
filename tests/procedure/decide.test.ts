import { describe, expect, it } from 'vitest'
import { BRANCHES, checkIdentity, decide, detectIntent, formatConsultationPath } from '../../src/procedure'
import type { BranchId, DecideInput, Decision, RequesterStatus } from '../../src/procedure'
import { en, ko } from '../support/texts'

const TODAY = new Date(2025, 5, 15)

function applied(d: Decision): Extract<Decision, { applies: true }> {
  if (!d.applies) throw new Error(`expected the procedure to apply: ${d.reasons.map((r) => r.code).join(', ')}`)
  return d
}
const codes = (d: Decision) => d.reasons.map((r) => r.code)
const stepIds = (d: Decision) => applied(d).steps.map((s) => s.id)

const BRANCH_STEPS: Record<BranchId, string[]> = {
  verify_then_reinquire: ['empathy', 'nonmember_notice', 'verification_steps_app'],
  answer_directly: ['empathy', 'answer_directly'],
  termination_certificate: ['empathy', 'identity_check', 'issue_termination_certificate'],
  reinquiry_phone_change: [
    'empathy',
    'contact_match_request',
    'contact_howto_kakaotalk',
    'contact_howto_driver_app',
    'verification_steps_chat',
    'kakaotalk_relogin',
  ],
}

describe('a verified member: the procedure does not apply', () => {
  it.each<[string, DecideInput, string[]]>([
    ['plain', { status: 'member' }, ['status_member']],
    ['with a hint', { status: 'member', hint: detectIntent('해촉증명서 주세요') }, ['status_member']],
    ['with an agent choice', { status: 'member', chosenBranch: 'termination_certificate' }, ['status_member', 'member_branch_ignored']],
    ['with branch-4 details', { status: 'member', phoneMatch: 'same', verificationOnly: true }, ['status_member']],
  ])('%s', (_label, input, expected) => {
    const d = decide(input)
    expect(d.applies).toBe(false)
    expect(codes(d)).toEqual(expected)
    expect(d).not.toHaveProperty('steps')
    expect(ko(d.reasons[0])).toContain('적용되지 않습니다')
    expect(en(d.reasons[0])).toContain('does not apply')
  })
})

describe.each<RequesterStatus>(['non_member', 'unknown'])('status %s', (status) => {
  it('defaults to branch 1 when there is no hint', () => {
    for (const hint of [undefined, detectIntent('안녕하세요')]) {
      const d = applied(decide({ status, hint }))
      expect(d.branch.id).toBe('verify_then_reinquire')
      expect(d.suggestedBy).toBe('default')
      expect(stepIds(d)).toEqual(BRANCH_STEPS.verify_then_reinquire)
      expect(codes(d)).toContain('default_branch')
    }
  })

  it('says in the first reason what the status is', () => {
    const d = applied(decide({ status }))
    expect(d.status).toBe(status)
    expect(d.reasons[0]?.code).toBe(status === 'non_member' ? 'status_non_member' : 'status_unknown')
    if (status === 'unknown') expect(ko(d.reasons[0])).toContain('상담사가 판단')
  })

  it.each<[string, BranchId, string]>([
    ['해촉증명서 발급 부탁드려요', 'termination_certificate', 'hint_termination_certificate'],
    ['번호 바꿨어요', 'reinquiry_phone_change', 'hint_phone_changed'],
    ['인증이 안 떠요', 'reinquiry_phone_change', 'hint_verification_failing'],
    ['보험은 어떻게 가입하나요?', 'answer_directly', 'hint_general_question'],
  ])('follows the hint of %j → %s', (message, branch, code) => {
    const d = applied(decide({ status, hint: detectIntent(message) }))
    expect(d.branch.id).toBe(branch)
    expect(d.suggestedBy).toBe('hint')
    expect(stepIds(d)).toEqual(BRANCH_STEPS[branch])
    expect(codes(d)).toContain(code)
  })

  it.each(BRANCHES.map((b) => [b.id] as const))('lets the agent choose %s, overriding any hint', (branch) => {
    const hint = detectIntent(branch === 'answer_directly' ? '해촉증명서 주세요' : '수수료는 몇 퍼센트예요?')
    const d = applied(decide({ status, hint, chosenBranch: branch }))
    expect(d.branch.id).toBe(branch)
    expect(d.suggestedBy).toBe('agent')
    expect(codes(d)).toEqual(expect.arrayContaining(['agent_chose_branch', 'agent_overrode_hint']))
    expect(stepIds(d)).toEqual(BRANCH_STEPS[branch])
  })
})

describe('reasons read like the article ("non-member + termination certificate → branch 3")', () => {
  it('names the status, the situation, the matched words and the branch, in both languages', () => {
    const d = applied(decide({ status: 'non_member', hint: detectIntent('해촉 증명서 받을 수 있을까요?') }))
    const r = d.reasons.find((x) => x.code === 'hint_termination_certificate')
    expect(ko(r)).toBe("비회원 + 해촉증명서 요청('해촉 증명서') → 분기 3 (예외: 탈퇴기사 해촉증명서 발급 요청)")
    expect(en(r)).toBe(
      "Non-member + termination certificate request ('해촉 증명서') → branch 3 (Exception: withdrawn driver asks for a termination certificate)",
    )
  })
  it('says "unknown status" instead of "non-member" when the status is unknown', () => {
    const d = applied(decide({ status: 'unknown', hint: detectIntent('번호 바꿨어요') }))
    expect(ko(d.reasons.find((x) => x.code === 'hint_phone_changed'))).toMatch(/^회원 여부 미확인 \+ 전화번호 변경/)
  })
  it('does not report an override when the agent picks the hinted branch', () => {
    const d = decide({ status: 'non_member', hint: detectIntent('번호 바꿨어요'), chosenBranch: 'reinquiry_phone_change' })
    expect(codes(d)).toContain('agent_chose_branch')
    expect(codes(d)).not.toContain('agent_overrode_hint')
  })
  it.each<DecideInput>([
    { status: 'non_member' },
    { status: 'unknown', chosenBranch: 'termination_certificate' },
    { status: 'non_member', hint: detectIntent('인증 안 돼요'), phoneMatch: 'different', verificationOnly: false, rootDepth: 'X' },
    { status: 'member' },
  ])('every reason has a code and both languages (%j)', (input) => {
    const d = decide(input)
    expect(d.reasons.length).toBeGreaterThan(0)
    for (const r of d.reasons) {
      expect(r.code).toMatch(/^[a-z_]+$/)
      expect(ko(r)).not.toMatch(/reason_|\{\w+\}/)
      expect(en(r)).not.toMatch(/reason_|\{\w+\}/)
    }
  })
})

describe('branch 1: default non-member', () => {
  const d = applied(decide({ status: 'non_member' }))
  it('empathy line, the non-member text, the verification steps', () => {
    expect(d.steps.map((s) => s.kind)).toEqual(['empathy', 'text', 'text'])
    expect(d.steps[1]?.text).toContain('현재 비회원으로 문의하셔서')
    expect(d.steps[2]?.text).toContain('[인증하기] - [시작하기]')
  })
  it('lets the agent pick the consultation depth', () => {
    expect(d.consultation).toEqual({ depths: ['대리_기사'], agentPicksDepth: true })
    expect(formatConsultationPath(d.consultation)).toBe('대리_기사 ▶ (문의에 알맞은 depth 선택)')
  })
  it('suggests 양해 before asking to verify', () => {
    expect(d.empathy.kind).toBe('양해')
  })
  it('needs no identity check', () => {
    expect(d.identityGate).toBe('not_required')
  })
})

describe('branch 2: answer directly', () => {
  const d = applied(decide({ status: 'non_member', chosenBranch: 'answer_directly' }))
  it('has no verification text at all', () => {
    expect(d.steps.map((s) => s.kind)).toEqual(['empathy', 'answer_directly'])
    expect(d.steps.some((s) => s.text !== undefined)).toBe(false)
  })
  it('lets the agent pick the consultation depth and suggests 호응', () => {
    expect(d.consultation.agentPicksDepth).toBe(true)
    expect(d.empathy.kind).toBe('호응')
  })
})

describe('branch 3: termination certificate, gated by the four checks', () => {
  const good = { name: '김민수', birthDate: '900102', phone: '010-1234-5678', confirmedIsPerson: true }
  it.each([
    ['not yet checked', undefined, 'pending', 'identity_pending'],
    ['all four passed', checkIdentity(good, TODAY), 'passed', 'identity_passed'],
    ['person not confirmed', checkIdentity({ ...good, confirmedIsPerson: false }, TODAY), 'failed', 'identity_failed'],
    ['an RRN instead of a birth date', checkIdentity({ ...good, birthDate: '900102-1234567' }, TODAY), 'failed', 'identity_failed'],
  ] as const)('%s → %s', (_label, identity, gate, code) => {
    const d = applied(decide({ status: 'non_member', hint: detectIntent('해촉증명서 주세요'), identity }))
    expect(d.branch.number).toBe(3)
    expect(d.identityGate).toBe(gate)
    expect(codes(d)).toContain(code)
  })
  it('marks the processing step as allowed only after the identity check', () => {
    const d = applied(decide({ status: 'non_member', chosenBranch: 'termination_certificate' }))
    expect(d.steps.find((s) => s.id === 'issue_termination_certificate')).toMatchObject({ kind: 'process', requires: 'identity_passed' })
    expect(d.steps.find((s) => s.id === 'identity_check')?.kind).toBe('identity_check')
    expect(d.consultation.agentPicksDepth).toBe(true)
  })
})

describe('branch 4: re-inquiry after a phone-number change', () => {
  const base: DecideInput = { status: 'non_member', hint: detectIntent('번호 바꿨어요') }

  it.each([
    [undefined, BRANCH_STEPS.reinquiry_phone_change, 'phone_match_pending'],
    ['same', ['empathy', 'contact_match_request', 'contact_howto_kakaotalk', 'contact_howto_driver_app', 'verification_steps_chat'], 'phone_match_same'],
    ['different', ['empathy', 'contact_match_request', 'contact_howto_kakaotalk', 'contact_howto_driver_app', 'kakaotalk_relogin'], 'phone_match_different'],
  ] as const)('phone match %s → steps %j', (phoneMatch, steps, code) => {
    const d = applied(decide({ ...base, phoneMatch }))
    expect(stepIds(d)).toEqual(steps)
    expect(codes(d)).toContain(code)
  })

  it('marks the how-to blocks optional and the follow-ups by answer', () => {
    const d = applied(decide(base))
    const byId = Object.fromEntries(d.steps.map((s) => [s.id, s]))
    expect(byId.contact_howto_kakaotalk?.kind).toBe('optional_text')
    expect(byId.contact_howto_driver_app?.kind).toBe('optional_text')
    expect(byId.verification_steps_chat?.when).toBe('same')
    expect(byId.kakaotalk_relogin?.when).toBe('different')
    expect(byId.contact_match_request?.when).toBeUndefined()
  })

  it.each([
    [undefined, ['대리_기사', '기타/이벤트', '비회원문의', '기타'], false, 'consultation_verification_only_assumed'],
    [true, ['대리_기사', '기타/이벤트', '비회원문의', '기타'], false, 'consultation_verification_only'],
    [false, ['대리_기사'], true, 'consultation_content_known'],
  ] as const)('verificationOnly %s → %j', (verificationOnly, depths, agentPicksDepth, code) => {
    const d = applied(decide({ ...base, verificationOnly }))
    expect(d.consultation).toEqual({ depths, agentPicksDepth })
    expect(codes(d)).toContain(code)
  })

  it('writes the fixed path as the article does', () => {
    const d = applied(decide(base))
    expect(formatConsultationPath(d.consultation)).toBe('대리_기사 ▶ 기타/이벤트 ▶ 비회원문의 ▶ 기타')
  })

  it.each([
    [{}, '공감', 'empathy_phone_change'],
    [{ hint: detectIntent('인증이 안 떠요') }, '사과', 'empathy_verification_failing'],
    [{ earlierGuideFailed: true }, '사과', 'empathy_guide_failed'],
    [{ customerFrustrated: true }, '공감', 'empathy_frustrated'],
  ] as const)('empathy with %j → %s', (extra, kind, code) => {
    const d = applied(decide({ ...base, ...extra }))
    expect(d.empathy.kind).toBe(kind)
    expect(codes(d)).toContain(code)
  })
})

describe('inputs only some branches read (the branch table says which)', () => {
  const TODAY_CHECK = checkIdentity({ name: '김민수', birthDate: '900102', phone: '010-1234-5678', confirmedIsPerson: true }, TODAY)
  const all = { phoneMatch: 'same', verificationOnly: false, identity: TODAY_CHECK } as const

  it.each(BRANCHES.map((b) => [b.id, b.reads ?? []] as const))('%s reads %j and decides as if the others were not given', (chosenBranch, read) => {
    const given = decide({ status: 'non_member', chosenBranch, ...all })
    const onlyRead = decide({ status: 'non_member', chosenBranch, ...Object.fromEntries(read.map((input) => [input, all[input]])) })
    expect(given).toEqual(onlyRead)
  })

  it.each<BranchId>(['verify_then_reinquire', 'answer_directly', 'termination_certificate'])(
    'in %s a phone match and "verification only" change nothing',
    (chosenBranch) => {
      const d = applied(decide({ status: 'non_member', chosenBranch, phoneMatch: 'same', verificationOnly: true }))
      expect(stepIds(d)).toEqual(BRANCH_STEPS[chosenBranch])
      expect(d.consultation).toEqual({ depths: ['대리_기사'], agentPicksDepth: true })
      expect(codes(d).filter((code) => code.startsWith('phone_match') || code.startsWith('consultation_verification'))).toEqual([])
    },
  )

  it('the identity result does not gate other branches', () => {
    const d = applied(decide({ status: 'non_member', identity: { ok: false } }))
    expect(d.identityGate).toBe('not_required')
    expect(codes(d).filter((code) => code.startsWith('identity_'))).toEqual([])
  })
})

describe('root depth override', () => {
  it.each([
    [undefined, '대리_기사', false],
    ['', '대리_기사', false],
    ['   ', '대리_기사', false],
    ['대리_기사', '대리_기사', false],
    ['대리_기사(신)', '대리_기사(신)', true],
    ['  Daeri_Driver ', 'Daeri_Driver', true],
  ] as const)('rootDepth %j → %s', (rootDepth, root, overridden) => {
    for (const chosenBranch of ['verify_then_reinquire', 'reinquiry_phone_change'] as const) {
      const d = applied(decide({ status: 'non_member', chosenBranch, rootDepth }))
      expect(d.consultation.depths[0]).toBe(root)
      expect(codes(d).includes('root_depth_override')).toBe(overridden)
    }
  })
})

describe('purity', () => {
  it('gives the same decision for the same input', () => {
    const input: DecideInput = { status: 'unknown', hint: detectIntent('번호 바꿨는데 인증이 안 떠요'), phoneMatch: 'different' }
    expect(decide(input)).toEqual(decide(input))
  })
  it('does not let a caller mutate the branch table through a decision', () => {
    const d = applied(decide({ status: 'non_member', phoneMatch: 'same', chosenBranch: 'reinquiry_phone_change' }))
    expect(d.steps).not.toBe(d.branch.steps)
    expect(d.branch.steps).toHaveLength(6)
  })
})

describe('re-inquiry evidence (an earlier ticket tagged with an evidence branch)', () => {
  const evidence = { ticketId: 41, daysAgo: 2, branch: 1 } as const

  it('suggests the branch the table marks `suggested` (4), and says which ticket and how long ago', () => {
    const d = applied(decide({ status: 'non_member', evidence }))
    expect(d.branch.number).toBe(4)
    expect(d.suggestedBy).toBe('evidence')
    expect(d.why).toEqual({ code: 'reinquiry_evidence', params: { status: 'non_member', ticket: 41, days: 2, branch: 'reinquiry_phone_change' } })
    expect(d.reasons[1]).toEqual(d.why)
    expect(ko(d.why)).toBe('비회원 + 2일 전 티켓 #41에 분기 태그 → 재인입 분기 4 (재인입: 전화번호 변경 후 인증이 안 뜸 / 인증 안내 후에도 안 됨)')
    expect(en(d.why)).toContain('ticket #41 of 2 days ago')
  })

  it.each([
    ['해촉증명서 발급해주세요', 'termination_certificate'],
    ['보험은 어떻게 가입하나요?', 'answer_directly'],
  ] as const)('gives way to a hint for a branch that outweighs it: “%s” → %s', (message, branch) => {
    const hint = detectIntent(message)
    const d = applied(decide({ status: 'non_member', hint, evidence }))
    expect(d.branch.id).toBe(branch)
    expect(d.suggestedBy).toBe('hint')
    expect(codes(d)).not.toContain('reinquiry_evidence')
  })

  it('wins over a hint for a branch that does not outweigh it, and over the default', () => {
    expect(applied(decide({ status: 'non_member', hint: detectIntent('번호 바꿨어요'), evidence })).suggestedBy).toBe('evidence')
    expect(applied(decide({ status: 'non_member', evidence: null })).suggestedBy).toBe('default')
  })

  it('never over the agent’s choice', () => {
    const d = applied(decide({ status: 'non_member', evidence, chosenBranch: 'verify_then_reinquire' }))
    expect(d.branch.number).toBe(1)
    expect(d.why.code).toBe('agent_chose_branch')
  })

  it('names the reason that chose the branch as `why`', () => {
    expect(applied(decide({ status: 'non_member' })).why.code).toBe('default_branch')
    expect(applied(decide({ status: 'non_member', hint: detectIntent('해촉증명서 주세요') })).why.code).toBe('hint_termination_certificate')
  })
})
