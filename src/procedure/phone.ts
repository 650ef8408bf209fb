/**
 * Korean mobile numbers: read what people type, normalise, compare (branch 4's contact match).
 */
import { detectRrn, RRN_REFUSED } from './rrn'
import { reason } from './reason'
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
  | { readonly ok: true; readonly phone: MobilePhone; readonly warnings: readonly Reason[] }
  | { readonly ok: false; readonly error: Reason }

/** Legacy prefixes still in use by a few people; accepted with a warning. */
export const LEGACY_MOBILE_PREFIXES: readonly string[] = ['011', '016', '017', '018', '019']

const PHONE_ERRORS = {
  empty: reason('phone_empty', '휴대폰번호를 입력해 주세요.', 'Enter the mobile number.'),
  format: reason('phone_format', '휴대폰번호 형식이 아닙니다. 예: 010-1234-5678', 'Not a phone number format. Example: 010-1234-5678'),
  foreign: reason('phone_foreign', '국내(+82) 휴대폰번호만 확인할 수 있습니다.', 'Only Korean (+82) mobile numbers can be confirmed.'),
  notMobile: reason('phone_not_mobile', '휴대폰번호가 아닙니다(010 등으로 시작해야 합니다).', 'Not a mobile number (it must start with 010 or similar).'),
  length: reason('phone_length', '휴대폰번호 자릿수가 맞지 않습니다. 예: 010-1234-5678', 'The mobile number has the wrong number of digits. Example: 010-1234-5678'),
} as const

/** Warning for a legacy 01X number. */
export const PHONE_LEGACY_WARNING: Reason = reason(
  'phone_legacy_prefix',
  '01X 구형 번호입니다. 기사 앱에 등록된 번호와 같은지 한 번 더 확인해 주세요.',
  'Legacy 01X number. Double-check it against the number registered in the driver app.',
)

/**
 * Reads a mobile number as people type it: `010-1234-5678`, `01012345678`, `010 1234 5678`,
 * `010.1234.5678`, `(010) 1234-5678`, `+82 10-1234-5678`, `+82 010-…`, `0082-10-…`, full-width
 * digits. Legacy 011/016/017/018/019 numbers pass with a warning. A resident registration
 * number is refused (it must not be collected).
 */
export function parseMobilePhone(text: string): PhoneResult {
  const s = text.normalize('NFKC').trim()
  if (s === '') return { ok: false, error: PHONE_ERRORS.empty }
  if (detectRrn(s)) return { ok: false, error: RRN_REFUSED }
  // Only digits and the punctuation people put between them; a second '+' or any letter means
  // it is not (only) a phone number.
  if (!/^\+?[\d\s\-.()]+$/.test(s)) return { ok: false, error: PHONE_ERRORS.format }
  let digits = s.replace(/\D/g, '')
  if (s.startsWith('+')) {
    if (!digits.startsWith('82')) return { ok: false, error: PHONE_ERRORS.foreign }
    digits = digits.slice(2)
  } else if (digits.startsWith('0082')) {
    digits = digits.slice(4)
  } else if (digits.startsWith('82')) {
    // A domestic number starts with 0, so a leading 82 can only be the country code.
    digits = digits.slice(2)
  } else if (!digits.startsWith('0')) {
    return { ok: false, error: PHONE_ERRORS.notMobile }
  }
  if (!digits.startsWith('0')) digits = `0${digits}`
  const prefix = digits.slice(0, 3)
  if (prefix === '010') {
    if (digits.length !== 11) return { ok: false, error: PHONE_ERRORS.length }
    return { ok: true, phone: { digits, formatted: formatDigits(digits), prefix, legacy: false }, warnings: [] }
  }
  if (LEGACY_MOBILE_PREFIXES.includes(prefix)) {
    if (digits.length !== 10 && digits.length !== 11) return { ok: false, error: PHONE_ERRORS.length }
    return { ok: true, phone: { digits, formatted: formatDigits(digits), prefix, legacy: true }, warnings: [PHONE_LEGACY_WARNING] }
  }
  return { ok: false, error: PHONE_ERRORS.notMobile }
}

function formatDigits(digits: string): string {
  const mid = digits.length === 10 ? 3 : 4
  return `${digits.slice(0, 3)}-${digits.slice(3, 3 + mid)}-${digits.slice(3 + mid)}`
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
  if (na === null && nb === null) return { invalid: 'both' }
  if (na === null) return { invalid: 'a' }
  if (nb === null) return { invalid: 'b' }
  return na === nb ? 'same' : 'different'
}
