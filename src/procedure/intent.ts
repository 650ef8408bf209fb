/**
 * An intent hint from the driver's messages. A hint only suggests a branch; the agent always
 * has the last word, and "no hint" is the answer whenever the message is unclear. A keyword the
 * driver negates ("해촉증명서 말고 …") or takes back ("잘못 말했어요") does not count, and a later
 * correction overrides an earlier message.
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
  { readonly intent: Intent; readonly matched: string[]; readonly suggestedBranch: BranchId } | { readonly intent: 'none'; readonly matched: [] }

/** The "no hint" value. */
export const NO_HINT: IntentHint = { intent: 'none', matched: [] }

// Where the order of alternatives cannot change a match (single characters, a lookahead, words
// none of which begins another), lists share one order (이|가|은|는|을|를|도, 확인|신청|하|…) so
// that gzip finds the repeats.

// Between a noun and its verb: up to 10 characters, but not across another topic (정산, 콜…) or
// a sign that the verification already succeeded (완료, 성공).
const GAP = '(?:(?!계정|정산|수수료|포인트|캐시|운행|콜|보험|출금|입금|배차|지급|환급|로그인|완료|성공|끝)[가-힣a-z0-9]){0,10}?'
const VERIFY_NOUN = '(?:(?:프로필|본인)?인증|본인확인|verif(?:ication|y))(?:하기|창|버튼|메뉴|화면|메세지|메시지|절차)?(?:이|가|은|는|을|를|도)?'
const NOT = '[안않앙]'
const NOT_SHOWING = '(?:돼|되|됩|됨|대|떠|뜨|뜸|뜬|됌|나와|나오|나옴|나타|보여|보이|보임|눌|넘어|열려|열리|열림|진행)'
// Cannot do it / it breaks: 못하겠어요, 튕겨요, 실패, 오류.
const CANNOT = '(?:못(?:해|하|했|함)|튕기|튕겨|튕김|실패|오류|에러|먹통|fail)'
const CHANGED =
  '(?:change[d했됐]|바꿨|바꿧|바꼈|바꼇|바꿔서|바꾸고|바꾸었|바꾼|바뀌었|바뀌어|바뀌고|바뀐|바뀜|바꿈|변경했|변경햇|변경됐|변경됬|변경되었|변경되어|변경돼|변경된|변경됨|변경함|변경하고|변경해서|변경한|변경후|변경이후|변경뒤|변경하였)'
// "바꾸고 싶어요", "바꾼 적 없어요", "변경한 건 아니고", "바꾸려고": not a change that happened
// (a lookahead, so 려 covers 려고).
const NOT_DONE = '(?!싶|적|[건거]아[니닌]|려)'
const PHONE_NOUN = '(?:(?:전화|휴대폰|핸드폰|휴대전화|폰|핸폰)?번호|연락처)'

// Each intent with its patterns, in order: a span already quoted for an earlier pattern is not
// quoted again.
const RULES: ReadonlyArray<readonly [Intent, readonly RegExp[]]> = [
  // 해촉증명서 and its typos; also a withdrawn driver asking for a certificate in other words.
  [
    'termination_certificate',
    [
      /[해헤]촉(?:증명서|증명써|증멍서|증명|증|확인서|서류|서|발급)/g,
      /(?:위촉|계약)해지(?:증명서|증명|확인서)/g,
      /탈퇴[가-힣a-z0-9]{0,12}?(?:증명서|증명|확인서)/g,
    ],
  ],
  [
    'verification_failing',
    [
      new RegExp(`${VERIFY_NOUN}${GAP}(?:${NOT}${NOT_SHOWING}|${CANNOT})`, 'g'),
      // (실패, 오류, 못해… after 계속 / 자꾸 / 또: the pattern above)
      new RegExp(`${VERIFY_NOUN}(?:계속|자꾸|또)?(?:불가|막혀|막힘|없어|없음|없네|없는데|없습|없던)`, 'g'),
      /인증(?:완료|진행)(?:이|가)?(?:안|않)(?:돼|되|됩|됨|대|떠|뜨)/g,
      /인증번호(?:이|가|를)?(?:안|않|못)(?:와|오|옴|받)/g,
      // The earlier guide did not work ("알려주신 대로 했는데 안 돼요").
      /(?:안내받|안내해주|안내주신|안내대로|알려주|알려준|하라는|하라고|시키는)[가-힣a-z0-9]{0,12}?(?:했는데|해봤는데|했지만|해도|했어도|해보니|하는데|눌렀는데|눌러도|들어갔는데)[가-힣a-z0-9]{0,6}?(?:(?:안|않)(?:돼|되|됨|대|떠|뜨|뜸|나와|나오|넘어|보여|보이)|똑같|마찬가지|그대로)/g,
      // Did it and it still fails: still a non-member ("했는데 아직 비회원으로 나와요"), the button does
      // nothing ("눌렀는데 아무 반응이 없어요"); not a work button (출근, 콜). The lists repeat the
      // pattern above, for gzip.
      /(?<!(?:출근|콜)[가-힣a-z0-9]{0,4})(?:했는데|해봤는데|했지만|해도|했어도|해보니|하는데|눌렀는데|눌러도|들어갔는데)[가-힣a-z0-9]{0,6}?(?:비회원(?!인데|이라서)|반응)/g,
    ],
  ],
  [
    'phone_changed',
    [
      new RegExp(`${PHONE_NOUN}(?:이|가|은|는|을|를|도|랑)?(?:제가|다|새로)?${CHANGED}${NOT_DONE}`, 'g'),
      /새(?:로운)?(?:전화|휴대폰|핸드폰|휴대전화|폰|핸폰)?번호/g,
      /번호(?:가|를)?새로(?:만들|받|개통|변경|했)/g,
      // "기사 앱이랑 카톡 번호가 달라요": the contacts differ, branch 4's own question.
      /(?:번호|연락처)(?:이|가)?(?:달라|다르|다릅)/g,
    ],
  ],
  [
    'general_question',
    [
      /어떻게(?:확인|신청|하|해|보|봐|받|변경|등록|찾|설정|바꾸|바꿔|들어가|발급|되|돼|바꿀|사용|이용|가입|탈퇴|쓰|써|알|출근|퇴근|잡)/g,
      /(?:(?:사용|이용|설정|변경|신청|등록|확인)?하|[쓰보받]|바꾸)는법|방법/g,
      /(?:기준|정책|규정|절차|조건|자격|요건)(?:이|가|은|는|을|를|좀|도)?(?:뭐|어떻게|어떤|어떠|알려|궁금|있|무엇|되나|되는지)/g,
      /어디(?:서|에서|로|에)?(?:확인|신청|하|해|보|봐|받|변경|등록|찾|설정|바꾸|바꿔|들어가|발급)/g,
      /(?:수수료|보험료|요금|이용료|가입비|보험)(?:이|가|은|는|율)?(?:얼마|몇|어떻게)/g,
      /(?:정산|지급|입금)(?:이|가|은|는|일)?(?:언제|몇시|며칠|무슨요일)|언제(?:정산|지급|입금)/g,
      /(?:뭐예요|뭐에요|뭔가요|뭐죠|무엇인가요|뭐임|무슨뜻|무슨의미)/g,
    ],
  ],
]

// Signs that the answer depends on the driver's own data (see the module comment). Only tested
// for, so a word that begins with another one listed (왜 저렇게 ⊃ 왜 저, 해주실 ⊃ 해주) needs no entry.
const ACCOUNT_MARKERS: readonly RegExp[] = [
  /(?:제|내|저의|나의|저희)(?:계정|아이디|정산|수수료|포인트|캐시|운행|콜|등급|상태|잔액|잔고|보험|면허|프로필|사진|차량|이력|기록|내역|평점|돈|수입|출금|입금)/,
  /(?:정지|제재|차단|이용제한|패널티|페널티|블랙|탈락|불합격|반려|보류)(?:이|가|을|를)?(?:됐|되었|됬|당했|당함|됨|먹|풀|해제|이유|사유|왜|인가|된|돼)/,
  /왜(?:이렇|그런|제|저|내|정지|제재|차단|콜|정산|입금|돈|안|못|취소|빠져|차감|깎|떨어|배차)/,
  /(?:안|않|못)(?:들어|잡혀|잡히|잡아|와요|옴|받았|받아|빠져|입금|지급|붙|나갔)/,
  /(?:확인|조회|처리|해결|체크)좀?(?:해주|해줘|해달|부탁|바랍|요청)/,
]

// After a keyword, a few characters on: what the driver does not want or has already ("해촉증명서
// 말고", "…가 아니라", "…는 이미 받았고", "… 신청 취소", "… 필요 없고", "… 한 적 없어요", "…는 됐고",
// "… ㄴㄴ"); not "말고도", "뿐만 아니라" (also).
const NEGATED = /^[^뿐]{0,6}?(?:말[고구](?!도)|아[니닌닙녜님]|받았|취소|필요없|적[은이]?없|됐고|노노|\u1102\u1102)/
// Takes back what was said before it, in this message and the earlier ones ("잘못 말했어요",
// "정정할게요", "말한 거 취소").
const RETRACTS = /^.*(?:잘못[말얘썼]|정정|[거건]취소)/

/** Priority when several intents match: the most specific situation wins. */
const PRIORITY: readonly Intent[] = ['termination_certificate', 'verification_failing', 'phone_changed', 'general_question']

interface Compact {
  readonly text: string
  /** Index in the normalised message of each compact character. */
  readonly map: readonly number[]
  readonly source: string
}

function compact(message: string): Compact {
  const source = message.normalize('NFKC')
  let text = ''
  const map: number[] = []
  // ㄴ (U+1102 after NFKC) too, for ㄴㄴ ("no").
  for (const m of source.matchAll(/[가-힣a-z0-9\u1102]/gi)) {
    text += m[0].toLowerCase()
    map.push(m.index)
  }
  return { text, map, source }
}

function originalSpan(c: Compact, start: number, length: number): string {
  const from = c.map[start] ?? 0
  const to = (c.map[start + length - 1] ?? from) + 1
  return c.source.slice(from, to)
}

/**
 * A message's hint, and whether it corrects what was said: negates a keyword ("해촉증명서 말고")
 * or takes something back ("잘못 말했어요").
 */
function read(message: string): [IntentHint, boolean] {
  const c = compact(message)
  const found = new Map<Intent, string[]>()
  // Words before the last retraction were taken back.
  const retracted = RETRACTS.exec(c.text)?.[0].length ?? 0
  let corrects = retracted > 0
  // Spans already explained by an earlier (more specific) rule are not quoted twice.
  const taken: Array<readonly [number, number]> = []
  for (const [intent, patterns] of RULES) {
    for (const pattern of patterns)
      for (const m of c.text.matchAll(pattern)) {
        const from = m.index
        const to = from + m[0].length
        if (to === from || taken.some(([a, b]) => from < b && a < to)) continue
        taken.push([from, to])
        if (from < retracted) continue
        if (NEGATED.test(c.text.slice(to))) corrects = true
        else {
          const words = found.get(intent) ?? []
          const word = originalSpan(c, from, to - from)
          if (!words.includes(word)) words.push(word)
          found.set(intent, words)
        }
      }
  }
  if (found.has('general_question') && ACCOUNT_MARKERS.some((p) => p.test(c.text))) found.delete('general_question')
  const intent = PRIORITY.find((i) => found.has(i))
  if (!intent) return [NO_HINT, corrects]
  const branch = INTENT_BRANCH[intent]
  // Words of other intents pointing at the same branch also explain the hint (번호 바꿨는데 + 인증이 안 떠요).
  const matched = PRIORITY.filter((i) => INTENT_BRANCH[i] === branch).flatMap((i) => found.get(i) ?? [])
  return [{ intent, matched, suggestedBranch: branch }, corrects]
}

/**
 * Suggests what the driver wants from one message. Returns the matched words as typed, or
 * {@link NO_HINT} when nothing fits, when the only fit is a general question but the message is
 * about the driver's own account, or when the message is empty. Words the message negates
 * ("해촉증명서 말고") or takes back ("…, 잘못 말했어요") do not count.
 */
export function detectIntent(message: string): IntentHint {
  return read(message)[0]
}

/** How much of one message the hint reads: a pasted log or a very long message has its question in its first lines. */
export const MAX_HINT_CHARS = 2000

/**
 * The hint from a conversation, newest message first: the newest message that gives a hint (in
 * a chat the latest line is often a follow-up, "둘 다 같은 번호예요", while the question came just
 * before). A later message that corrects what was said ("해촉증명서 말고요", "잘못 말했어요") and
 * gives no hint of its own ends the search: the older messages no longer count.
 */
export function hintFromMessages(messages: readonly string[]): IntentHint {
  for (const message of messages) {
    const [hint, corrects] = read(message.slice(0, MAX_HINT_CHARS))
    if (hint.intent !== 'none') return hint
    if (corrects) break
  }
  return NO_HINT
}

/** Signs that the driver is frustrated, for the empathy suggestion. */
export interface FrustrationHint {
  readonly frustrated: boolean
  readonly matched: string[]
}

const FRUSTRATION = /[ㅠㅜ]{2}|답답|짜증|화[나가]|미치|몇\s*번(?:째|을|이나)|도대체|대체\s*왜|장난|너무\s*하|어이\s*없|황당|힘들/g

/** Detects frustration cues (ㅠㅠ, 답답, 몇 번째…) in a message; used to suggest 공감. */
export function detectFrustration(message: string): FrustrationHint {
  // NFC, not NFKC: NFKC would turn the emoticon jamo ㅠ into a conjoining jamo.
  const matched = [...new Set([...message.normalize('NFC').matchAll(FRUSTRATION)].map((m) => m[0]))]
  return { frustrated: matched.length > 0, matched }
}
