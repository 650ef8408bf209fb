/**
 * The decision: given who is asking and what they seem to want, which branch applies, which
 * steps to send, which consultation type to set, which empathy line fits, and why.
 *
 * Pure: no clock, no I/O. Everything it needs comes in through {@link DecideInput}.
 */
import { branchById } from './branches'
import type { Branch, BranchId, PhoneMatchAnswer, ReplyStep } from './branches'
import { agentPicksPath, DEFAULT_ROOT_DEPTH, formatConsultationPath, verificationOnlyPath } from './consultation'
import type { ConsultationPath } from './consultation'
import { suggestEmpathy } from './empathy'
import type { EmpathySuggestion } from './empathy'
import type { IdentityCheck } from './identity'
import type { Intent, IntentHint } from './intent'
import { reason } from './reason'
import type { Reason } from './reason'

/**
 * Who is asking. `member`: the requester carries the member marker (verified). `non_member`:
 * no marker. `unknown`: the app could not tell (marker not configured, lookup failed).
 */
export type RequesterStatus = 'member' | 'non_member' | 'unknown'

/** Everything {@link decide} looks at. Only `status` is required. */
export interface DecideInput {
  readonly status: RequesterStatus
  /** The hint from detectIntent on the latest message. */
  readonly hint?: IntentHint
  /** The branch the agent chose; overrides the hint (the agent has the last word). */
  readonly chosenBranch?: BranchId
  /** Root depth of the consultation type; default 대리_기사. Blank means the default. */
  readonly rootDepth?: string
  /** Branch 4: the driver's answer to "are the two numbers the same?" (see matchPhones). */
  readonly phoneMatch?: PhoneMatchAnswer
  /**
   * Branch 4: true (the default) when the inquiry is only a verification problem → fixed
   * consultation type; false when the inquiry's content is known → the agent picks the depth.
   */
  readonly verificationOnly?: boolean
  /** Branch 3: the result of checkIdentity, once the agent has collected the four items. */
  readonly identity?: Pick<IdentityCheck, 'ok'>
  /** The driver says an earlier verification guide did not work (for the empathy line). */
  readonly earlierGuideFailed?: boolean
  /** The driver sounds frustrated (see detectFrustration; for the empathy line). */
  readonly customerFrustrated?: boolean
}

/**
 * Branch 3's gate before processing: `pending` until checkIdentity ran, then `passed` or
 * `failed`; `not_required` in the other branches.
 */
export type IdentityGate = 'not_required' | 'pending' | 'passed' | 'failed'

/** Who picked the branch: the agent, the intent hint, or the article's default (branch 1). */
export type SuggestedBy = 'hint' | 'default' | 'agent'

/** The outcome. `applies: false` means the procedure is not for this requester (a member). */
export type Decision =
  | { readonly applies: false; readonly reasons: readonly Reason[] }
  | {
      readonly applies: true
      readonly status: Exclude<RequesterStatus, 'member'>
      readonly branch: Branch
      readonly suggestedBy: SuggestedBy
      /** The branch's steps in order; in branch 4 narrowed to the same / different follow-up once known. */
      readonly steps: readonly ReplyStep[]
      readonly consultation: ConsultationPath
      readonly empathy: EmpathySuggestion
      readonly identityGate: IdentityGate
      readonly reasons: readonly Reason[]
    }

const INTENT_LABEL: Readonly<Record<Intent, { ko: string; en: string }>> = {
  termination_certificate: { ko: '해촉증명서 요청', en: 'termination certificate request' },
  phone_changed: { ko: '전화번호 변경', en: 'phone number changed' },
  verification_failing: { ko: '인증이 안 뜸/안 됨', en: 'verification not showing or failing' },
  general_question: { ko: '정보조회 없이 안내 가능한 일반 문의', en: 'general question, no account lookup needed' },
}

const STATUS_REASON: Readonly<Record<RequesterStatus, Reason>> = {
  member: reason(
    'status_member',
    '인증된 회원: 비회원 인입 절차는 적용되지 않습니다.',
    'Verified member: the non-member procedure does not apply.',
  ),
  non_member: reason('status_non_member', '비회원 인입: 회원 표시가 없어 절차를 적용합니다.', 'Non-member chat: no member marker, the procedure applies.'),
  unknown: reason(
    'status_unknown',
    '회원 여부를 알 수 없음: 비회원으로 보고 절차를 안내합니다. 회원인지는 상담사가 판단하세요.',
    'Membership unknown: the procedure is shown as for a non-member. The agent decides whether the requester is a member.',
  ),
}

function branchLabel(b: Branch): { ko: string; en: string } {
  return { ko: `분기 ${b.number} (${b.title.ko})`, en: `branch ${b.number} (${b.title.en})` }
}

/**
 * Decides the procedure for one requester and message.
 *
 * - `member` → `applies: false` whatever else is passed: the procedure is for non-members.
 * - `unknown` → applies as for a non-member, and the reasons say the status is unknown so the
 *   agent decides: showing the steps is harmless, while hiding them from a real non-member
 *   would break the article.
 * - Branch choice: the agent's `chosenBranch`, else the hint's suggestion, else branch 1.
 * - Branch 4: steps narrowed by `phoneMatch`; consultation type fixed unless `verificationOnly`
 *   is false. Branch 3: `identityGate` from `identity`.
 */
export function decide(input: DecideInput): Decision {
  const reasons: Reason[] = [STATUS_REASON[input.status]]
  if (input.status === 'member') {
    if (input.chosenBranch) {
      reasons.push(
        reason(
          'member_branch_ignored',
          '회원에게는 분기를 적용하지 않습니다. 회원 표시가 잘못되었다면 회원 여부를 바꿔 주세요.',
          'No branch applies to a member. If the member marker is wrong, change the status.',
        ),
      )
    }
    return { applies: false, reasons }
  }
  const status = input.status
  const who = status === 'non_member' ? { ko: '비회원', en: 'Non-member' } : { ko: '회원 여부 미확인', en: 'Unknown status' }

  const hinted = input.hint && input.hint.intent !== 'none' ? input.hint : undefined
  let branchId: BranchId
  let suggestedBy: SuggestedBy
  if (input.chosenBranch) {
    branchId = input.chosenBranch
    suggestedBy = 'agent'
    const chosen = branchLabel(branchById(branchId))
    reasons.push(reason('agent_chose_branch', `상담사가 ${chosen.ko}을 선택함`, `The agent chose ${chosen.en}`))
    if (hinted && hinted.suggestedBranch !== branchId) {
      const h = branchLabel(branchById(hinted.suggestedBranch))
      reasons.push(
        reason('agent_overrode_hint', `힌트는 ${h.ko}였으나 상담사의 선택을 따름`, `The hint suggested ${h.en}; the agent's choice stands`),
      )
    }
  } else if (hinted) {
    branchId = hinted.suggestedBranch
    suggestedBy = 'hint'
    const b = branchLabel(branchById(branchId))
    const label = INTENT_LABEL[hinted.intent]
    const words = hinted.matched.map((w) => `'${w}'`).join(', ')
    reasons.push(
      reason(`hint_${hinted.intent}`, `${who.ko} + ${label.ko}(${words}) → ${b.ko}`, `${who.en} + ${label.en} (${words}) → ${b.en}`),
    )
  } else {
    branchId = 'verify_then_reinquire'
    suggestedBy = 'default'
    const b = branchLabel(branchById(branchId))
    reasons.push(
      reason('default_branch', `${who.ko} + 해당하는 예외 없음 → ${b.ko}`, `${who.en} + no exception applies → ${b.en}`),
    )
  }
  const branch = branchById(branchId)

  const root = input.rootDepth?.trim() ? input.rootDepth.trim() : DEFAULT_ROOT_DEPTH
  if (root !== DEFAULT_ROOT_DEPTH) {
    reasons.push(reason('root_depth_override', `상담유형 최상위 depth: ${root} (설정값)`, `Consultation root depth: ${root} (setting)`))
  }

  let steps: readonly ReplyStep[] = branch.steps
  let consultation: ConsultationPath
  if (branch.consultation === 'fixed_if_verification_only') {
    steps = narrowByPhoneMatch(branch.steps, input.phoneMatch, reasons)
    if (input.verificationOnly === false) {
      consultation = agentPicksPath(root)
      reasons.push(
        reason(
          'consultation_content_known',
          `문의내용이 파악된 경우 → 상담유형 ${formatConsultationPath(consultation, 'ko')}`,
          `The inquiry's content is known → consultation type ${formatConsultationPath(consultation, 'en')}`,
        ),
      )
    } else {
      consultation = verificationOnlyPath(root)
      const assumed = input.verificationOnly === undefined
      reasons.push(
        reason(
          assumed ? 'consultation_verification_only_assumed' : 'consultation_verification_only',
          `단순 본인인증 불가 문의${assumed ? '로 봄(문의내용이 파악되면 바꾸세요)' : ''} → 상담유형 ${formatConsultationPath(consultation, 'ko')}`,
          `Only a verification problem${assumed ? ' (assumed; change it if the inquiry content is known)' : ''} → consultation type ${formatConsultationPath(consultation, 'en')}`,
        ),
      )
    }
  } else {
    consultation = agentPicksPath(root)
    reasons.push(
      reason(
        'consultation_agent_picks',
        `상담유형 ${formatConsultationPath(consultation, 'ko')}`,
        `Consultation type ${formatConsultationPath(consultation, 'en')}`,
      ),
    )
    if (input.phoneMatch) {
      reasons.push(reason('phone_match_ignored', '연락처 동일 여부는 분기 4에서만 사용합니다.', 'The phone match is used in branch 4 only.'))
    }
    if (input.verificationOnly !== undefined) {
      reasons.push(
        reason('verification_only_ignored', '고정 상담유형(단순 본인인증 불가 문의)은 분기 4에서만 사용합니다.', 'The fixed consultation type (verification only) is used in branch 4 only.'),
      )
    }
  }

  let identityGate: IdentityGate = 'not_required'
  if (branch.id === 'termination_certificate') {
    if (!input.identity) {
      identityGate = 'pending'
      reasons.push(
        reason('identity_pending', '성함+생년월일+휴대폰번호+본인여부 확인 전: 아직 처리할 수 없음', 'Name + birth date + mobile number + person not yet confirmed: cannot process yet'),
      )
    } else if (input.identity.ok) {
      identityGate = 'passed'
      reasons.push(reason('identity_passed', '성함+생년월일+휴대폰번호+본인여부 모두 확인 → 처리 가능', 'All four identity checks passed → may process'))
    } else {
      identityGate = 'failed'
      reasons.push(reason('identity_failed', '확인되지 않은 항목이 있음 → 처리할 수 없음', 'Some identity checks did not pass → cannot process'))
    }
  }

  const empathy = suggestEmpathy(branch.id, {
    intent: input.hint?.intent,
    earlierGuideFailed: input.earlierGuideFailed,
    customerFrustrated: input.customerFrustrated,
  })
  reasons.push(empathy.reason)

  return { applies: true, status, branch, suggestedBy, steps, consultation, empathy, identityGate, reasons }
}

function narrowByPhoneMatch(steps: readonly ReplyStep[], match: PhoneMatchAnswer | undefined, reasons: Reason[]): readonly ReplyStep[] {
  if (match === 'same') {
    reasons.push(reason('phone_match_same', '연락처 동일 → 상담창에서 본인인증 방법 안내', 'Numbers are the same → guide the in-chat verification'))
  } else if (match === 'different') {
    reasons.push(
      reason('phone_match_different', '연락처 다름 → 기사 앱과 같은 번호로 카카오톡 로그인 안내', "Numbers differ → log in to KakaoTalk with the driver app's number"),
    )
  } else {
    reasons.push(
      reason('phone_match_pending', '연락처 동일 여부 확인 전 → 동일함/동일하지 않음 안내를 모두 표시', 'Phone match not yet known → both follow-ups shown'),
    )
  }
  return match ? steps.filter((s) => s.when === undefined || s.when === match) : steps
}
