/**
 * The one masking rule, for anything displayed or written down (sidebar, internal note, audit):
 * - phone: keep the carrier prefix and the last four digits → `010-****-5678`;
 * - name: keep the first and the last character → `김*수`, `남**수`; two characters → `김*`;
 *   one → `*`; Latin names keep the first letter of each word → `J*** S****`;
 * - birth date: the year only → `1990` (in free text the date keeps its shape: `1990-**-**`);
 * - resident registration number: never shown, not even in part → `******-*******`.
 */
import { calendarDateOf, fullYear, readDateParts } from './calendar'
import { parseMobilePhone } from './phone'
import { detectRrn, maskRrns, RRN_MASK } from './rrn'

const star = (text: string): string => text.replace(/\d/g, '*')

/** A valid mobile number as `010-****-5678` (the middle group starred), or undefined. */
function maskMobile(text: string): string | undefined {
  const parsed = parseMobilePhone(text)
  return parsed.ok ? parsed.phone.formatted.replace(/-\d+/, star) : undefined
}

/** `010-1234-5678` → `010-****-5678`. Text that is not a valid mobile number keeps only its last four digits. */
export function maskPhone(text: string): string {
  // Every digit followed by four more digits is starred.
  return detectRrn(text) ? RRN_MASK : (maskMobile(text) ?? text.replace(/\d(?=(?:\D*\d){4})/g, '*'))
}

/** `김민수` → `김*수`, `남궁민수` → `남**수`, `김민` → `김*`, `John Smith` → `J*** S****`. */
export function maskName(text: string): string {
  if (detectRrn(text)) return RRN_MASK
  const s = star(text.normalize('NFKC').trim())
  // Latin names keep the first letter of each word.
  if (/[A-Za-z]/.test(s)) return s.replace(/(?<=[A-Za-z])[A-Za-z]/g, '*')
  // Korean names are written without meaningful spaces (이 수민 = 이수민), so mask the syllables:
  // the first stays if there are two or more, the last if there are three or more.
  const chars = [...s.replace(/\s+/g, '')]
  const last = chars.length - 1
  return chars.map((c, i) => ((i === 0 && last > 0) || (i === last && last > 1) ? c : '*')).join('')
}

/**
 * A birth date field → its year (`1990-01-02`, `900102`, `1990년 1월 2일` → `1990`); `****` if
 * no accepted format can be read. `today` decides the century of a two-digit year.
 */
export function maskBirthDate(text: string, today: Date = new Date()): string {
  const parts = detectRrn(text) ? null : readDateParts(text, calendarDateOf(today))
  return parts ? String(parts.year) : '****'
}

// A mobile number inside free text: +82 / 0082 / 0, then 01X and 7-8 more digits with separators.
const PHONE_IN_TEXT = /(?<![\d+])(?:(?:\+|00)\s*82[\s.-]*(?:\(0\)\s*)?0?|0)1[016789](?:[\s.)-]*\d){7,8}(?!\d)/g
// Dates inside free text (the shapes of the birth-date field), most specific first; each keeps its
// year digits (group 1) and stars the rest.
const DATE_IN_TEXT: readonly RegExp[] = [
  /(?<!\d)(\d{4}|\d\d)\s*년\s*\d\d?\s*월\s*\d\d?\s*일?/g,
  /(?<!\d)(\d{4})\s*([-./])\s*\d\d?\s*\2\s*\d\d?(?!\d)/g,
  // 19900102, 900102: only with a real month and day, so amounts (150000) stay readable.
  /(?<!\d)(\d{4}|\d\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)/g,
]
// A name after a label ("성함: 김민수", "이름 : John Smith"); the text is NFKC, so ： is already :.
const LABELLED_NAME = /((?:성함|이름|name)\s*:\s*)([가-힣]{2,10}(?![가-힣])|[A-Za-z]+(?: [A-Za-z]+){0,3})/gi

/**
 * Masks personal data found in free text before it is displayed or written down: resident
 * registration numbers, mobile numbers, labelled names and dates that could be a birth date.
 * A date counts if the person would be 10-120 years old (two-digit years read as in the birth
 * date field); recent dates (a trip, a payout) are left alone so the note stays useful.
 */
export function maskPersonalData(text: string, today: Date = new Date()): string {
  const day = calendarDateOf(today)
  let out = maskRrns(text).replace(PHONE_IN_TEXT, (m) => maskMobile(m) ?? m)
  for (const pattern of DATE_IN_TEXT) {
    out = out.replace(pattern, (m: string, year: string) => {
      const age = day.year - fullYear(year, day)
      return age >= 10 && age <= 120 ? year + star(m.slice(year.length)) : m
    })
  }
  return out.replace(LABELLED_NAME, (_m, label: string, name: string) => label + maskName(name))
}
