import { describe, expect, it } from 'vitest'
import { matchPhones, normalisePhone, parseMobilePhone } from '../../src/procedure'

describe('parseMobilePhone: accepted', () => {
  it.each([
    ['010-1234-5678', '01012345678', '010-1234-5678', false],
    ['01012345678', '01012345678', '010-1234-5678', false],
    ['010 1234 5678', '01012345678', '010-1234-5678', false],
    ['010.1234.5678', '01012345678', '010-1234-5678', false],
    ['010 - 1234 - 5678', '01012345678', '010-1234-5678', false],
    ['(010) 1234-5678', '01012345678', '010-1234-5678', false],
    ['  010-1234-5678  ', '01012345678', '010-1234-5678', false],
    ['+82 10-1234-5678', '01012345678', '010-1234-5678', false],
    ['+82 10 1234 5678', '01012345678', '010-1234-5678', false],
    ['+821012345678', '01012345678', '010-1234-5678', false],
    ['+82 010-1234-5678', '01012345678', '010-1234-5678', false],
    ['+82 (0)10-1234-5678', '01012345678', '010-1234-5678', false],
    ['82-10-1234-5678', '01012345678', '010-1234-5678', false],
    ['0082-10-1234-5678', '01012345678', '010-1234-5678', false],
    ['０１０－１２３４－５６７８', '01012345678', '010-1234-5678', false],
    // legacy prefixes: accepted, with a warning
    ['011-123-4567', '0111234567', '011-123-4567', true],
    ['011-1234-5678', '01112345678', '011-1234-5678', true],
    ['016-123-4567', '0161234567', '016-123-4567', true],
    ['017 1234 5678', '01712345678', '017-1234-5678', true],
    ['0181234567', '0181234567', '018-123-4567', true],
    ['+82 19-123-4567', '0191234567', '019-123-4567', true],
  ])('%j → %s', (text, digits, formatted, legacy) => {
    const r = parseMobilePhone(text)
    expect(r).toMatchObject({ ok: true, phone: { digits, formatted, legacy, prefix: digits.slice(0, 3) } })
    if (r.ok) expect(r.warnings.map((w) => w.code)).toEqual(legacy ? ['phone_legacy_prefix'] : [])
  })
})

describe('parseMobilePhone: refused', () => {
  it.each([
    ['', 'phone_empty'],
    ['   ', 'phone_empty'],
    ['02-123-4567', 'phone_not_mobile'],
    ['031-123-4567', 'phone_not_mobile'],
    ['070-1234-5678', 'phone_not_mobile'],
    ['1588-1234', 'phone_not_mobile'],
    ['012-1234-5678', 'phone_not_mobile'],
    ['+82 2-123-4567', 'phone_not_mobile'],
    ['1012345678', 'phone_not_mobile'],
    ['010-123-4567', 'phone_length'],
    ['010-1234-567', 'phone_length'],
    ['010-1234-56789', 'phone_length'],
    ['011-12-3456', 'phone_length'],
    ['+1 202-555-0123', 'phone_foreign'],
    ['+81 90-1234-5678', 'phone_foreign'],
    ['공일공-1234-5678', 'phone_format'],
    ['010-1234-5678 / 010-2222-3333', 'phone_format'],
    ['010-1234-5678번', 'phone_format'],
    ['tel:01012345678', 'phone_format'],
    ['++82 10-1234-5678', 'phone_format'],
    ['900102-1234567', 'rrn_refused'],
    ['9001021234567', 'rrn_refused'],
  ])('%j → %s', (text, code) => {
    expect(parseMobilePhone(text)).toMatchObject({ ok: false, error: { code } })
  })
})

describe('normalisePhone', () => {
  it.each([
    ['+82 10-1234-5678', '01012345678'],
    ['010 1234 5678', '01012345678'],
    ['02-123-4567', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(normalisePhone(text)).toBe(expected)
  })
})

describe('matchPhones (branch 4: driver app vs KakaoTalk)', () => {
  it.each([
    ['010-1234-5678', '01012345678', 'same'],
    ['+82 10-1234-5678', '010 1234 5678', 'same'],
    ['０１０１２３４５６７８', '010.1234.5678', 'same'],
    ['011-123-4567', '0111234567', 'same'],
    ['010-1234-5678', '010-1234-5679', 'different'],
    ['010-1234-5678', '010-8765-4321', 'different'],
    ['011-123-4567', '010-1123-4567', 'different'],
    ['02-123-4567', '010-1234-5678', { invalid: 'a' }],
    ['010-1234-5678', '1234', { invalid: 'b' }],
    ['', 'abc', { invalid: 'both' }],
    ['900102-1234567', '010-1234-5678', { invalid: 'a' }],
  ] as const)('%j vs %j → %j', (a, b, expected) => {
    expect(matchPhones(a, b)).toEqual(expected)
  })
})
