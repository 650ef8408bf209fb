/**
 * The decision: given who is asking and what they seem to want, which branch applies, which
 * steps to send, which consultation type to set, which empathy line fits, and why.
 *
 * Pure: no clock, no I/O. Everything it needs comes in through {@link DecideInput}.
 */
import { BRANCHES, branchById, DEFAULT_BRANCH, hasReinquiryRole, reads } from './branches'
import type { Branch, BranchId, PhoneMatchAnswer, ReplyStep } from './branches'
import { agentPicksPath, DEFAULT_ROOT_DEPTH, verificationOnlyPath } from './consultation'
import type { ConsultationPath } from './consultation'
import { suggestEmpathy } from './empathy'
import type { EmpathySuggestion } from './empathy'
import type { IdentityCheck } from './identity'
import type { IntentHint } from './intent'
import { reason } from './reason'
import type { Reason } from './reason'
import type { ReinquiryEvidence } from './reinquiry-evidence'

/**
 * Who is asking. `member`: the requester carries the member marker (verified). `non_member`:
 * no marker. `unknown`: the app could not tell (marker not configured, lookup failed).
 */
export type RequesterStatus = 'member' | 'non_member' | 'unknown'

/**
 * Everything {@link decide} looks at. Only `status` is required. The inputs named by
 * `BranchInput` (branches.ts) are read only by the branches that declare them in the branch table, so a
 * caller may pass all it knows.
 */
export interface DecideInput {
  readonly status: RequesterStatus
  /** The hint from detectIntent on the latest message. */
  readonly hint?: IntentHint
  /** The branch the agent chose; overrides the hint (the agent has the last word). */
  readonly chosenBranch?: BranchId
  /** Root depth of the consultation type; default 대리_기사. Blank means the default. */
  readonly rootDepth?: string
  /** The driver's answer to "are the two numbers the same?" (see matchPhones). */
  readonly phoneMatch?: PhoneMatchAnswer
  /**
   * True (the default) when the inquiry is only a verification problem → fixed consultation type;
   * false when the inquiry's content is known → the agent picks the depth.
   */
  readonly verificationOnly?: boolean
  /** The result of checkIdentity, once the agent has begun to collect the four items. */
  readonly identity?: Pick<IdentityCheck, 'ok'>
  /** The driver says an earlier verification guide did not work (for the empathy line). */
  readonly earlierGuideFailed?: boolean
  /** The driver sounds frustrated (see detectFrustration; for the empathy line). */
  readonly customerFrustrated?: boolean
  /**
   * An earlier ticket of the requester that makes this chat a re-inquiry (findReinquiryEvidence):
   * it suggests the branch the table marks `suggested`, unless the hint points to a branch that
   * `outweighs` it.
   */
  readonly evidence?: ReinquiryEvidence | null
}

/**
 * The gate before processing in a branch that reads `identity`: `pending` until checkIdentity
 * ran, then `passed` or `failed`; `not_required` in the other branches.
 */
export type IdentityGate = 'not_required' | 'pending' | 'passed' | 'failed'

/** Who picked the branch: the agent, the intent hint, an earlier ticket, or the article's default (branch 1). */
export type SuggestedBy = 'hint' | 'default' | 'agent' | 'evidence'

/** The outcome. `applies: false` means the procedure is not for this requester (a member). */
export type Decision =
  | { readonly applies: false; readonly reasons: readonly Reason[] }
  | {
      readonly applies: true
      readonly status: Exclude<RequesterStatus, 'member'>
      readonly branch: Branch
      readonly suggestedBy: SuggestedBy
      /** Why this branch, in one reason (also among `reasons`). */
      readonly why: Reason
      /** The branch's steps in order; narrowed to the same / different follow-up once the phone match is known. */
      readonly steps: readonly ReplyStep[]
      readonly consultation: ConsultationPath
      readonly empathy: EmpathySuggestion
      readonly identityGate: IdentityGate
      readonly reasons: readonly Reason[]
    }

const STATUS_REASON: Readonly<Record<RequesterStatus, Reason>> = {
  member: reason('status_member'),
  non_member: reason('status_non_member'),
  unknown: reason('status_unknown'),
}

/**
 * Decides the procedure for one requester and message.
 *
 * - `member` → `applies: false` whatever else is passed: the procedure is for non-members.
 * - `unknown` → applies as for a non-member, and the reasons say the status is unknown so the
 *   agent decides: showing the steps is harmless, while hiding them from a real non-member
 *   would break the article.
 * - Branch choice: the agent's `chosenBranch`, else re-inquiry evidence (unless the hint's branch
 *   outweighs it), else the hint's suggestion, else the default.
 * - Then what the branch reads (see the branch table): `phoneMatch` narrows the steps,
 *   `verificationOnly` feeds its consultation rule, `identity` sets `identityGate`.
 */
export function decide(input: DecideInput): Decision {
  const { status, chosenBranch } = input
  const reasons: Reason[] = [STATUS_REASON[status]]
  if (status === 'member') {
    if (chosenBranch) reasons.push(reason('member_branch_ignored'))
    return { applies: false, reasons }
  }

  const hinted = input.hint && input.hint.intent !== 'none' ? input.hint : undefined
  const { evidence } = input
  const byEvidence =
    evidence && !(hinted && hasReinquiryRole(branchById(hinted.suggestedBranch), 'outweighs')) && BRANCHES.find((b) => hasReinquiryRole(b, 'suggested'))
  let branchId: BranchId = DEFAULT_BRANCH
  let suggestedBy: SuggestedBy = 'default'
  let why: Reason
  if (chosenBranch) {
    branchId = chosenBranch
    suggestedBy = 'agent'
    why = reason('agent_chose_branch', { branch: branchId })
  } else if (byEvidence) {
    branchId = byEvidence.id
    suggestedBy = 'evidence'
    why = reason('reinquiry_evidence', { status, ticket: evidence.ticketId, days: evidence.daysAgo, branch: branchId })
  } else if (hinted) {
    branchId = hinted.suggestedBranch
    suggestedBy = 'hint'
    const words = hinted.matched.map((w) => `'${w}'`).join(', ')
    why = reason(`hint_${hinted.intent}`, { status, words, branch: branchId })
  } else {
    why = reason('default_branch', { status, branch: branchId })
  }
  reasons.push(why)
  if (chosenBranch && hinted && hinted.suggestedBranch !== branchId) reasons.push(reason('agent_overrode_hint', { branch: hinted.suggestedBranch }))
  const branch = branchById(branchId)

  const root = input.rootDepth?.trim() || DEFAULT_ROOT_DEPTH
  if (root !== DEFAULT_ROOT_DEPTH) reasons.push(reason('root_depth_override', { root }))

  let steps = branch.steps
  if (reads(branch, 'phoneMatch')) {
    // The same / different follow-up once the driver answered.
    const match = input.phoneMatch
    reasons.push(reason(`phone_match_${match ?? 'pending'}`))
    if (match) steps = steps.filter((s) => s.when === undefined || s.when === match)
  }

  let consultation = agentPicksPath(root)
  const verificationOnly = reads(branch, 'verificationOnly') ? input.verificationOnly : undefined
  if (branch.consultation === 'agent_picks') {
    reasons.push(reason('consultation_agent_picks', { path: consultation }))
  } else if (verificationOnly === false) {
    reasons.push(reason('consultation_content_known', { path: consultation }))
  } else {
    consultation = verificationOnlyPath(root)
    // Not told: the article's case is a pure verification problem; the agent can change it.
    reasons.push(reason(verificationOnly === undefined ? 'consultation_verification_only_assumed' : 'consultation_verification_only', { path: consultation }))
  }

  let identityGate: IdentityGate = 'not_required'
  if (reads(branch, 'identity')) {
    const { identity } = input
    const gate = !identity ? 'pending' : identity.ok ? 'passed' : 'failed'
    reasons.push(reason(`identity_${gate}`))
    identityGate = gate
  }

  const empathy = suggestEmpathy(branch.id, {
    intent: input.hint?.intent,
    earlierGuideFailed: input.earlierGuideFailed,
    customerFrustrated: input.customerFrustrated,
  })
  reasons.push(empathy.reason)

  return { applies: true, status, branch, suggestedBy, why, steps, consultation, empathy, identityGate, reasons }
}
