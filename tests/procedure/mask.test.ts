import { describe, expect, it } from 'vitest'
import { maskBirthDate, maskName, maskPhone, RRN_MASK } from '../../src/procedure'
import { maskPersonalData } from '../../src/procedure/mask-text'

const TODAY = new Date(2025, 5, 15)

describe('maskPhone: prefix and last four digits', () => {
  it.each([
    ['010-1234-5678', '010-****-5678'],
    ['01012345678', '010-****-5678'],
    ['+82 10-1234-5678', '010-****-5678'],
    ['010 1234 5678', '010-****-5678'],
    ['011-123-4567', '011-***-4567'],
    ['017-1234-5678', '017-****-5678'],
    // not a valid mobile number: still only the last four digits survive
    ['02-123-4567', '**-***-4567'],
    ['1588-1234', '****-1234'],
    ['123', '123'],
    ['abc', 'abc'],
    ['900102-1234567', RRN_MASK],
  ])('%j → %j', (text, masked) => {
    expect(maskPhone(text)).toBe(masked)
  })
})

describe('maskName: first and last character', () => {
  it.each([
    ['김민수', '김*수'],
    ['남궁민수', '남**수'],
    ['선우용녀', '선**녀'],
    ['김민', '김*'],
    ['김', '*'],
    ['', ''],
    ['  김민수  ', '김*수'],
    ['이 수민', '이*민'],
    ['John Smith', 'J*** S****'],
    ["O'Brien", "O'B****"],
    ['Nguyen Van A', 'N***** V** A'],
    ['900102-1234567', RRN_MASK],
  ])('%j → %j', (text, masked) => {
    expect(maskName(text)).toBe(masked)
  })
})

describe('maskBirthDate: the year only', () => {
  it.each([
    ['1990-01-02', '1990'],
    ['19900102', '1990'],
    ['900102', '1990'],
    ['050101', '2005'],
    ['1990.1.2.', '1990'],
    ['1990/01/02', '1990'],
    ['1990년 1월 2일', '1990'],
    ['90년 1월 2일', '1990'],
    // the year is kept even if the date fails the identity check
    ['2023-02-29', '2023'],
    ['nonsense', '****'],
    ['', '****'],
    ['900102-1234567', '****'],
  ])('%j → %j', (text, masked) => {
    expect(maskBirthDate(text, TODAY)).toBe(masked)
  })
})

describe('maskPersonalData: free text before it is displayed or written down', () => {
  it.each([
    ['연락처 010-1234-5678 입니다', '연락처 010-****-5678 입니다'],
    ['번호는 01012345678이고 예전 번호는 011-123-4567이에요', '번호는 010-****-5678이고 예전 번호는 011-***-4567이에요'],
    ['+82 10-1234-5678로 연락 주세요', '010-****-5678로 연락 주세요'],
    ['주민번호 900102-1234567 보냅니다', `주민번호 ${RRN_MASK} 보냅니다`],
    ['9001021234567', RRN_MASK],
    ['생년월일 1990-01-02', '생년월일 1990-**-**'],
    ['생일 1990.1.2 입니다', '생일 1990.*.* 입니다'],
    ['생일 19900102', '생일 1990****'],
    ['900102 요', '90**** 요'],
    ['1990년 1월 2일생', '1990년 *월 *일생'],
    ['성함: 김민수', '성함: 김*수'],
    ['이름 : John Smith', '이름 : J*** S****'],
    ['성함: 김민수, 생년월일: 900102, 연락처: 010-1234-5678', '성함: 김*수, 생년월일: 90****, 연락처: 010-****-5678'],
    // recent dates (a trip, a payout) and amounts stay readable
    ['2025-06-01 운행 건 문의', '2025-06-01 운행 건 문의'],
    ['정산 150000원', '정산 150000원'],
    ['고객센터 1588-1234', '고객센터 1588-1234'],
    ['해촉증명서 발급 부탁드립니다', '해촉증명서 발급 부탁드립니다'],
  ])('%j → %j', (text, masked) => {
    expect(maskPersonalData(text, TODAY)).toBe(masked)
  })

  it('leaves no full phone number, RRN or birth date behind', () => {
    const out = maskPersonalData('김민수 900102-1234567 010-1234-5678 1990-01-02 +82 10-9999-8888', TODAY)
    for (const secret of ['1234567', '1234', '01-02', '9999']) expect(out).not.toContain(secret)
  })

  it('is the same rule as the field masks', () => {
    expect(maskPersonalData('010-1234-5678', TODAY)).toBe(maskPhone('010-1234-5678'))
    expect(maskPersonalData('성함: 남궁민수', TODAY)).toBe(`성함: ${maskName('남궁민수')}`)
    expect(maskPersonalData('19900102', TODAY).slice(0, 4)).toBe(maskBirthDate('19900102', TODAY))
  })
})
