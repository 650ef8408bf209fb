/**
 * An intent hint from the driver's latest message. A hint only suggests a branch; the agent
 * always has the last word, and "no hint" is the answer whenever the message is unclear.
 *
 * Matching runs on a compact form of the message (NFKC, lower case, only Hangul syllables,
 * Latin letters and digits), so spacing ("해촉 증명서"), punctuation, emoticons (ㅠㅠ, ㅋㅋ) and
 * politeness endings (요 / 습니다 / 여) do not matter. Patterns match word stems plus common
 * typos (해촉증명써, 헤촉, 번호바꿧어요, 인증 안대요).
 *
 * "General question" vs "account question": a general question asks how something works or
 * where it is in the app (a method, policy, procedure, fee, schedule) and can be answered with
 * no account lookup (branch 2). A question whose answer depends on the driver's own data - a
 * possessive with an account noun (제 정산금), a sanction (정지됐어요), something not arriving or
 * not working for them (콜이 안 잡혀요), "why did this happen to me", a request to look something
 * up (확인해 주세요) - is an account question: it gives no hint, because the default branch 1
 * (verify first, then ask again) is exactly what it needs.
 */
import type { BranchId } from './branches'

/** What the driver seems to want. */
export type Intent = 'termination_certificate' | 'phone_changed' | 'verification_failing' | 'general_question'

/** The branch each intent suggests. */
export const INTENT_BRANCH: Readonly<Record<Intent, BranchId>> = {
  termination_certificate: 'termination_certificate',
  phone_changed: 'reinquiry_phone_change',
  verification_failing: 'reinquiry_phone_change',
  general_question: 'answer_directly',
}

/**
 * A hint, with the words of the message it matched (as the driver typed them) so the UI can
 * say why; or no hint.
 */
export type IntentHint =
  | { readonly intent: Intent; readonly matched: string[]; readonly suggestedBranch: BranchId }
  | { readonly intent: 'none'; readonly matched: [] }

/** The "no hint" value. */
export const NO_HINT: IntentHint = { intent: 'none', matched: [] }

// The patterns run on the compact form, where [가-힣a-z0-9] is any character. Alternations are
// folded ([안않] for 안|않, 바[꿨꿧] for 바꿨|바꿧); where one alternative is the start of another
// (증명서, 증명) the longer still comes first, so what a rule quotes does not change.

/** The rules per intent, most specific intent first: that is also the priority when several match. */
const RULES = [
  [
    'termination_certificate',
    [
      // 해촉증명서 and its typos; also a withdrawn driver asking for a certificate in other words.
      /[해헤]촉(?:증(?:명[서써]?|멍서)?|확인서|서류?|발급)/g,
      /(?:위촉|계약)해지(?:증명서?|확인서)/g,
      /탈퇴[가-힣a-z0-9]{0,12}?(?:증명서?|확인서)/g,
    ],
  ],
  [
    'verification_failing',
    [
      // 인증(하기 버튼)(이), then up to 10 characters that cross no other topic (정산, 콜…) and no
      // sign that it already worked (완료, 성공), then "not showing / not working" (안 떠, 안 보여,
      // 안 돼) or "cannot / it breaks" (못하겠어요, 튕겨요, 실패, 오류).
      /(?:(?:프로필|본인)?인증|본인확인)(?:하기|창|버튼|메(?:뉴|[세시]지)|화면|절차)?[이가은는도을를]?(?:(?!콜|정산|입금|출금|수수료|포인트|운행|보험|캐시|계정|배차|지급|환급|로그인|완료|성공|끝)[가-힣a-z0-9]){0,10}?(?:[안않앙](?:[돼되됩됨대떠뜨뜸뜬됌눌]|나[와오옴타]|보[여이임]|넘어|열[려리림]|진행)|못[해하했함]|튕[기겨김]|실패|오류|에러|먹통)/g,
      // 인증 directly followed by 불가, 막혀, 없어요 (the other failure words are caught above).
      /(?:(?:프로필|본인)?인증|본인확인)(?:하기|창|버튼|메(?:뉴|[세시]지)|화면|절차)?[이가은는도을를]?(?:계속|자꾸|또)?(?:불가|막[혀힘]|없(?:[어음네습던]|는데))/g,
      /인증(?:완료|진행)[이가]?[안않][돼되됩됨대떠뜨]/g,
      /인증번호[이가를]?[안않못][와오옴받]/g,
      // The earlier guide did not work ("알려주신 대로 했는데 안 돼요").
      /(?:안내(?:받|해주|주신|대로)|알려[주준]|하라[는고]|시키는)[가-힣a-z0-9]{0,12}?(?:했(?:는데|지만|어도)|해(?:봤는데|도|보니)|하는데|눌(?:렀는데|러도)|들어갔는데)[가-힣a-z0-9]{0,6}?(?:[안않](?:[돼되됨대떠뜨뜸]|나[와오]|넘어|보[여이])|똑같|마찬가지)/g,
    ],
  ],
  [
    'phone_changed',
    [
      // (전화)번호 / 연락처 (를) 바꿨 / 변경했…, but not "바꾸고 싶어요", "바꾼 적 없어요", "변경한 건
      // 아니고": not a change that happened.
      /(?:(?:전화|휴대(?:폰|전화)|핸드?폰|폰)?번호|연락처)[이가은는도을를랑]?(?:제가|다|새로)?(?:바(?:[꿨꿧꼈꼇꾼뀐뀜꿈]|꿔서|꾸[고었]|뀌[었어고])|변경(?:[했햇됐됬돼된됨함한후뒤]|되[었어]|하[고였]|해서|이후))(?![싶적려]|[건거]아[니닌])/g,
      /새(?:로운)?(?:전화|휴대(?:폰|전화)|핸드?폰|폰)?번호/g,
      /번호[를가]?새로(?:[받했]|바꿨|만들|개통|변경)/g,
      // "기사 앱이랑 카톡 번호가 달라요": the contacts differ, branch 4's own question.
      /(?:번호|연락처)[이가]?(?:달라|다[르릅])/g,
    ],
  ],
  [
    'general_question',
    [
      /어떻게(?:[하해되돼받쓰써보봐알찾잡]|신청|등록|설정|변경|확인|사용|이용|바[꾸꿔꿀]|가입|탈퇴|들어가|출근|퇴근|발급)/g,
      /(?:(?:[하쓰보받]|(?:신청|등록|설정|변경|확인|사용|이용)하|바꾸)는법|방법)/g,
      /(?:기준|정책|규정|절차|조건|자격|요건)(?:[이가은는도을를]|좀)?(?:[뭐있]|어(?:떻게|떤|떠)|알려|궁금|무엇|되(?:나|는지))/g,
      /어디(?:[서로]|에서?)?(?:[하해보봐받찾]|신청|등록|설정|변경|확인|바[꾸꿔]|들어가|발급)/g,
      /(?:수수료|보험료?|요금|이용료|가입비)[이가은는율]?(?:얼마|몇|어떻게)/g,
      /(?:정산|지급|입금)[이가은는일]?(?:언제|몇시|며칠|무슨요일)|언제(?:정산|지급|입금)/g,
      /뭐(?:[예에]요|[죠임])|뭔가요|무엇인가요|무슨(?:뜻|의미)/g,
    ],
  ],
] as const

// Signs that the answer depends on the driver's own data (see the module comment). Only whether
// one matches counts, so a shorter alternative may stand for longer ones (왜 제 for 왜 제재).
const ACCOUNT_MARKERS: readonly RegExp[] = [
  /(?:[제내]|저[의희]|나의)(?:콜|정산|입금|출금|수수료|포인트|운행|보험|캐시|계정|돈|아이디|등급|상태|잔[액고]|면허|프로필|사진|차량|이력|기록|내역|평점|수입)/,
  /(?:정지|제재|차단|이용제한|[패페]널티|블랙|탈락|불합격|반려|보류)[이가을를]?(?:[됐됬됨먹풀왜된돼]|되었|당[했함]|해제|[이사]유|인가)/,
  /왜(?:[제저내콜돈안못깎]|이렇|그런|정지|차단|정산|입금|취소|빠져|차감|떨어|배차)/,
  /[안않못](?:[옴붙]|들어|잡[혀히아]|와요|받[았아]|빠져|입금|지급|나갔)/,
  /(?:확인|조회|처리|해결|체크)좀?(?:해[주줘달]|부탁|바랍|요청)/,
]

/**
 * Suggests what the driver wants from their latest message. Returns the matched words as
 * typed, or {@link NO_HINT} when nothing fits, when the only fit is a general question but the
 * message is about the driver's own account, or when the message is empty.
 */
export function detectIntent(message: string): IntentHint {
  // The compact form (see the module comment), and where each of its characters is in the
  // normalised message, to quote the driver's words as typed.
  const source = message.normalize('NFKC')
  const at: number[] = []
  const text = source.replace(/[^]/g, (ch, i: number) => {
    const lower = ch.toLowerCase()
    return /[가-힣a-z0-9]/.test(lower) ? (at.push(i), lower) : ''
  })
  const found: Partial<Record<Intent, string[]>> = {}
  // Spans already explained by an earlier (more specific) rule are not quoted twice.
  const taken: Array<readonly [number, number]> = []
  for (const [intent, patterns] of RULES) {
    for (const pattern of patterns) {
      for (const { 0: match, index: from } of text.matchAll(pattern)) {
        const to = from + match.length
        if (taken.some(([a, b]) => from < b && a < to)) continue
        taken.push([from, to])
        const start = at[from] ?? 0
        const word = source.slice(start, (at[to - 1] ?? start) + 1)
        const words = (found[intent] ??= [])
        if (!words.includes(word)) words.push(word)
      }
    }
  }
  if (ACCOUNT_MARKERS.some((p) => p.test(text))) delete found.general_question
  const intent = RULES.find(([i]) => found[i])?.[0]
  if (!intent) return NO_HINT
  const branch = INTENT_BRANCH[intent]
  // Words of other intents pointing at the same branch also explain the hint (번호 바꿨는데 + 인증이 안 떠요).
  const matched = RULES.flatMap(([i]) => (INTENT_BRANCH[i] === branch ? (found[i] ?? []) : []))
  return { intent, matched, suggestedBranch: branch }
}

/** Signs that the driver is frustrated, for the empathy suggestion. */
export interface FrustrationHint {
  readonly frustrated: boolean
  readonly matched: string[]
}

const FRUSTRATION = /[ㅠㅜ]{2}|답답|짜증|화[나가]|미치|몇\s*번(?:[째을]|이나)|도대체|대체\s*왜|장난|너무\s*하|어이\s*없|황당|힘들/g

/** Detects frustration cues (ㅠㅠ, 답답, 몇 번째…) in a message; used to suggest 공감. */
export function detectFrustration(message: string): FrustrationHint {
  // NFC, not NFKC: NFKC would turn the emoticon jamo ㅠ into a conjoining jamo.
  const matched = [...new Set([...message.normalize('NFC').matchAll(FRUSTRATION)].map((m) => m[0]))]
  return { frustrated: matched.length > 0, matched }
}
