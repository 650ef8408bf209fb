/**
 * The masking rule of mask.ts applied to free text (the audit note, once more before it leaves):
 * a module of its own, so only the note's lazily loaded chunk carries it.
 */
import { calendarDateOf, fullYear } from './calendar'
import { maskMobile, maskName, star } from './mask'
import { maskRrns } from './rrn'

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
