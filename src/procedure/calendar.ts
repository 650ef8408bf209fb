/**
 * Calendar arithmetic for birth dates, on plain year / month / day numbers so no time zone or
 * clock can leak into a decision. "Today" is always passed in by the caller.
 */

/** A date without time: month 1-12, day 1-31. */
export interface CalendarDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** Gregorian leap year: every 4th year, except centuries not divisible by 400 (1900 no, 2000 yes). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Days in a month of a year (28-31). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** Whether year / month / day name a real calendar day. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return [year, month, day].every(Number.isInteger) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** The local calendar day of a `Date` (the agent's "today"). */
export function calendarDateOf(date: Date): CalendarDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() }
}

// A date as the number YYYYMMDD (month and day take two digits each): comparing two of these
// compares the dates, and the whole 10000s between them are the whole years.
const yyyymmdd = (date: CalendarDate): number => date.year * 1e4 + date.month * 100 + date.day

/** Negative if a is before b, 0 if the same day, positive if after. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return yyyymmdd(a) - yyyymmdd(b)
}

/**
 * Age in full years (만 나이) on `today`. Someone born on 29 February has a birthday on 1 March
 * in common years: before that day (0228 < 0229) the year is not yet complete.
 */
export function ageOn(birth: CalendarDate, today: CalendarDate): number {
  return Math.floor((yyyymmdd(today) - yyyymmdd(birth)) / 1e4)
}

/** `YYYY-MM-DD`. */
export function toIsoDate(date: CalendarDate): string {
  return String(yyyymmdd(date))
    .padStart(8, '0')
    .replace(/(..)(..)$/, '-$1-$2')
}

/**
 * A typed year → four digits. Two digits are 20YY unless that is after this year, else 19YY: so
 * in 2025 `05` is 2005 and `26` is 1926; a date that is then too young or too old is refused
 * later rather than silently moved to the other century.
 */
export function fullYear(digits: string, today: CalendarDate): number {
  const y = Number(digits)
  return digits.length > 2 ? y : 2000 + y <= today.year ? 2000 + y : 1900 + y
}

/** The birth-date formats people type that the procedure accepts. */
export type BirthDateFormat = 'YYYYMMDD' | 'YYMMDD' | 'YYYY-MM-DD' | 'YYYY.MM.DD' | 'YYYY/MM/DD' | 'YYYY년 M월 D일' | 'YY년 M월 D일'

/** A birth date read from text, not yet checked against the calendar or an age range. */
export interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly format: BirthDateFormat
}

// The accepted shapes, each read as year, separator (empty for digits only), month, day. They
// exclude each other, so the order does not matter.
const DATE_SHAPES: readonly RegExp[] = [
  // 19900102, 900102
  /^(\d{4}|\d\d)()(\d\d)(\d\d)$/,
  // 1990-01-02, 1990/1/2, 1990.01.02 and the Korean style 1990. 1. 2. (a trailing separator, dots only)
  /^(\d{4})\s*([-./])\s*(\d\d?)\s*\2\s*(\d\d?)(?:\s*\2(?<=\.))?$/,
  // 1990년 1월 2일, 90년 1월 2일
  /^(\d{4}|\d\d)\s*(년)\s*(\d\d?)\s*월\s*(\d\d?)\s*일?$/,
]

/**
 * Reads year / month / day from one of the accepted formats, or null. Input is NFKC-normalised
 * first so full-width digits typed on a phone keyboard count. No validity check here: that is
 * the caller's job (the mask rule only needs the year, the identity check needs everything).
 */
export function readDateParts(text: string, today: CalendarDate): DateParts | null {
  const s = text.normalize('NFKC').trim()
  for (const shape of DATE_SHAPES) {
    const m = shape.exec(s)
    if (!m) continue
    const [, year = '', sep = '', month, day] = m
    // The format's name spells the year's width and the separator: YYMMDD, YYYY.MM.DD, YY년 M월 D일.
    const y = 'Y'.repeat(year.length)
    const format = (sep === '년' ? `${y}년 M월 D일` : `${y}${sep}MM${sep}DD`) as BirthDateFormat
    return { year: fullYear(year, today), month: Number(month), day: Number(day), format }
  }
  return null
}
