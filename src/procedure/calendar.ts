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
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

/** The local calendar day of a `Date` (the agent's "today"). */
export function calendarDateOf(date: Date): CalendarDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() }
}

/** Negative if a is before b, 0 if the same day, positive if after. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}

/**
 * Age in full years (만 나이) on `today`. Someone born on 29 February has a birthday on 1 March
 * in common years: before that day the year is not yet complete.
 */
export function ageOn(birth: CalendarDate, today: CalendarDate): number {
  const hadBirthday = today.month > birth.month || (today.month === birth.month && today.day >= birth.day)
  return today.year - birth.year - (hadBirthday ? 0 : 1)
}

/** `YYYY-MM-DD`. */
export function toIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
}

/**
 * Two-digit year → four digits: 20YY unless that is after this year, else 19YY. So in 2025
 * `05` is 2005 and `26` is 1926; a date that is then too young or too old is refused later
 * rather than silently moved to the other century.
 */
export function expandTwoDigitYear(yy: number, today: CalendarDate): number {
  return 2000 + yy <= today.year ? 2000 + yy : 1900 + yy
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

const SEPARATOR_FORMATS: Readonly<Record<string, BirthDateFormat>> = {
  '-': 'YYYY-MM-DD',
  '.': 'YYYY.MM.DD',
  '/': 'YYYY/MM/DD',
}

/**
 * Reads year / month / day from one of the accepted formats, or null. Input is NFKC-normalised
 * first so full-width digits typed on a phone keyboard count. No validity check here: that is
 * the caller's job (the mask rule only needs the year, the identity check needs everything).
 */
export function readDateParts(text: string, today: CalendarDate): DateParts | null {
  const s = text.normalize('NFKC').trim()
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), format: 'YYYYMMDD' }
  m = /^(\d{2})(\d{2})(\d{2})$/.exec(s)
  if (m) return { year: expandTwoDigitYear(Number(m[1]), today), month: Number(m[2]), day: Number(m[3]), format: 'YYMMDD' }
  // 1990-01-02, 1990.1.2, 1990. 1. 2. (Korean style, trailing dot), 1990/01/02; one separator kind.
  m = /^(\d{4})\s*([-./])\s*(\d{1,2})\s*([-./])\s*(\d{1,2})(\s*\.)?$/.exec(s)
  if (m && m[2] === m[4] && (m[6] === undefined || m[2] === '.')) {
    const format = SEPARATOR_FORMATS[m[2] ?? '']
    if (format) return { year: Number(m[1]), month: Number(m[3]), day: Number(m[5]), format }
  }
  m = /^(\d{4}|\d{2})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일?$/.exec(s)
  if (m) {
    const y = m[1] ?? ''
    const year = y.length === 2 ? expandTwoDigitYear(Number(y), today) : Number(y)
    return { year, month: Number(m[2]), day: Number(m[3]), format: y.length === 2 ? 'YY년 M월 D일' : 'YYYY년 M월 D일' }
  }
  return null
}
