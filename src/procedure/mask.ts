/**
 * The one masking rule, for anything displayed or written down (sidebar, internal note, audit):
 * - phone: keep the carrier prefix and the last four digits → `010-****-5678`;
 * - name: keep the first and the last character → `김*수`, `남**수`; two characters → `김*`;
 *   one → `*`; Latin names keep the first letter of each word → `J*** S****`;
 * - birth date: the year only → `1990` (in free text the date keeps its shape: `1990-**-**`);
 * - resident registration number: never shown, not even in part → `******-*******`.
 */
import { calendarDateOf, readDateParts } from './calendar'
import type { CalendarDate } from './calendar'
import { parseMobilePhone } from './phone'
import { detectRrn, RRN_MASK, rrnPattern } from './rrn'

/** `010-1234-5678` → `010-****-5678`. Text that is not a valid mobile number keeps only its last four digits. */
export function maskPhone(text: string): string {
  if (detectRrn(text)) return RRN_MASK
  const parsed = parseMobilePhone(text)
  if (parsed.ok) {
    const [prefix = '', middle = '', last = ''] = parsed.phone.formatted.split('-')
    return `${prefix}-${'*'.repeat(middle.length)}-${last}`
  }
  return maskAllButLastDigits(text, 4)
}

function maskAllButLastDigits(text: string, keep: number): string {
  const total = (text.match(/\d/g) ?? []).length
  let seen = 0
  return text.replace(/\d/g, (d) => (++seen > total - keep ? d : '*'))
}

/** `김민수` → `김*수`, `남궁민수` → `남**수`, `김민` → `김*`, `John Smith` → `J*** S****`. */
export function maskName(text: string): string {
  if (detectRrn(text)) return RRN_MASK
  const s = text.normalize('NFKC').trim().replace(/\d/g, '*')
  if (/[A-Za-z]/.test(s)) return s.replace(/[A-Za-z]+/g, (w) => w.charAt(0) + '*'.repeat(w.length - 1))
  // Korean names are written without meaningful spaces (이 수민 = 이수민), so mask the syllables.
  const chars = [...s.replace(/\s+/g, '')]
  if (chars.length === 0) return ''
  if (chars.length === 1) return '*'
  if (chars.length === 2) return `${chars[0] ?? ''}*`
  return `${chars[0] ?? ''}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1] ?? ''}`
}

/**
 * A birth date field → its year (`1990-01-02`, `900102`, `1990년 1월 2일` → `1990`); `****` if
 * no accepted format can be read. `today` decides the century of a two-digit year.
 */
export function maskBirthDate(text: string, today: Date = new Date()): string {
  if (detectRrn(text)) return '****'
  const parts = readDateParts(text, calendarDateOf(today))
  return parts ? String(parts.year) : '****'
}

// A mobile number inside free text: +82 / 0082 / 0, then 01X and 7-8 more digits with separators.
const PHONE_IN_TEXT = /(?<![\d+])(?:(?:\+|00)\s*82[\s.-]*(?:\(0\)\s*)?0?|0)1[016789](?:[\s.)-]*\d){7,8}(?!\d)/g
// Dates inside free text, most specific first; each keeps its year digits and stars the rest.
const DATE_IN_TEXT: readonly RegExp[] = [
  /(?<!\d)(\d{4}|\d{2})\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일?/g,
  /(?<!\d)(\d{4})\s*([-./])\s*\d{1,2}\s*\2\s*\d{1,2}(?![\d])/g,
  /(?<!\d)(\d{4})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)/g,
  /(?<!\d)(\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)/g,
]
// A name after a label ("성함: 김민수", "이름 : John Smith").
const LABELLED_NAME = /(성함|이름|name)(\s*[:：]\s*)([가-힣]{2,10}(?![가-힣])|[A-Za-z]+(?: [A-Za-z]+){0,3})/gi

/**
 * Masks personal data found in free text before it is displayed or written down: resident
 * registration numbers, mobile numbers, labelled names and dates that could be a birth date.
 * A date counts if the person would be 10-120 years old; recent dates (a trip, a payout) are
 * left alone so the note stays useful.
 */
export function maskPersonalData(text: string, today: Date = new Date()): string {
  const day = calendarDateOf(today)
  let out = text.normalize('NFKC').replace(rrnPattern(), RRN_MASK)
  out = out.replace(PHONE_IN_TEXT, (m) => (parseMobilePhone(m).ok ? maskPhone(m) : m))
  for (const pattern of DATE_IN_TEXT) {
    out = out.replace(pattern, (m: string, year: string) => (couldBeBirthDate(m, day) ? maskDateKeepingYear(m, year) : m))
  }
  out = out.replace(LABELLED_NAME, (_m, label: string, sep: string, name: string) => `${label}${sep}${maskName(name)}`)
  return out
}

function couldBeBirthDate(match: string, today: CalendarDate): boolean {
  // Free-text dates are read with the same century rule as the birth-date field.
  const parts = readDateParts(match, today)
  if (!parts) return false
  const age = today.year - parts.year
  return age >= 10 && age <= 120
}

function maskDateKeepingYear(match: string, year: string): string {
  return year + match.slice(year.length).replace(/\d/g, '*')
}
