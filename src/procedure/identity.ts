/**
 * Branch 3's identity check for a withdrawn driver asking for a termination certificate:
 * 성함 + 생년월일 + 휴대폰번호 + 본인여부, all four, before the certificate may be processed.
 *
 * This module checks that what the agent collected is well-formed and never a resident
 * registration number. Comparing it with the driver's record is the agent's job; the agent's
 * "it is the person" confirmation (본인여부) is the fourth check and covers that comparison.
 */
import { ageOn, calendarDateOf, compareDates, isRealDate, readDateParts } from './calendar'
import type { BirthDateFormat, CalendarDate } from './calendar'
import { maskName, maskPhone } from './mask'
import { parseMobilePhone } from './phone'
import { reason, refuse } from './reason'
import type { Reason } from './reason'
import { detectRrn, RRN_REFUSED } from './rrn'

/** Re-exported so the identity checks' building blocks are all reachable from here. */
export { detectRrn, RRN_REFUSED } from './rrn'
/** Re-exported: the phone check of the four. */
export { parseMobilePhone } from './phone'

/** Youngest plausible driver: 만 19세, the age of majority in Korea. */
export const ADULT_AGE = 19
/** Oldest plausible driver; beyond this the date is almost certainly mistyped. */
export const MAX_PLAUSIBLE_AGE = 100

/** A birth date that passed every check, or the reason it did not. */
export type BirthDateResult =
  { readonly ok: true; readonly date: CalendarDate; readonly format: BirthDateFormat; readonly age: number } | { readonly ok: false; readonly error: Reason }

/**
 * Reads and checks a birth date: accepted formats are `YYYYMMDD`, `YYMMDD`, `YYYY-MM-DD`,
 * `YYYY.MM.DD` (also `1990. 1. 2.`), `YYYY/MM/DD` and `1990년 1월 2일` (also `90년 1월 2일`).
 * The date must exist (leap years included), not be in the future, and give an age of
 * {@link ADULT_AGE}-{@link MAX_PLAUSIBLE_AGE} on `today`. Two-digit years: 20YY unless after
 * this year, else 19YY. A resident registration number is refused.
 */
export function parseBirthDate(text: string, today: Date = new Date()): BirthDateResult {
  if (text.trim() === '') return refuse(reason('birth_date_empty'))
  if (detectRrn(text)) return refuse(RRN_REFUSED)
  const day = calendarDateOf(today)
  const parts = readDateParts(text, day)
  if (!parts) return refuse(reason('birth_date_format'))
  if (!isRealDate(parts.year, parts.month, parts.day)) return refuse(reason('birth_date_invalid'))
  const date: CalendarDate = { year: parts.year, month: parts.month, day: parts.day }
  if (compareDates(date, day) > 0) return refuse(reason('birth_date_future'))
  const age = ageOn(date, day)
  if (age < ADULT_AGE) return refuse(reason('birth_date_too_young', { age: ADULT_AGE }))
  if (age > MAX_PLAUSIBLE_AGE) return refuse(reason('birth_date_too_old', { age: MAX_PLAUSIBLE_AGE }))
  return { ok: true, date, format: parts.format, age }
}

/** A name that passed the form check (trimmed, single spaces), or the reason it did not. */
export type NameResult = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly error: Reason }

/**
 * Checks the form of a name: Hangul syllables (2-10, e.g. 김민수, 남궁민수) or Latin letters for
 * foreign drivers (e.g. John Smith, O'Brien, Nguyen Van A). Digits, bare jamo and an RRN are refused.
 */
export function parseName(text: string): NameResult {
  const s = text.normalize('NFKC').trim().replace(/\s+/g, ' ')
  if (s === '') return refuse(reason('name_empty'))
  if (detectRrn(s)) return refuse(RRN_REFUSED)
  if (/\d/.test(s)) return refuse(reason('name_digits'))
  // Hangul names are counted in syllables (2-10), Latin ones in characters (2-60).
  const hangul = /^[가-힣]+(?: [가-힣]+)*$/.test(s)
  if (!hangul && !/^[A-Za-z]+(?:[ '\-.][A-Za-z]+)*\.?$/.test(s)) return refuse(reason('name_format'))
  const length = hangul ? s.replace(/ /g, '').length : s.length
  if (length < 2) return refuse(reason('name_too_short'))
  if (length > (hangul ? 10 : 60)) return refuse(reason('name_too_long'))
  return { ok: true, name: s }
}

/** One of the four checks: passed, or failed with a reason. */
export type CheckResult = { readonly ok: true } | { readonly ok: false; readonly error: Reason }

/** What the agent collected from the driver, as typed, plus the agent's own confirmation. */
export interface IdentityInput {
  readonly name: string
  readonly birthDate: string
  readonly phone: string
  /** The agent confirmed it is the person (본인여부): the details match the driver's record. */
  readonly confirmedIsPerson: boolean
}

/** Result of the four-part identity check. */
export interface IdentityCheck {
  /** All four checks passed: the certificate may be processed. */
  readonly ok: boolean
  readonly checks: {
    readonly name: CheckResult
    readonly birthDate: CheckResult
    readonly phone: CheckResult
    readonly person: CheckResult
  }
  /** Accepted but worth a second look (e.g. a legacy 01X number). */
  readonly warnings: readonly Reason[]
  /** Masked values for display and notes; '' where the value was refused (nothing to write down). */
  readonly masked: { readonly name: string; readonly birthDate: string; readonly phone: string }
}

const PERSON_NOT_CONFIRMED = reason('person_not_confirmed')

/**
 * The four checks of branch 3. Every field is also screened for a resident registration
 * number, which fails that field with {@link RRN_REFUSED}. `ok` is true only when all four pass.
 */
export function checkIdentity(input: IdentityInput, today: Date = new Date()): IdentityCheck {
  const name = parseName(input.name)
  const birth = parseBirthDate(input.birthDate, today)
  const phone = parseMobilePhone(input.phone)
  const checks = {
    name: toCheck(name),
    birthDate: toCheck(birth),
    phone: toCheck(phone),
    person: input.confirmedIsPerson === true ? ({ ok: true } as const) : refuse(PERSON_NOT_CONFIRMED),
  }
  return {
    ok: checks.name.ok && checks.birthDate.ok && checks.phone.ok && checks.person.ok,
    checks,
    warnings: phone.ok ? phone.warnings : [],
    masked: {
      name: name.ok ? maskName(name.name) : '',
      birthDate: birth.ok ? String(birth.date.year) : '',
      phone: phone.ok ? maskPhone(phone.phone.formatted) : '',
    },
  }
}

function toCheck(result: { readonly ok: true } | { readonly ok: false; readonly error: Reason }): CheckResult {
  return result.ok ? { ok: true } : refuse(result.error)
}
