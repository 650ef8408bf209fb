import { describe, expect, it } from 'vitest'
import { checkIdentity, detectRrn, maskRrns, parseBirthDate, parseMobilePhone, parseName, RRN_MASK } from '../../src/procedure'
import { maskPersonalData } from '../../src/procedure/mask-text'

// Full-width form of a text: ASCII digits, dots, dashes, slashes and spaces → U+FF01… and U+3000.
const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000')

// Every one of these carries the RRN 900102-1234567 (or another real-looking one).
const RRN_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['plain dash', '900102-1234567'],
  ['no separator', '9001021234567'],
  ['space', '900102 1234567'],
  ['dot', '900102.1234567'],
  ['dot with spaces', '900102 . 1234567'],
  ['slash', '900102/1234567'],
  ['several spaces and a dash', '900102   -   1234567'],
  ['a line break', '900102\n1234567'],
  ['no-break space', '900102\u00a01234567'],
  ['zero-width space', '900102\u200b1234567'],
  ['zero-width spaces between every digit', [...'9001021234567'].join('\u200b')],
  ['zero-width joiner and non-joiner', '9001\u200d02-\u200c1234567'],
  ['byte order mark', '\ufeff900102-1234567'],
  ['soft hyphen as the separator', '900102\u00ad1234567'],
  ['bidi marks', '\u200e900102\u200f-\u202a1234567\u202c'],
  ['word joiner', '900102\u20601234567'],
  ['digits spread with spaces in groups', '900 102 123 4567'],
  ['digits spread in pairs', '90 01 02 12 34 56 7'],
  ['every digit apart', '9 0 0 1 0 2 1 2 3 4 5 6 7'],
  ['groups with dots', '90.01.02.1234567'],
  ['the Hangul ㅡ as a dash', '900102ㅡ1234567'],
  ['emoji keycap digits', '9️⃣0️⃣0️⃣1️⃣0️⃣2️⃣-1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣'],
  ['pasted with surrounding text', '제 주민번호는 900102-1234567 입니다'],
  ['pasted with text glued on', '주민번호:900102.1234567요'],
  ['born in the 2000s', '010101-3234567'],
  ['a foreign resident number', '900102-5234567'],
  ['after a phone number and words', '전화 010-1234-5678 이고 주민번호 900102-1234567'],
  ['right after a phone number', '010-1234-5678 900102-1234567'],
  ['second of two numbers', '850302, 900102 1234567'],
  ['overlapping a 13-digit number that is not one', '7654321 900102 1234567'],
  ['full-width', fullWidth('900102-1234567')],
  ['full-width dot', fullWidth('900102.1234567')],
  ['full-width spaces in groups', fullWidth('900 102 123 4567')],
  ['full-width digits, ASCII dash', '９００１０２-１２３４５６７'],
  ['mathematical digits', '𝟗𝟎𝟎𝟏𝟎𝟐-𝟏𝟐𝟑𝟒𝟓𝟔𝟕'],
]

// Every kind of dash people (or their keyboards) put in: ASCII, hyphen, non-breaking hyphen,
// figure dash, en dash, em dash, horizontal bar, minus, small and full-width hyphen-minus.
const DASHES = ['-', '‐', '‑', '‒', '–', '—', '―', '−', '﹣', '－', '⁻', '₋']

// None of these is an RRN; refusing them would stop the agent doing the job.
const NEAR_MISSES: ReadonlyArray<readonly [string, string]> = [
  ['a mobile number', '010-1234-5678'],
  ['a mobile number, digits only', '01012345678'],
  ['a mobile number with spaces', '010 1234 5678'],
  ['an international mobile number', '+82 10-1234-5678'],
  ['an international number with the 0', '+82 010 1234 5678'],
  ['an international number, digits only', '+8201012345678'],
  ['0082 and dots', '0082.10.1234.5678'],
  ['a full-width mobile number', fullWidth('010-1234-5678')],
  ['a legacy mobile number', '011-123-4567'],
  ['two mobile numbers', '010-1234-5678 010-2345-6789'],
  ['a date', '1985-03-02'],
  ['a date, six digits', '850302'],
  ['a date, eight digits', '19850302'],
  ['a date with dots', '1985.03.02'],
  ['a date then a mobile number, separated by a word', '1985.03.02 / 연락처 010-1234-5678'],
  ['a business number (10 digits)', '123-45-67890'],
  ['an 11-digit business number', '12345678901'],
  ['a ticket number, implausible date', '1234567890123'],
  ['an order number, month 13', '9013021234567'],
  ['an order number, day 32', '9001321234567'],
  ['an order number, gender digit 0', '2403150012345'],
  ['an order number, gender digit 9', '주문번호 2403159012345'],
  ['14 digits', '90010212345678'],
  ['12 digits', '900102-123456'],
  ['an RRN front part only', '900102-1'],
  ['two numbers in one message separated by words', '생년월일 850302 이고 전화번호는 010-1234-5678 입니다'],
  ['a birth date and an amount separated by words', '900102 생이고 1234567원 받았어요'],
  ['separators too far apart', '900102 -- -- 1234567'],
  ['an amount', '1,234,567원'],
  ['', ''],
]

describe('detectRrn', () => {
  it.each(RRN_FORMS)('refuses %s: %j', (_form, text) => {
    expect(detectRrn(text)).toBe(true)
  })

  it.each(DASHES)('refuses the dash %j between the parts, also full-width digits around it', (dash) => {
    expect(detectRrn(`900102${dash}1234567`)).toBe(true)
    expect(detectRrn(`900102 ${dash} 1234567`)).toBe(true)
    expect(detectRrn(`９００１０２${dash}１２３４５６７`)).toBe(true)
  })

  it.each(NEAR_MISSES)('lets %s pass: %j', (_what, text) => {
    expect(detectRrn(text)).toBe(false)
  })

  it('finds each form by its date and gender digit, not by its shape alone', () => {
    // The same forms with the digits of an impossible date (month 13), then of gender digit 9.
    const withDigits = (text: string, digits: string) => {
      let n = 0
      return text.replace(/\d/g, () => digits.charAt(n++))
    }
    const forms = RRN_FORMS.filter(([, text]) => text.match(/\d/g)?.length === 13)
    expect(forms.length).toBeGreaterThan(20)
    for (const [, text] of forms) {
      expect(detectRrn(withDigits(text, '9013021234567'))).toBe(false)
      expect(detectRrn(withDigits(text, '9001029234567'))).toBe(false)
      expect(detectRrn(withDigits(text, '9001022234567'))).toBe(true)
    }
  })
})

describe('maskRrns', () => {
  it.each([
    ['주민번호 900102.1234567 보냅니다', `주민번호 ${RRN_MASK} 보냅니다`],
    ['900 102 123 4567', RRN_MASK],
    ['a\u200b900102\u200b-1234567b', `a\u200b${RRN_MASK}b`],
    ['010-1234-5678 900102-1234567', `010-1234-5678 ${RRN_MASK}`],
    ['900102-1234567, 850302-2234567', `${RRN_MASK}, ${RRN_MASK}`],
    ['7654321 900102 1234567', `7654321 ${RRN_MASK}`],
    ['전화 010-1234-5678', '전화 010-1234-5678'],
  ])('%j → %j', (text, masked) => {
    expect(maskRrns(text)).toBe(masked)
  })

  it('leaves no digit of any RRN form in a note (maskPersonalData)', () => {
    for (const [, text] of RRN_FORMS) {
      const masked = maskPersonalData(`메모: ${text} 끝`, new Date(2025, 5, 1))
      expect(masked).toContain(RRN_MASK)
      // Not even the back part survives (a birth date or a phone number nearby keeps its own mask).
      const back = text.normalize('NFKC').replace(/\D/g, '').slice(-7)
      expect(masked.replace(/\D/g, '')).not.toContain(back)
    }
  })
})

describe('every box refuses every RRN form', () => {
  const today = new Date(2025, 5, 1)
  it.each(RRN_FORMS)('%s', (_form, text) => {
    expect(parseName(text)).toEqual({ ok: false, error: expect.objectContaining({ code: 'rrn_refused' }) })
    expect(parseBirthDate(text, today)).toEqual({ ok: false, error: expect.objectContaining({ code: 'rrn_refused' }) })
    expect(parseMobilePhone(text)).toEqual({ ok: false, error: expect.objectContaining({ code: 'rrn_refused' }) })
    const check = checkIdentity({ name: text, birthDate: text, phone: text, confirmedIsPerson: true }, today)
    expect(check.ok).toBe(false)
    expect(check.masked).toEqual({ name: '', birthDate: '', phone: '' })
  })

  it('still accepts the phone numbers and dates among the near misses', () => {
    expect(parseMobilePhone('+82 010 1234 5678')).toMatchObject({ ok: true, phone: { digits: '01012345678' } })
    expect(parseMobilePhone(fullWidth('010-1234-5678'))).toMatchObject({ ok: true })
    expect(parseBirthDate('1985-03-02', today)).toMatchObject({ ok: true, date: { year: 1985, month: 3, day: 2 } })
    expect(parseBirthDate('850302', today)).toMatchObject({ ok: true, date: { year: 1985, month: 3, day: 2 } })
  })
})
