/**
 * Empathy lines (감성표현): the article asks the agent to open with one that fits the moment,
 * of four kinds. The kinds are keyed by their Korean names, as the article writes them; English
 * labels are in the UI's catalogues (`empathy_<kind>`).
 */
import type { BranchId } from './branches'
import type { Intent } from './intent'
import { reason } from './reason'
import type { Reason } from './reason'

/** 호응 acknowledge · 공감 empathise · 양해 ask for understanding · 사과 apologise. */
export type EmpathyKind = '호응' | '공감' | '양해' | '사과'

/** The four kinds in the article's order. */
export const EMPATHY_KINDS: readonly EmpathyKind[] = ['호응', '공감', '양해', '사과']

/** Ready phrases per kind, in the polite register the article's texts use. */
export const EMPATHY_PHRASES: Readonly<Record<EmpathyKind, readonly string[]>> = {
  호응: [
    '네, 기사님. 문의하신 내용 확인했습니다.',
    '네, 말씀하신 내용 잘 알겠습니다.',
    '네, 기사님. 문의 주셔서 감사합니다.',
    '아, 그러셨군요. 자세히 말씀해 주셔서 감사합니다.',
  ],
  공감: [
    '많이 답답하셨겠어요.',
    '운행 준비로 바쁘신데 이런 일이 생겨 많이 불편하셨겠어요.',
    '여러 번 시도하셨는데도 안 되어 속상하셨겠어요.',
    '기사님 입장에서 충분히 당황스러우셨을 것 같아요.',
  ],
  양해: [
    '번거로우시겠지만 정확한 안내를 위해 양해 부탁드려요.',
    '기사님 정보를 안전하게 보호하기 위한 절차이니 양해 부탁드립니다.',
    '바로 도와드리지 못하는 점 양해해 주시면 감사하겠습니다.',
    '잠시 확인이 필요한 점 너그러운 양해 부탁드립니다.',
  ],
  사과: [
    '이용에 불편을 드려 죄송합니다.',
    '앞서 안내해 드린 방법으로 해결되지 않아 정말 죄송합니다.',
    '다시 문의하시게 해 드려 죄송합니다.',
    '기다리시게 해 드려 죄송합니다.',
  ],
}

/** What the UI knows about the moment, beyond the branch. */
export interface EmpathyContext {
  /** The intent hint of the latest message, if any. */
  readonly intent?: Intent | 'none'
  /** The driver says an earlier verification guide did not work. */
  readonly earlierGuideFailed?: boolean
  /** The driver sounds frustrated (see detectFrustration). */
  readonly customerFrustrated?: boolean
}

/** A suggested kind, its phrases (best first), the other kinds the agent may pick, and why. */
export interface EmpathySuggestion {
  readonly kind: EmpathyKind
  readonly phrases: readonly string[]
  readonly alternatives: readonly EmpathyKind[]
  readonly reason: Reason
}

interface Rule {
  readonly applies: (branch: BranchId, c: EmpathyContext) => boolean
  readonly kind: EmpathyKind
  /** Index in EMPATHY_PHRASES[kind] of the phrase that fits this situation best. */
  readonly best: number
  readonly reason: Reason
}

// First match wins: an apology owed outranks everything, then the driver's feelings, then the branch.
const RULES: readonly Rule[] = [
  {
    applies: (_b, c) => c.earlierGuideFailed === true,
    kind: '사과',
    best: 1,
    reason: reason('empathy_guide_failed'),
  },
  {
    applies: (b, c) => b === 'reinquiry_phone_change' && c.intent === 'verification_failing',
    kind: '사과',
    best: 0,
    reason: reason('empathy_verification_failing'),
  },
  {
    applies: (_b, c) => c.customerFrustrated === true,
    kind: '공감',
    best: 0,
    reason: reason('empathy_frustrated'),
  },
  {
    applies: (b) => b === 'verify_then_reinquire',
    kind: '양해',
    best: 2,
    reason: reason('empathy_before_verification'),
  },
  {
    applies: (b) => b === 'termination_certificate',
    kind: '양해',
    best: 1,
    reason: reason('empathy_before_identity_check'),
  },
  {
    applies: (b) => b === 'reinquiry_phone_change',
    kind: '공감',
    best: 1,
    reason: reason('empathy_phone_change'),
  },
  {
    applies: () => true,
    kind: '호응',
    best: 0,
    reason: reason('empathy_acknowledge'),
  },
]

/**
 * Suggests the empathy kind for a branch and situation. Only a suggestion: every kind stays
 * available in `alternatives`, and the agent writes the line they find natural.
 */
export function suggestEmpathy(branch: BranchId, context: EmpathyContext = {}): EmpathySuggestion {
  const rule = RULES.find((r) => r.applies(branch, context)) ?? RULES[RULES.length - 1]
  if (!rule) throw new Error('no empathy rule')
  const phrases = EMPATHY_PHRASES[rule.kind]
  const best = phrases[rule.best]
  return {
    kind: rule.kind,
    phrases: best === undefined ? phrases : [best, ...phrases.filter((p) => p !== best)],
    alternatives: EMPATHY_KINDS.filter((k) => k !== rule.kind),
    reason: rule.reason,
  }
}
