/**
 * The reasons every decision carries.
 *
 * A reason is a stable code plus the values its sentence needs, never the sentence itself: the
 * sentences live in the UI's catalogues (`reason_<code>`, Korean and English), so the sidebar
 * ships only the agent's language. Codes are stable for tests, searching and the audit note.
 */
import type { BranchId, PhoneMatchAnswer } from './branches'
import type { ConsultationPath } from './consultation'
import type { Intent } from './intent'

/**
 * Every reason code, by who gives it. A union, so tsc refuses a code without a sentence in the
 * catalogues (see src/i18n/procedure-texts.ts) and a misspelt one.
 */
export type ReasonCode =
  // decide.ts: who is asking, which branch and why
  | 'status_member'
  | 'status_non_member'
  | 'status_unknown'
  | 'member_branch_ignored'
  | 'agent_chose_branch'
  | 'agent_overrode_hint'
  | `hint_${Intent}`
  | 'default_branch'
  | 'reinquiry_evidence'
  | 'root_depth_override'
  // decide.ts: what the branch reads
  | 'consultation_agent_picks'
  | 'consultation_content_known'
  | 'consultation_verification_only'
  | 'consultation_verification_only_assumed'
  | `phone_match_${PhoneMatchAnswer | 'pending'}`
  | 'identity_pending'
  | 'identity_passed'
  | 'identity_failed'
  // empathy.ts and the branch table's empathy picks
  | 'empathy_guide_failed'
  | 'empathy_verification_failing'
  | 'empathy_frustrated'
  | 'empathy_before_verification'
  | 'empathy_before_identity_check'
  | 'empathy_phone_change'
  | 'empathy_acknowledge'
  // identity.ts, phone.ts, rrn.ts: a refused or doubtful input
  | 'birth_date_empty'
  | 'birth_date_format'
  | 'birth_date_invalid'
  | 'birth_date_future'
  | 'birth_date_too_young'
  | 'birth_date_too_old'
  | 'name_empty'
  | 'name_digits'
  | 'name_too_short'
  | 'name_too_long'
  | 'name_format'
  | 'person_not_confirmed'
  | 'phone_empty'
  | 'phone_format'
  | 'phone_foreign'
  | 'phone_not_mobile'
  | 'phone_length'
  | 'phone_legacy_prefix'
  | 'rrn_refused'

/** What a reason's sentence may mention. None of it is personal data. */
export interface ReasonParams {
  /** A branch, shown as its number and title. */
  readonly branch?: BranchId
  /** Who is asking, when it is not a member. */
  readonly status?: 'non_member' | 'unknown'
  /** The driver's words the intent hint matched, quoted. */
  readonly words?: string
  /** The consultation root depth from the settings. */
  readonly root?: string
  /** A consultation path, shown with its depths. */
  readonly path?: ConsultationPath
  /** An age limit. */
  readonly age?: number
  /** An earlier ticket's number, and how many days ago it was created (re-inquiry evidence). */
  readonly ticket?: number
  readonly days?: number
}

/** Why the procedure decided something (or refused an input). */
export interface Reason {
  readonly code: ReasonCode
  readonly params?: ReasonParams
}

/** Builds a {@link Reason}. */
export function reason(code: ReasonCode, params?: ReasonParams): Reason {
  return params ? { code, params } : { code }
}

/** A refused input as a failed result: `{ ok: false, error }`. */
export function refuse(error: Reason): { readonly ok: false; readonly error: Reason } {
  return { ok: false, error }
}
