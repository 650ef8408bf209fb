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

// First match wins: an apology owed outranks everything, then the driver's feelings, then the
// branch. Each answer is the kind, the index in EMPATHY_PHRASES[kind] of the phrase that fits
// best, and why.
function pick(branch: BranchId, c: EmpathyContext): readonly [EmpathyKind, number, Reason] {
  if (c.earlierGuideFailed === true) return ['사과', 1, reason('empathy_guide_failed')]
  if (branch === 'reinquiry_phone_change' && c.intent === 'verification_failing') return ['사과', 0, reason('empathy_verification_failing')]
  if (c.customerFrustrated === true) return ['공감', 0, reason('empathy_frustrated')]
  if (branch === 'verify_then_reinquire') return ['양해', 2, reason('empathy_before_verification')]
  if (branch === 'termination_certificate') return ['양해', 1, reason('empathy_before_identity_check')]
  if (branch === 'reinquiry_phone_change') return ['공감', 1, reason('empathy_phone_change')]
  return ['호응', 0, reason('empathy_acknowledge')]
}

/**
 * Suggests the empathy kind for a branch and situation. Only a suggestion: every kind stays
 * available in `alternatives`, and the agent writes the line they find natural.
 */
export function suggestEmpathy(branch: BranchId, context: EmpathyContext = {}): EmpathySuggestion {
  const [kind, best, why] = pick(branch, context)
  const phrases = EMPATHY_PHRASES[kind]
  return {
    kind,
    // The best phrase first, the others in their order.
    phrases: [...phrases.slice(best, best + 1), ...phrases.filter((_, i) => i !== best)],
    alternatives: EMPATHY_KINDS.filter((k) => k !== kind),
    reason: why,
  }
}
