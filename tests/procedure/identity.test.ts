import { describe, expect, it } from 'vitest'
import { ADULT_AGE, checkIdentity, detectRrn, MAX_PLAUSIBLE_AGE, parseBirthDate, parseName, RRN_REFUSED } from '../../src/procedure'
import type { IdentityInput } from '../../src/procedure'
import { toIsoDate } from '../../src/procedure/calendar'
import { en, ko } from '../support/texts'

// 15 June 2025, local time: every date rule is relative to the "today" passed in.
const TODAY = new Date(2025, 5, 15)

describe('parseBirthDate: accepted formats', () => {
  it.each([
    ['19900102', '1990-01-02', 'YYYYMMDD'],
    ['900102', '1990-01-02', 'YYMMDD'],
    ['1990-01-02', '1990-01-02', 'YYYY-MM-DD'],
    ['1990-1-2', '1990-01-02', 'YYYY-MM-DD'],
    ['1990 - 01 - 02', '1990-01-02', 'YYYY-MM-DD'],
    ['1990.01.02', '1990-01-02', 'YYYY.MM.DD'],
    ['1990.01.02.', '1990-01-02', 'YYYY.MM.DD'],
    ['1990. 1. 2.', '1990-01-02', 'YYYY.MM.DD'],
    ['1990/01/02', '1990-01-02', 'YYYY/MM/DD'],
    ['1990/1/2', '1990-01-02', 'YYYY/MM/DD'],
    ['1990년 1월 2일', '1990-01-02', 'YYYY년 M월 D일'],
    ['1990년1월2일', '1990-01-02', 'YYYY년 M월 D일'],
    ['1990년 01월 02일', '1990-01-02', 'YYYY년 M월 D일'],
    ['1990년 1월 2', '1990-01-02', 'YYYY년 M월 D일'],
    ['90년 1월 2일', '1990-01-02', 'YY년 M월 D일'],
    ['  1990-01-02  ', '1990-01-02', 'YYYY-MM-DD'],
    ['１９９０－０１－０２', '1990-01-02', 'YYYY-MM-DD'],
    // leap years: 2000 is one (divisible by 400), 1996 is one
    ['20000229', '2000-02-29', 'YYYYMMDD'],
    ['2000-02-29', '2000-02-29', 'YYYY-MM-DD'],
    ['1996.02.29', '1996-02-29', 'YYYY.MM.DD'],
    // two-digit years: 20YY unless after this year (2025), else 19YY
    ['050101', '2005-01-01', 'YYMMDD'],
    ['000101', '2000-01-01', 'YYMMDD'],
    ['260101', '1926-01-01', 'YYMMDD'],
    ['990101', '1999-01-01', 'YYMMDD'],
    ['05년 1월 1일', '2005-01-01', 'YY년 M월 D일'],
    // age bounds, inclusive
    ['2006-06-15', '2006-06-15', 'YYYY-MM-DD'],
    ['1925-06-15', '1925-06-15', 'YYYY-MM-DD'],
    ['1924-06-16', '1924-06-16', 'YYYY-MM-DD'],
  ])('%j → %s (%s)', (text, iso, format) => {
    const r = parseBirthDate(text, TODAY)
    expect(r).toMatchObject({ ok: true, format })
    expect(r.ok && toIsoDate(r.date)).toBe(iso)
  })

  it('reports the age in full years', () => {
    expect(parseBirthDate('1990-06-16', TODAY)).toMatchObject({ ok: true, age: 34 })
    expect(parseBirthDate('1990-06-15', TODAY)).toMatchObject({ ok: true, age: 35 })
  })
})

describe('parseBirthDate: refused', () => {
  it.each([
    ['', 'birth_date_empty'],
    ['   ', 'birth_date_empty'],
    // not a real calendar date
    ['19000229', 'birth_date_invalid'],
    ['1900-02-29', 'birth_date_invalid'],
    ['20230229', 'birth_date_invalid'],
    ['2023.02.29', 'birth_date_invalid'],
    ['19901301', 'birth_date_invalid'],
    ['1990-13-01', 'birth_date_invalid'],
    ['1990-00-10', 'birth_date_invalid'],
    ['1990-01-00', 'birth_date_invalid'],
    ['1990-02-30', 'birth_date_invalid'],
    ['1990-04-31', 'birth_date_invalid'],
    ['19900132', 'birth_date_invalid'],
    ['900230', 'birth_date_invalid'],
    ['1990년 2월 30일', 'birth_date_invalid'],
    // too young (under 만 19) / implausibly old / future
    ['2006-06-16', 'birth_date_too_young'],
    ['070101', 'birth_date_too_young'],
    ['2010-05-05', 'birth_date_too_young'],
    ['240101', 'birth_date_too_young'],
    ['1924-06-15', 'birth_date_too_old'],
    ['1899-12-31', 'birth_date_too_old'],
    ['251231', 'birth_date_future'],
    ['2030-01-01', 'birth_date_future'],
    // formats not accepted
    ['1990-01/02', 'birth_date_format'],
    ['02/01/1990', 'birth_date_format'],
    ['1990', 'birth_date_format'],
    ['19901', 'birth_date_format'],
    // six digits are always read as YYMMDD: 1990-01 becomes 2019-90-01
    ['199001', 'birth_date_invalid'],
    ['90-01-02', 'birth_date_format'],
    ['1990년 1월', 'birth_date_format'],
    ['Jan 2 1990', 'birth_date_format'],
    ['1990-01-02T00:00', 'birth_date_format'],
    ['1990,01,02', 'birth_date_format'],
    ['1990-01-02.', 'birth_date_format'],
    ['1990010', 'birth_date_format'],
    ['생일은 1월 2일', 'birth_date_format'],
    // a resident registration number must not be collected
    ['900102-1234567', 'rrn_refused'],
    ['9001021234567', 'rrn_refused'],
    ['900102 - 2234567', 'rrn_refused'],
    ['생년월일 900102-1234567 입니다', 'rrn_refused'],
  ])('%j → %s', (text, code) => {
    const r = parseBirthDate(text, TODAY)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe(code)
      expect(ko(r.error)).toMatch(/[가-힣]/)
      expect(en(r.error)).toMatch(/[A-Za-z]/)
    }
  })
})

describe('birth-date age rule around a 29 February birthday', () => {
  it.each([
    [new Date(2019, 1, 28), 'birth_date_too_young'],
    [new Date(2019, 2, 1), null],
    [new Date(2020, 1, 29), null],
  ] as const)('born 2000-02-29, today %s', (today, code) => {
    const r = parseBirthDate('2000-02-29', today)
    if (code === null) expect(r).toMatchObject({ ok: true, age: ADULT_AGE + (today.getFullYear() - 2019) })
    else expect(r).toMatchObject({ ok: false, error: { code } })
  })
  it('uses the age bounds it documents', () => {
    expect(ADULT_AGE).toBe(19)
    expect(MAX_PLAUSIBLE_AGE).toBe(100)
  })
})

describe('detectRrn', () => {
  it.each([
    ['900102-1234567', true],
    ['9001021234567', true],
    ['900102 1234567', true],
    ['900102–2234567', true],
    ['제 주민번호는 850315-1234567 입니다', true],
    ['０１０１０１－３２３４５６７', true],
    ['010-1234-5678', false],
    ['01012345678', false],
    ['19900102', false],
    ['900102', false],
    ['900102-1', false],
    ['901302-1234567', false],
    ['90010212345678', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(detectRrn(text)).toBe(expected)
  })
  it('says in its refusal that it must not be collected', () => {
    expect(RRN_REFUSED.code).toBe('rrn_refused')
    expect(ko(RRN_REFUSED)).toContain('수집하면 안 됩니다')
    expect(en(RRN_REFUSED)).toContain('must not be collected')
  })
})

describe('parseName', () => {
  it.each([
    ['김민수', '김민수'],
    ['  김민수 ', '김민수'],
    ['남궁민수', '남궁민수'],
    ['김민', '김민'],
    ['이 수민', '이 수민'],
    ['John Smith', 'John Smith'],
    ["O'Brien", "O'Brien"],
    ['Nguyen  Van A', 'Nguyen Van A'],
    ['Jean-Luc', 'Jean-Luc'],
  ])('accepts %j', (text, name) => {
    expect(parseName(text)).toEqual({ ok: true, name })
  })
  it.each([
    ['', 'name_empty'],
    ['  ', 'name_empty'],
    ['김', 'name_too_short'],
    ['J', 'name_too_short'],
    ['김민수1', 'name_digits'],
    ['ㄱㅁㅅ', 'name_format'],
    ['김민수!', 'name_format'],
    ['김Minsu', 'name_format'],
    ['가나다라마바사아자차카', 'name_too_long'],
    ['900102-1234567', 'rrn_refused'],
  ])('refuses %j (%s)', (text, code) => {
    expect(parseName(text)).toMatchObject({ ok: false, error: { code } })
  })
})

const VALID: IdentityInput = { name: '김민수', birthDate: '1990-01-02', phone: '010-1234-5678', confirmedIsPerson: true }

describe('checkIdentity: the four checks', () => {
  it('passes when all four pass, with masked values for display', () => {
    const r = checkIdentity(VALID, TODAY)
    expect(r.ok).toBe(true)
    expect(r.checks).toEqual({ name: { ok: true }, birthDate: { ok: true }, phone: { ok: true }, person: { ok: true } })
    expect(r.masked).toEqual({ name: '김*수', birthDate: '1990', phone: '010-****-5678' })
    expect(r.warnings).toEqual([])
  })

  it.each([
    ['name', { name: '' }, 'name_empty'],
    ['name', { name: '김' }, 'name_too_short'],
    ['birthDate', { birthDate: '' }, 'birth_date_empty'],
    ['birthDate', { birthDate: '2023-02-29' }, 'birth_date_invalid'],
    ['birthDate', { birthDate: '2010-01-01' }, 'birth_date_too_young'],
    ['phone', { phone: '' }, 'phone_empty'],
    ['phone', { phone: '02-123-4567' }, 'phone_not_mobile'],
    ['person', { confirmedIsPerson: false }, 'person_not_confirmed'],
    // a resident registration number is refused in every field
    ['name', { name: '900102-1234567' }, 'rrn_refused'],
    ['birthDate', { birthDate: '900102-1234567' }, 'rrn_refused'],
    ['phone', { phone: '900102-1234567' }, 'rrn_refused'],
  ] as const)('fails %s only when %j (%s)', (field, change, code) => {
    const r = checkIdentity({ ...VALID, ...change }, TODAY)
    expect(r.ok).toBe(false)
    for (const [key, check] of Object.entries(r.checks)) {
      if (key === field) expect(check).toMatchObject({ ok: false, error: { code } })
      else expect(check).toEqual({ ok: true })
    }
    // a refused value is never written down, not even masked
    if (field !== 'person') expect(r.masked[field]).toBe('')
    expect(JSON.stringify(r)).not.toContain('1234567')
  })

  it('fails when several checks fail, reporting each', () => {
    const r = checkIdentity({ name: '', birthDate: 'x', phone: 'y', confirmedIsPerson: false }, TODAY)
    expect(r.ok).toBe(false)
    expect(Object.values(r.checks).every((c) => !c.ok)).toBe(true)
  })

  it('accepts a legacy 01X number with a warning', () => {
    const r = checkIdentity({ ...VALID, phone: '011-123-4567' }, TODAY)
    expect(r.ok).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual(['phone_legacy_prefix'])
    expect(r.masked.phone).toBe('011-***-4567')
  })

  it('accepts every birth-date format the procedure documents', () => {
    for (const birthDate of ['19900102', '900102', '1990-01-02', '1990.01.02', '1990/01/02', '1990년 1월 2일']) {
      expect(checkIdentity({ ...VALID, birthDate }, TODAY)).toMatchObject({ ok: true, masked: { birthDate: '1990' } })
    }
  })

  it('treats anything but an explicit true as "person not confirmed"', () => {
    const unsafe = { ...VALID, confirmedIsPerson: 'yes' as unknown as boolean }
    expect(checkIdentity(unsafe, TODAY).ok).toBe(false)
  })
})
