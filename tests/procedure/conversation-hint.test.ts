import { describe, expect, it } from 'vitest'
import { hintFromMessages as hintFrom, MAX_HINT_CHARS, NO_HINT } from '../../src/procedure'

describe('hintFromMessages, as the sidebar reads the customer’s messages (newest first)', () => {
  it('takes the newest message that gives a hint: a follow-up line gives none', () => {
    expect(hintFrom(['둘 다 같은 번호예요', '번호 바꿨는데 인증이 안 떠요', '해촉증명서 주세요'])).toMatchObject({
      intent: 'verification_failing',
      suggestedBranch: 'reinquiry_phone_change',
    })
  })

  it('gives no hint when no message does, or there is none', () => {
    expect(hintFrom(['안녕하세요', '감사합니다'])).toEqual(NO_HINT)
    expect(hintFrom([])).toEqual(NO_HINT)
  })

  it('reads the first MAX_HINT_CHARS characters of a message only', () => {
    const padding = '가'.repeat(MAX_HINT_CHARS)
    expect(hintFrom([`${padding}해촉증명서 주세요`])).toEqual(NO_HINT)
    expect(hintFrom([`해촉증명서 주세요${padding}`]).intent).toBe('termination_certificate')
  })
})
