import { describe, expect, it } from 'vitest'
import { detectFrustration, detectIntent, hintFromMessages, INTENT_BRANCH, MAX_HINT_CHARS, NO_HINT } from '../../src/procedure'
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

// Negations and corrections, mixed Korean and English, "did it but it still fails", typos, 반말,
// emoji and long messages (issue 14). The negated or corrected keyword must not count.
const HARDER: ReadonlyArray<readonly [string, Expected, string?]> = [
  // every negation form, with 해촉증명서 (branch 3, the worst wrong hint) as the negated keyword
  ['해촉증명서 말고 인증이 안 돼요', 'verification_failing', '인증이 안 돼'],
  ['해촉증명서 말구 번호 바꿨어요', 'phone_changed', '번호 바꿨'],
  ['위촉해지 증명서 말고요 인증 화면이 안 나와요', 'verification_failing', '인증 화면이 안 나와'],
  ['해촉증명서 아니고요, 프로필 인증이 안 떠요ㅠ', 'verification_failing', '프로필 인증이 안 떠'],
  ['해촉증명서 아니구 번호가 바뀌어서요', 'phone_changed', '번호가 바뀌어'],
  ['해촉증명서가 아니라 전화번호 변경했는데 인증이 안돼요', 'verification_failing', '인증이 안돼'],
  ['해촉증명서 요청한 거 아니에요', 'none'],
  ['해촉증명서 아니야 인증 안돼', 'verification_failing', '인증 안돼'],
  ['해촉 증명서 필요한 건 아니고 출근하는 방법 알려주세요', 'general_question', '방법'],
  ['해촉증명서는 받았고 이번엔 인증이 안 돼요', 'verification_failing', '인증이 안 돼'],
  ['해촉증명서는 이미 발급 받았어요 감사합니다', 'none'],
  ['해촉증명서 발급받았음', 'none'],
  ['아 잘못 말했어요, 해촉증명서 말고 인증이 안 돼요', 'verification_failing', '인증이 안 돼'],
  ['해촉증명서요 아 잘못 말했다 인증 안됨', 'verification_failing', '인증 안됨'],
  ['제가 잘못 알았네요 해촉증명서가 필요한 게 아니었어요', 'none'],
  ['정정할게요 해촉증명서 아니고 번호 바꿨습니다', 'phone_changed', '번호 바꿨'],
  ['해촉증명서 신청 취소할게요', 'none'],
  ['ㅋㅋ 해촉증명서 얘기는 취소~ 번호 바꾼 뒤로 인증이 안 떠요', 'verification_failing', '인증이 안 떠'],
  ['해촉증명서 필요 없고요 번호가 바뀌었어요', 'phone_changed', '번호가 바뀌었'],
  ['해촉증명서 필요없음!! 본인인증 실패', 'verification_failing', '본인인증 실패'],
  ['제가 해촉증명서를 달라고 한 적은 없는데요 인증이 안돼서요', 'verification_failing', '인증이 안돼'],
  ['탈퇴 증명서 아니고 verification 안돼요', 'verification_failing', 'verification 안돼'],
  ['해촉증명서 말고 그냥 수수료 얼마예요?', 'general_question', '수수료 얼마'],
  ['헤촉증명써는 됐고요 인증 안떠요', 'verification_failing', '인증 안떠'],
  ['해촉증명서 ㄴㄴ 번호 바꼈어', 'phone_changed', '번호 바꼈'],
  ['해촉증명서 노노~ 인증창이 안 나와요', 'verification_failing', '인증창이 안 나와'],
  // not a negation: "not only … but also", "besides …", a negation of something else
  ['해촉증명서뿐만 아니라 인증도 안 돼요', 'termination_certificate', '해촉증명서'],
  ['해촉증명서 말고도 궁금한 게 있어요', 'termination_certificate', '해촉증명서'],
  ['인증 말고 해촉증명서 발급해주세요', 'termination_certificate', '해촉증명서'],
  ['번호 바꾼 게 아니라 해촉증명서가 필요해요', 'termination_certificate', '해촉증명서'],
  ['인증이 안 되는 게 아니고 번호를 바꿨어요', 'phone_changed', '번호를 바꿨'],
  // mixed Korean and English
  ['verification이 안 돼요', 'verification_failing', 'verification이 안 돼'],
  ['verify 하려는데 계속 fail 떠요', 'verification_failing', 'verify 하려는데 계속 fail'],
  ['인증 안돼요 still', 'verification_failing', '인증 안돼'],
  ['verification 안 떠요 ㅠ', 'verification_failing', 'verification 안 떠'],
  ['본인인증 fail 떠요ㅠ', 'verification_failing', '본인인증 fail'],
  ['phone 번호 change 했어요', 'phone_changed', '번호 change 했'],
  ['번호 change했는데 verification이 안 떠요', 'verification_failing', 'verification이 안 떠'],
  ['전화번호 changed 됐어요', 'phone_changed', '전화번호 changed'],
  ['번호 change 했는데 인증 어떻게 해요?', 'phone_changed', '번호 change 했'],
  ['I changed my phone', 'none'],
  // did it as told, and it still fails
  ['시키는 대로 했는데 아직 비회원으로 나와요', 'verification_failing', '비회원'],
  ['버튼 눌렀는데 아무 반응이 없어요', 'verification_failing', '눌렀는데 아무 반응'],
  ['인증하기 눌렀는데 아무 반응 없음', 'verification_failing', '눌렀는데 아무 반응'],
  ['인증 다 했는데 여전히 비회원이래요', 'verification_failing', '비회원'],
  ['알려준대로 했는데 그대로예요', 'verification_failing', '알려준대로 했는데 그대로'],
  ['시작 버튼 눌러도 반응이 없어요ㅜ', 'verification_failing', '눌러도 반응'],
  ['콜 수락 눌렀는데 반응이 없어요', 'none'],
  ['출근 버튼 눌렀는데 반응이 없어요', 'none'],
  ['아직 비회원인데 수수료는 몇 퍼센트예요?', 'general_question', '수수료는 몇'],
  // typos, 반말, emoji
  ['해촉증멍서 떼줘', 'termination_certificate', '해촉증멍서'],
  ['🙏🙏 해촉증명서 부탁드려요 🙏', 'termination_certificate', '해촉증명서'],
  ['인증 안대 ㅡㅡ', 'verification_failing', '인증 안대'],
  ['번호 바꿨어 인증 어케함', 'phone_changed', '번호 바꿨'],
  ['인증이 안떠요😭😭', 'verification_failing', '인증이 안떠'],
  ['폰번호 바꼇는데 인증 안뜸 ㅠ', 'verification_failing', '인증 안뜸'],
  ['수수료 몇프로임?', 'general_question', '수수료 몇'],
  ['ㅇㅇ 맞아', 'none'],
  // long messages
  [
    '안녕하세요 늘 수고 많으십니다. 다름이 아니라 제가 지난달에 휴대폰을 새로 사면서 번호도 바꿨는데요, ' +
      '그 뒤로 채팅 상담에 들어가면 계속 비회원이라고 나오고 인증하기를 눌러도 아무 반응이 없네요. ' +
      '해촉증명서 같은 건 필요 없고요 그냥 다시 콜 받고 싶습니다. 빠른 확인 부탁드려요.',
    'verification_failing',
    '눌러도 아무 반응',
  ],
  [
    '기사님들 힘내세요!! 저는 작년까지 카카오 T 대리 기사로 일하다가 개인 사정으로 탈퇴했는데, ' +
      '이번에 다른 회사에 들어가려고 하니 서류가 필요하다고 해서요. 해촉증명서 발급 가능할까요? ' +
      '번호는 그대로고 이름도 그대로입니다. 답변 기다리겠습니다 🙇',
    'termination_certificate',
    '해촉증명서',
  ],
]

const ALL = [...MESSAGES, ...HARDER]

describe('detectIntent on realistic driver messages', () => {
  it('has at least 40 messages, at least 8 of them without a hint, and 40 more for issue 14', () => {
    expect(MESSAGES.length).toBeGreaterThanOrEqual(40)
    expect(MESSAGES.filter(([, e]) => e === 'none').length).toBeGreaterThanOrEqual(8)
    expect(HARDER.length).toBeGreaterThanOrEqual(40)
  })

  const rows = ALL.map(([m, e, w]): [string, Expected, string] => [m, e, w ?? ''])
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

// Noise a driver adds without changing what they mean.
const VARIANTS: ReadonlyArray<(m: string) => string> = [
  (m) => m,
  (m) => m.replace(/\s+/g, ''),
  (m) => m.replace(/\s+/g, '  '),
  (m) => `${m} ㅠㅠ`,
  (m) => `😭 ${m}!!`,
  (m) => `${m}요`,
  (m) => m.toUpperCase(),
  (m) => m.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
  (m) => `안녕하세요. ${m}. 확인 부탁드려요`,
]

describe('no false branch 3 (termination certificate), the worst wrong hint', () => {
  const others = ALL.filter(([, expected]) => expected !== 'termination_certificate').map(([m]) => m)

  it('holds over every message of the set that is not about the certificate, in every noisy variant', () => {
    expect(others.length).toBeGreaterThan(90)
    const falseBranch3 = others.flatMap((m) => VARIANTS.map((v) => v(m))).filter((m) => detectIntent(m).intent === 'termination_certificate')
    expect(falseBranch3).toEqual([])
  })

  it('holds for every negated certificate sentence whatever comes after it', () => {
    const negations = [
      '말고',
      '말구',
      '말고요',
      '아니고',
      '아니구',
      '아니라',
      '가 아니라',
      '아니에요',
      '아니야',
      '는 받았고',
      '는 이미 받았어요',
      '필요 없고',
      '신청 취소할게요',
      '요청한 적 없어요',
      '는 됐고',
      'ㄴㄴ',
      '노노',
    ]
    const tails = ['', ' 인증이 안 돼요', ' 번호 바꿨어요', ' 수수료 얼마예요?', ' 그냥 궁금해서요', ' 해촉해 주세요']
    for (const keyword of ['해촉증명서', '해촉 증명서', '헤촉증명서', '해촉 확인서', '위촉해지 증명서']) {
      for (const negation of negations) {
        for (const tail of tails)
          expect(detectIntent(`${keyword}${negation.startsWith('가') ? '' : ' '}${negation}${tail}`).intent).not.toBe('termination_certificate')
      }
    }
  })
})

// Conversations in the order they were typed (oldest first); hintFromMessages reads newest first.
const CONVERSATIONS: ReadonlyArray<readonly [readonly string[], Expected]> = [
  [['해촉증명서요', '아 잘못 말했어요, 해촉증명서 말고 인증이 안 돼요'], 'verification_failing'],
  [['해촉증명서요', '아 잘못 말했어요'], 'none'],
  [['해촉증명서요', '정정합니다. 인증 문의예요', 'ㅇㅇ'], 'none'],
  [['해촉증명서 발급해 주세요', '아까 말한 거 취소요'], 'none'],
  [['해촉증명서 발급 부탁드려요', '해촉증명서 말고요'], 'none'],
  [['해촉증명서 발급 부탁드려요', '아 그거 말고요 ㅎㅎ 해촉증명서 아니에요'], 'none'],
  // a correction without a hint of its own: the older turns no longer count (no hint rather than a wrong one)
  [['해촉증명서랑 번호 바꾼 거 문의드려요', '해촉증명서는 받았고요'], 'none'],
  [['인증이 안 떠요', '해촉증명서는 아니고요'], 'none'],
  [['I need 해촉증명서', 'no wait, 잘못 썼어요. verification fail'], 'verification_failing'],
  [['해촉증명서요', '시키는 대로 했는데 아직 비회원으로 나와요'], 'verification_failing'],
  // a follow-up without a hint keeps the earlier question
  [['번호 바꿨는데요', '둘 다 같은 번호예요'], 'phone_changed'],
  [['안녕하세요', '해촉 증명서 때문에 연락드렸어요', 'ㅇㅇ'], 'termination_certificate'],
  [['인증이 안 떠요', '해촉증명서도 필요해요'], 'termination_certificate'],
  // a retraction only takes back what came before it
  [['정정할게요', '해촉증명서 주세요'], 'termination_certificate'],
  [['인증이 안 떠요', '방금 콜이 취소됐어요'], 'verification_failing'],
]

describe('hintFromMessages: a later message overrides an earlier one', () => {
  it.each(CONVERSATIONS.map(([turns, expected]) => [turns.join(' ⏎ '), expected, turns] as const))('%s → %s', (_title, expected, turns) => {
    const hint = hintFromMessages([...turns].reverse())
    expect(hint.intent).toBe(expected)
    if (hint.intent === 'none') expect(hint).toEqual(NO_HINT)
  })

  it('gives no false branch 3 on any conversation, nor on any of its newest turns alone', () => {
    for (const [turns, expected] of CONVERSATIONS) {
      if (expected === 'termination_certificate') continue
      const newestFirst = [...turns].reverse()
      expect(hintFromMessages(newestFirst).intent).not.toBe('termination_certificate')
      expect(detectIntent(newestFirst[0] ?? '').intent).not.toBe('termination_certificate')
    }
  })

  it('reads the first MAX_HINT_CHARS characters of each message', () => {
    expect(hintFromMessages([`${'가'.repeat(MAX_HINT_CHARS)}해촉증명서 주세요`])).toEqual(NO_HINT)
    expect(hintFromMessages([`해촉증명서 주세요 ${'가'.repeat(5 * MAX_HINT_CHARS)}`]).intent).toBe('termination_certificate')
  })

  it('gives no hint for no messages', () => {
    expect(hintFromMessages([])).toEqual(NO_HINT)
    expect(hintFromMessages(['', '  '])).toEqual(NO_HINT)
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
  it.each([['해촉증명서요', '해촉증명서 주세요', '해촉증명서 부탁드립니다', '해촉증명서ㅠㅠ', '해촉증명서!!!', 'ＨＩ 해촉증명서']])(
    'politeness endings and noise do not change the hint (%s …)',
    (...variants) => {
      for (const v of variants) expect(detectIntent(v).intent).toBe('termination_certificate')
    },
  )
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
