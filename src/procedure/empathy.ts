/**
 * Empathy lines (감성표현): the article asks the agent to open with one that fits the moment,
 * of four kinds. The kinds are keyed by their Korean names, as the article writes them; English
 * labels are in the UI's catalogues (`empathy_<kind>`).
 */
import { branchById } from './branches'
import type { BranchId } from './branches'
import type { Intent } from './intent'
import { reason } from './reason'
import type { Reason, ReasonCode } from './reason'

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

/** A suggested kind, its phrase that fits best, and why (the picker offers every kind and phrase). */
export interface EmpathySuggestion {
  readonly kind: EmpathyKind
  readonly phrase: string | undefined
  readonly reason: Reason
}

/** A suggestion as data: the kind, the index in EMPATHY_PHRASES[kind] of the phrase that fits best, and why. */
export type EmpathyPick = readonly [kind: EmpathyKind, phrase: number, reason: ReasonCode]

/** A branch's empathy line (in the branch table): its usual pick, and picks for intents that change it. */
export interface BranchEmpathy {
  readonly usual: EmpathyPick
  readonly onIntent?: { readonly [I in Intent]?: EmpathyPick }
}

// First match wins: an apology owed outranks everything, then what the driver's intent means in
// this branch, then the driver's feelings, then the branch's usual line.
function pick({ usual, onIntent }: BranchEmpathy, c: EmpathyContext): EmpathyPick {
  if (c.earlierGuideFailed === true) return ['사과', 1, 'empathy_guide_failed']
  const byIntent = c.intent && c.intent !== 'none' ? onIntent?.[c.intent] : undefined
  if (byIntent) return byIntent
  if (c.customerFrustrated === true) return ['공감', 0, 'empathy_frustrated']
  return usual
}

/**
 * Suggests the empathy kind and phrase for a branch and situation. Only a suggestion: every kind
 * and phrase stays available (EMPATHY_KINDS, EMPATHY_PHRASES), and the agent writes the line they find natural.
 */
export function suggestEmpathy(branch: BranchId, context: EmpathyContext = {}): EmpathySuggestion {
  const [kind, best, why] = pick(branchById(branch).empathy, context)
  return { kind, phrase: EMPATHY_PHRASES[kind][best], reason: reason(why) }
}
