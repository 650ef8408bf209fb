/**
 * Bilingual text and the reasons every decision carries.
 *
 * The UI shows Korean or English by the agent's locale and the audit note keeps both, so every
 * human-readable string the procedure produces comes as a `{ ko, en }` pair.
 */

/** A text in both languages the sidebar supports. */
export interface Bilingual {
  readonly ko: string
  readonly en: string
}

/**
 * Why the procedure decided something. `code` is stable (for tests, analytics and the audit
 * note); `ko` / `en` are for people and never contain personal data.
 */
export interface Reason extends Bilingual {
  readonly code: string
}

/** Builds a {@link Reason}; a helper so reason literals stay one line each. */
export function reason(code: string, ko: string, en: string): Reason {
  return { code, ko, en }
}
