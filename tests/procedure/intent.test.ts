import { describe, expect, it } from 'vitest'
import { detectFrustration, detectIntent, INTENT_BRANCH, NO_HINT } from '../../src/procedure'
import type { Intent } from '../../src/procedure'

type Expected = Intent | 'none'

// [message as a driver would type it, expected intent, a word the hint must have matched (as typed)]
const MESSAGES: ReadonlyArray<readonly [string, Expected, string?]> = [
  // 해촉증명서: spacing, typos, endings
  ['해촉증명서 발급 부탁드립니다', 'termination_certificate', '해촉증명서'],
  ['해촉 증명서 받을 수 있을까요?', 'termination_certificate', '해촉 증명서'],
  ['해촉증명써 필요해요ㅠㅠ', 'termination_certificate', '해촉증명써'],
  ['헤촉증명서 어디서 떼요', 'termination_certificate', '헤촉증명서'],
  ['해 촉 증 명 서 요청합니다', 'termination_certificate', '해 촉 증 명 서'],
  ['탈퇴했는데 해촉증명서 떼려면 어떻게 해야 하나요?', 'termination_certificate', '해촉증명서'],
  ['예전에 탈퇴한 기사인데 증명서 발급 가능한가요', 'termination_certificate', '탈퇴한 기사인데 증명서'],
  ['해촉 확인서 보내주실 수 있나요', 'termination_certificate', '해촉 확인서'],
  ['위촉 해지 증명서 필요합니다', 'termination_certificate', '위촉 해지 증명서'],
  ['해촉증명 좀 뽑아주세요!!', 'termination_certificate', '해촉증명'],

  // phone number changed
  ['번호바꿧어요', 'phone_changed', '번호바꿧'],
  ['전화번호 바꿨어요', 'phone_changed', '전화번호 바꿨'],
  ['휴대폰 번호가 바뀌었습니다', 'phone_changed', '휴대폰 번호가 바뀌었'],
  ['핸드폰번호 바꼈는데요ㅠ', 'phone_changed', '핸드폰번호 바꼈'],
  ['새 번호로 바꿨는데 어떻게 해야 돼요?', 'phone_changed', '새 번호'],
  ['연락처 변경했는데 상담이 안 넘어가요', 'phone_changed', '연락처 변경했'],
  ['폰번호 변경 후에 채팅이 이상해요', 'phone_changed', '폰번호 변경 후'],
  ['번호 변경됐습니다', 'phone_changed', '번호 변경됐'],
  ['새로운 휴대폰번호로 개통했어요', 'phone_changed', '새로운 휴대폰번호'],
  ['기사앱이랑 카톡 번호가 달라요', 'phone_changed', '번호가 달라'],

  // verification not showing / failing (incl. after a phone change: same branch, failing wins)
  ['인증이 안 떠요', 'verification_failing', '인증이 안 떠'],
  ['인증 안 돼요ㅠㅠ', 'verification_failing', '인증 안 돼'],
  ['프로필 인증이 안되네요', 'verification_failing', '프로필 인증이 안되'],
  ['인증하기 버튼이 안 보여요', 'verification_failing', '인증하기 버튼이 안 보여'],
  ['본인인증 계속 실패해요', 'verification_failing', '본인인증 계속 실패'],
  ['인증이안떠여', 'verification_failing', '인증이안떠'],
  ['인증 안대요 ㅜㅜ', 'verification_failing', '인증 안대'],
  ['알려주신 대로 했는데 안 돼요', 'verification_failing', '알려주신 대로 했는데 안 돼'],
  ['안내받은 방법으로 해봤는데 안 되네요', 'verification_failing', '안내받은 방법으로 해봤는데 안 되'],
  ['인증번호가 안 와요', 'verification_failing', '인증번호가 안 와'],
  ['번호 바꿨는데 인증이 안 떠요', 'verification_failing', '번호 바꿨'],
  ['챗봇에서 인증하기 눌렀는데 안 넘어가요', 'verification_failing', '인증하기 눌렀는데 안 넘어'],
  ['인증 완료가 안 됩니다', 'verification_failing', '인증 완료가 안 됩'],
  ['번호는 안 바꿨는데 인증이 안 떠요', 'verification_failing', '인증이 안 떠'],
  ['프로필 인증 하라는데 못하겠어요', 'verification_failing', '인증 하라는데 못하'],
  ['인증하기 누르면 튕겨요', 'verification_failing', '인증하기 누르면 튕겨'],
  ['카톡 다시 깔았는데 인증 안돼요', 'verification_failing', '인증 안돼'],

  // general how-to / policy questions (answerable with no account lookup)
  ['대리기사 보험은 어떻게 가입하나요?', 'general_question', '어떻게 가입'],
  ['수수료는 몇 퍼센트인가요', 'general_question', '수수료는 몇'],
  ['출근하는 방법 알려주세요', 'general_question', '방법'],
  ['앱에서 목적지 설정 어떻게 해요', 'general_question', '어떻게 해'],
  ['정산은 언제 되나요?', 'general_question', '정산은 언제'],
  ['전화번호 변경 방법 알려주세요', 'general_question', '방법'],
  ['프로필 사진 어디서 바꿔요?', 'general_question', '어디서 바꿔'],
  ['기사 등록 절차가 궁금합니다', 'general_question', '절차가 궁금'],
  ['프로필 인증 어떻게 하나요', 'general_question', '어떻게 하'],
  ['콜 취소 기준이 뭐예요?', 'general_question', '기준이 뭐'],
  ['콜 어떻게 잡아요', 'general_question', '어떻게 잡'],
  ['운행 중 사고 나면 어떻게 해요', 'general_question', '어떻게 해'],

  // no hint: greetings, small talk, account-specific questions, negations
  ['안녕하세요', 'none'],
  ['문의드립니다', 'none'],
  ['상담원 연결해 주세요', 'none'],
  ['네 감사합니다~', 'none'],
  ['ㅋㅋㅋㅋ', 'none'],
  ['', 'none'],
  ['   ', 'none'],
  ['콜이 안 잡혀요ㅠㅠ', 'none'],
  ['정산금이 아직 안 들어왔어요', 'none'],
  ['제 계정이 정지됐어요 왜 그런 거죠?', 'none'],
  ['어제 운행한 거 확인 좀 해주세요', 'none'],
  ['제 수수료가 왜 이렇게 많이 빠졌어요? 어떻게 된 거예요', 'none'],
  ['전화번호 바꾼 적 없어요', 'none'],
  ['번호 바꾸고 싶어요', 'none'],
  ['폰을 새로 샀어요', 'none'],
  ['인증은 했는데 정산이 안 들어왔어요', 'none'],
  ['인증 완료했어요!', 'none'],
  ['왜 저만 콜이 안 와요? 방법 좀 알려주세요', 'none'],
  ['번호이동 했어요', 'none'],
  ['로그인이 안 돼요', 'none'],
  ['본인인증 했어요', 'none'],
]

describe('detectIntent on realistic driver messages', () => {
  it('has at least 40 messages, at least 8 of them without a hint', () => {
    expect(MESSAGES.length).toBeGreaterThanOrEqual(40)
    expect(MESSAGES.filter(([, e]) => e === 'none').length).toBeGreaterThanOrEqual(8)
  })

  const rows = MESSAGES.map(([m, e, w]): [string, Expected, string] => [m, e, w ?? ''])
  it.each(rows)('%j → %s', (message, expected, word) => {
    const hint = detectIntent(message)
    expect(hint.intent).toBe(expected)
    if (hint.intent === 'none') {
      expect(hint.matched).toEqual([])
      expect(hint).toEqual(NO_HINT)
    } else {
      expect(hint.suggestedBranch).toBe(INTENT_BRANCH[hint.intent])
      expect(hint.matched.length).toBeGreaterThan(0)
      // Matched words are spans of what the driver typed, so the UI can quote them.
      for (const w of hint.matched) expect(message.normalize('NFKC')).toContain(w)
      if (word) expect(hint.matched.some((w) => w.includes(word))).toBe(true)
    }
  })
})

describe('intent → branch', () => {
  it.each([
    ['termination_certificate', 'termination_certificate'],
    ['phone_changed', 'reinquiry_phone_change'],
    ['verification_failing', 'reinquiry_phone_change'],
    ['general_question', 'answer_directly'],
  ] as const)('%s suggests %s', (intent, branch) => {
    expect(INTENT_BRANCH[intent]).toBe(branch)
  })
})

describe('robustness', () => {
  it.each([
    ['해촉증명서요', '해촉증명서 주세요', '해촉증명서 부탁드립니다', '해촉증명서ㅠㅠ', '해촉증명서!!!', 'ＨＩ 해촉증명서'],
  ])('politeness endings and noise do not change the hint (%s …)', (...variants) => {
    for (const v of variants) expect(detectIntent(v).intent).toBe('termination_certificate')
  })
  it('reports every branch-4 word when the phone change and the failing verification are both there', () => {
    const hint = detectIntent('번호 바꿨는데 인증이 안 떠요')
    expect(hint.matched).toEqual(['인증이 안 떠', '번호 바꿨'])
  })
  it('drops general-question words when a specific intent wins', () => {
    const hint = detectIntent('탈퇴했는데 해촉증명서 떼려면 어떻게 해야 하나요?')
    expect(hint.matched).toEqual(['해촉증명서'])
  })
  it('does not repeat a word matched twice', () => {
    expect(detectIntent('인증이 안 떠요 인증이 안 떠요').matched).toEqual(['인증이 안 떠'])
  })
})

describe('detectFrustration', () => {
  it.each([
    ['인증이 안 떠요ㅠㅠ', true, 'ㅠㅠ'],
    ['몇 번째 문의하는 건지 모르겠네요', true, '몇 번째'],
    ['진짜 답답해요', true, '답답'],
    ['도대체 왜 안 되는 거예요', true, '도대체'],
    ['해촉증명서 발급 부탁드립니다', false, undefined],
    ['안녕하세요', false, undefined],
  ] as const)('%j → %s', (message, frustrated, word) => {
    const f = detectFrustration(message)
    expect(f.frustrated).toBe(frustrated)
    if (word) expect(f.matched).toContain(word)
    else expect(f.matched).toEqual([])
  })
})
