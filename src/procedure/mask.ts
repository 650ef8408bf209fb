/**
 * The one masking rule, for anything displayed or written down (sidebar, internal note, audit):
 * - phone: keep the carrier prefix and the last four digits → `010-****-5678`;
 * - name: keep the first and the last character → `김*수`, `남**수`; two characters → `김*`;
 *   one → `*`; Latin names keep the first letter of each word → `J*** S****`;
 * - birth date: the year only → `1990` (in free text the date keeps its shape: `1990-**-**`);
 * - resident registration number: never shown, not even in part → `******-*******`.
 * Free text (the audit note) is masked by mask-text.ts, which only the note's chunk loads.
 */
import { calendarDateOf, readDateParts } from './calendar'
import { parseMobilePhone } from './phone'
import { detectRrn, RRN_MASK } from './rrn'

/** Every digit starred. */
export const star = (text: string): string => text.replace(/\d/g, '*')

/** A valid mobile number as `010-****-5678` (the middle group starred), or undefined. */
export function maskMobile(text: string): string | undefined {
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
