import { describe, expect, it } from 'vitest'
import { suggestDepth } from '../../src/procedure/depth-suggestion'
import { CONSULTATION_TAXONOMY, taxonomyPaths } from '../../dev/zendesk-host/fixtures/consultation'

// The fixture account's options under the root depth, as the nested field lists them (its leaves).
const ROOT = '대리_기사'
const FIXTURE = taxonomyPaths(CONSULTATION_TAXONOMY)
  .filter((path) => path.leaf && path.labels[0] === ROOT)
  .map((path) => [...path.labels])

// Another account's taxonomy: flatter, other words, compounds with and without separators.
const OTHER: string[][] = [
  ['대리_기사', '앱 오류', '로그인 오류'],
  ['대리_기사', '앱 오류', '지도/내비 오류'],
  ['대리_기사', '운행', '요금/결제'],
  ['대리_기사', '운행', '분실물'],
  ['대리_기사', '운행', '고객 불만'],
  ['대리_기사', '교육/등급', '교육 일정'],
  ['대리_기사', '교육/등급', '등급 기준'],
  ['대리_기사', '포인트/캐시', '캐시 충전'],
  ['대리_기사', '포인트/캐시', '캐시 출금'],
  ['대리_기사', '포인트/캐시', '포인트 소멸'],
  ['대리_기사', '차량/보험', '보험료 환급'],
]

// [the customer's messages (newest first), the suggested path after the root or null, a word the
// suggestion must name as its reason]
type Row = [messages: string | string[], suggested: string | null, because?: string]

const FIXTURE_ROWS: Row[] = [
  ['정산금이 안 들어왔어요ㅠㅠ', '정산/수수료 ▶ 정산 ▶ 정산금 미입금', '미입금'],
  ['돈이 아직도 안들어왔는데요 🙏', '정산/수수료 ▶ 정산 ▶ 정산금 미입금', '정산금'],
  ['정산내역 확인 부탁드려요', '정산/수수료 ▶ 정산 ▶ 정산 내역 확인', '내역'],
  ['정산 내역 좀 보고싶은데', '정산/수수료 ▶ 정산 ▶ 정산 내역 확인', '내역'],
  ['수수로 환불 받고 싶어요', '정산/수수료 ▶ 수수료 ▶ 수수료 환급', '환급'],
  ['콜 수락이 안돼요', '운행/콜 ▶ 콜 배차 ▶ 콜 수락 오류', '수락'],
  ['콜이 자꾸 취소돼요 짜증나네', '운행/콜 ▶ 콜 배차 ▶ 배차 취소', '취소'],
  ['손님이 요금 안낸다고 싸움남', '운행/콜 ▶ 운행 중 문제 ▶ 요금 분쟁', '요금'],
  ['사고 접수하려고요', '운행/콜 ▶ 운행 중 문제 ▶ 사고 접수', '접수'],
  ['교통사고 나서 보험금 청구하려고요', '보험 ▶ 보험 청구 ▶ 사고 보험 청구', '청구'],
  ['보험 가입하려면 어떻게 해요?', '보험 ▶ 보험 가입 ▶ 가입 방법', '방법'],
  ['보험 가입 조건이 뭐에요', '보험 ▶ 보험 가입 ▶ 가입 조건', '조건'],
  ['해촉증명서 떼주세요', '서류/증명서 ▶ 증명서 발급 ▶ 해촉증명서', '해촉증명서'],
  ['해촉 증명서 주세요!!', '서류/증명서 ▶ 증명서 발급 ▶ 해촉증명서', '해촉증명서'],
  ['헤촉증명서 발급 가능한가요', '서류/증명서 ▶ 증명서 발급 ▶ 해촉증명서', '해촉증명서'],
  ['운행 확인서 필요합니다', '서류/증명서 ▶ 증명서 발급 ▶ 운행 확인서', '확인서'],
  ['번호 바꿨는데 인증이 안 떠요', '계정/인증 ▶ 프로필 인증 ▶ 번호 변경 후 인증', '변경'],
  ['인증 어떻게 해요', '계정/인증 ▶ 프로필 인증 ▶ 인증 방법', '방법'],
  ['회원 탈퇴하고 싶어요', '계정/인증 ▶ 회원 상태 ▶ 해촉/탈퇴', '탈퇴'],
  ['재문의요', '기타/이벤트 ▶ 비회원문의 ▶ 재문의', '재문의'],
  // The topic is in an earlier message; the latest says nothing.
  [['네 맞아요', '정산금이 안 들어왔어요'], '정산/수수료 ▶ 정산 ▶ 정산금 미입금', '정산금'],
  [['ㅇㅇ', '010-1234-5678', '해촉증명서요'], '서류/증명서 ▶ 증명서 발급 ▶ 해촉증명서', '해촉증명서'],

  // No clear match: nothing is preselected.
  ['정산 문의드려요', null], // 정산 is every settlement option's word
  ['수수료 얼마에요?', null],
  ['사고 났어요 ㅠㅠ', null], // an accident to report, or an insurance claim
  ['증명서 발급해주세요', null], // which certificate?
  ['가입했는데 승인 언제 나요', null], // signing up as a driver, or for insurance
  ['비회원인데 문의드려요', null],
  ['앱이 안 켜져요', null],
  ['안녕하세요', null],
  ['ㅋㅋㅋㅋ 👍', null],
  ['', null],
]

const OTHER_ROWS: Row[] = [
  ['로그인이 안돼요ㅠ', '앱 오류 ▶ 로그인 오류', '로그인'],
  ['네비가 자꾸 꺼져요', '앱 오류 ▶ 지도/내비 오류', '내비'],
  ['캐시 출금 언제 돼요?', '포인트/캐시 ▶ 캐시 출금', '출금'],
  ['손님이 폰 두고 내렸어요', '운행 ▶ 분실물', '분실물'],
  ['등급 기준이 뭔가요', '교육/등급 ▶ 등급 기준', '기준'],
  ['보험료 환불 되나요', '차량/보험 ▶ 보험료 환급', '환급'],
  ['요금 결제가 안 됐어요', '운행 ▶ 요금/결제', '결제'],
  ['캐시 얼마 남았는지 알려줘', null],
  ['교육 언제에요', null],
  ['오류나요', null],
]

const path = (depths: readonly string[]) => depths.slice(1).join(' ▶ ')
const asList = (messages: string | string[]) => (typeof messages === 'string' ? [messages] : messages)

const TABLES: ReadonlyArray<readonly [string, string[][], Row[]]> = [
  ['the fixture taxonomy', FIXTURE, FIXTURE_ROWS],
  ['another option set', OTHER, OTHER_ROWS],
]

describe.each(TABLES)('suggestDepth on %s', (_name, options, rows) => {
  it.each(rows)('%j → %s', (messages, suggested, because) => {
    const { suggested: got } = suggestDepth(options, asList(messages))
    expect(got && path(got.depths)).toBe(suggested)
    if (got && because) expect(got.matched).toContain(because)
  })
})

describe('suggestDepth', () => {
  it('has realistic tables: at least 25 driver messages on the fixture, several with no clear match', () => {
    expect(FIXTURE.length).toBe(22)
    expect(FIXTURE_ROWS.length + OTHER_ROWS.length).toBeGreaterThanOrEqual(25)
    expect(FIXTURE_ROWS.filter(([, suggested]) => suggested === null).length).toBeGreaterThanOrEqual(5)
  })

  it('suggests nothing on a tie, and ranks the tied options in the given order', () => {
    const { ranked, suggested } = suggestDepth(FIXTURE, ['콜 배차가 안돼요'])
    expect(suggested).toBeNull()
    const [first, second, third] = ranked.map((s) => ({ leaf: s.depths.at(-1), index: s.index, score: s.score }))
    expect(first?.score).toBeGreaterThan(0)
    expect(second?.score).toBe(first?.score)
    expect([first?.leaf, second?.leaf]).toEqual(['콜 수락 오류', '배차 취소'])
    expect(FIXTURE.findIndex((depths) => depths.at(-1) === '콜 수락 오류')).toBe(first?.index)
    expect(FIXTURE.findIndex((depths) => depths.at(-1) === '배차 취소')).toBe(second?.index)
    expect(third?.score).toBeLessThan(first?.score ?? 0)
  })

  it('scores every option once, best first, with the words that scored', () => {
    const { ranked, suggested } = suggestDepth(FIXTURE, ['정산금이 안 들어왔어요'])
    expect(ranked.map((s) => s.index).sort((a, b) => a - b)).toEqual(FIXTURE.map((_, i) => i))
    for (const s of ranked) {
      expect(s.depths).toEqual(FIXTURE[s.index])
      expect(s.score).toBeGreaterThanOrEqual(0)
      expect(s.matched.length === 0).toBe(s.score === 0)
    }
    const scores = ranked.map((s) => s.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(suggested).toBe(ranked[0])
    expect(suggested?.matched).toEqual(['정산', '정산금', '미입금'])
    // The sibling under 정산 only shares the broad word.
    expect(ranked.find((s) => s.depths.at(-1) === '정산 내역 확인')?.matched).toEqual(['정산'])
  })

  it('gives the root and generic words no weight', () => {
    for (const message of ['대리기사인데요', '대리_기사 문의드립니다', '기타 확인 요청 관련해서요']) {
      const { ranked, suggested } = suggestDepth(FIXTURE, [message])
      expect(suggested).toBeNull()
      expect(ranked.every((s) => s.score === 0)).toBe(true)
    }
  })

  it('is deterministic and does not depend on the order of the messages', () => {
    const messages = ['보험 가입하려면', '어떻게 해요?', '네']
    const once = suggestDepth(FIXTURE, messages)
    expect(suggestDepth(FIXTURE, messages)).toEqual(once)
    expect(suggestDepth(FIXTURE, [...messages].reverse()).ranked.map((s) => s.score)).toEqual(once.ranked.map((s) => s.score))
    expect(once.suggested?.depths.at(-1)).toBe('가입 방법')
  })

  it('suggests at a lead of exactly ½ ln n, not below', () => {
    // n = 9, so the bar is ½ ln 9 = ln 3: the worth of a word three of the nine options carry.
    const options = [
      ['r', '보험 사고'],
      ['r', '보험'],
      ['r', '보험'],
      ['r', '사고'],
      ['r', '사고'],
      ['r', '콜'],
      ['r', '콜'],
      ['r', '콜'],
      ['r', '콜'],
    ]
    // 보험 and 사고 are each carried by 3: the first option leads the others by ln 3.
    const atTheBar = suggestDepth(options, ['보험 사고요'])
    expect(atTheBar.suggested?.index).toBe(0)
    // One more option carrying 보험 makes it worth ln(9/4) < ln 3: the lead falls short.
    const below = suggestDepth(
      options.map((o, i) => (i === 5 ? ['r', '콜 보험'] : o)),
      ['보험 사고요'],
    )
    expect(below.ranked[0]?.index).toBe(0)
    expect(below.suggested).toBeNull()
  })

  it('suggests nothing without options to tell apart', () => {
    expect(suggestDepth([], ['정산금이 안 들어왔어요'])).toEqual({ ranked: [], suggested: null })
    const single = suggestDepth([['대리_기사', '정산/수수료']], ['정산금이 안 들어왔어요'])
    expect(single.suggested).toBeNull()
    expect(single.ranked).toHaveLength(1)
  })
})
