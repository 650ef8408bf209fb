/**
 * The reasons every decision carries.
 *
 * A reason is a stable code plus the values its sentence needs, never the sentence itself: the
 * sentences live in the UI's catalogues (`reason_<code>`, Korean and English), so the sidebar
 * ships only the agent's language. Codes are stable for tests, searching and the audit note.
 */
import type { BranchId } from './branches'
import type { ConsultationPath } from './consultation'

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
}

/** Why the procedure decided something (or refused an input). */
export interface Reason {
  readonly code: string
  readonly params?: ReasonParams
}

/** Builds a {@link Reason}. */
export function reason(code: string, params?: ReasonParams): Reason {
  return params ? { code, params } : { code }
}

/** A refused input as a failed result: `{ ok: false, error }`. */
export function refuse(error: Reason): { readonly ok: false; readonly error: Reason } {
  return { ok: false, error }
}
