/**
 * Korean mobile numbers: read what people type, normalise, compare (branch 4's contact match).
 */
import { detectRrn, RRN_REFUSED } from './rrn'
import { reason, refuse } from './reason'
import type { Reason } from './reason'

/** A valid Korean mobile number. */
export interface MobilePhone {
  /** Domestic digits only, e.g. `01012345678`. */
  readonly digits: string
  /** `010-1234-5678` (legacy 10-digit numbers: `011-123-4567`). */
  readonly formatted: string
  /** The carrier prefix, `010` or a legacy `011` / `016` / `017` / `018` / `019`. */
  readonly prefix: string
  /** The number uses a legacy (pre-010) prefix. */
  readonly legacy: boolean
}

/** Result of {@link parseMobilePhone}: the number plus warnings, or the reason it was refused. */
export type PhoneResult =
  { readonly ok: true; readonly phone: MobilePhone; readonly warnings: readonly Reason[] } | { readonly ok: false; readonly error: Reason }

/** Legacy prefixes still in use by a few people; accepted with a warning. */
export const LEGACY_MOBILE_PREFIXES: readonly string[] = ['011', '016', '017', '018', '019']

/** Warning for a legacy 01X number. */
export const PHONE_LEGACY_WARNING: Reason = reason('phone_legacy_prefix')

/**
 * Reads a mobile number as people type it: `010-1234-5678`, `01012345678`, `010 1234 5678`,
 * `010.1234.5678`, `(010) 1234-5678`, `+82 10-1234-5678`, `+82 010-…`, `0082-10-…`, full-width
 * digits. Legacy 011/016/017/018/019 numbers pass with a warning. A resident registration
 * number is refused (it must not be collected).
 */
export function parseMobilePhone(text: string): PhoneResult {
  const s = text.normalize('NFKC').trim()
  if (s === '') return refuse(reason('phone_empty'))
  if (detectRrn(s)) return refuse(RRN_REFUSED)
  // Only digits and the punctuation people put between them; a second '+' or any letter means
  // it is not (only) a phone number.
  if (!/^\+?[\d\s\-.()]+$/.test(s)) return refuse(reason('phone_format'))
  let digits = s.replace(/\D/g, '')
  if (s[0] === '+' && !digits.startsWith('82')) return refuse(reason('phone_foreign'))
  // Country code 82 (+82, 0082, or a bare 82: a domestic number starts with 0) → the leading 0,
  // whether or not it was typed after the code (+82 10-… and +82 010-…).
  digits = digits.replace(/^(?:00)?820?/, '0')
  const prefix = digits.slice(0, 3)
  const legacy = prefix !== '010'
  if (legacy && !LEGACY_MOBILE_PREFIXES.includes(prefix)) return refuse(reason('phone_not_mobile'))
  // 010 numbers have 11 digits; legacy ones 10 or 11.
  if (digits.length !== 11 && !(legacy && digits.length === 10)) return refuse(reason('phone_length'))
  const formatted = digits.replace(/^(\d{3})(\d+)(\d{4})$/, '$1-$2-$3')
  return { ok: true, phone: { digits, formatted, prefix, legacy }, warnings: legacy ? [PHONE_LEGACY_WARNING] : [] }
}

/** The domestic digits of a valid mobile number (`01012345678`), or null if it is not one. */
export function normalisePhone(text: string): string | null {
  const result = parseMobilePhone(text)
  return result.ok ? result.phone.digits : null
}

/**
 * Branch 4's question "is the driver app's number the same as KakaoTalk's?":
 * `'same'` / `'different'` after normalising both, or `{ invalid }` naming which side is not a
 * valid mobile number (then the agent asks again rather than guessing).
 */
export type PhoneMatch = 'same' | 'different' | { readonly invalid: 'a' | 'b' | 'both' }

/** Compares two typed numbers; see {@link PhoneMatch}. */
export function matchPhones(a: string, b: string): PhoneMatch {
  const na = normalisePhone(a)
  const nb = normalisePhone(b)
  if (na && nb) return na === nb ? 'same' : 'different'
  return { invalid: na ? 'b' : nb ? 'a' : 'both' }
}
