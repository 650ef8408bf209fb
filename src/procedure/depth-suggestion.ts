/**
 * The depth suggested (추천): the consultation field's own options ranked by the words they share
 * with the customer's recent messages. Deterministic and local: no network, no model, no
 * dictionary beyond the two small tables below.
 *
 * Words are runs of Hangul syllables, Latin letters and digits (NFKC, lower case), so option
 * names split on `/`, `_`, spaces (`정산/수수료` → 정산, 수수료) and messages lose emoji, ㅋㅋ
 * and punctuation. A message word also counts without its particle or ending (정산금이요 →
 * 정산금), and two neighbours count joined (해촉 증명서 → 해촉증명서). A message word matches an
 * option word when
 * - the option word is in it (정산금이 ⊃ 정산; a one-syllable option word must begin it: 콜이);
 * - it is in the option word, has two syllables or more and is no option word itself
 *   (비회원 ⊂ 비회원문의, but 정산 claims only 정산, not 정산금);
 * - both have three syllables or more and differ in one (수수로 ~ 수수료, 헤촉증명서): a typo;
 * - a phrase of {@link DEPTH_SYNONYMS} stands for it anywhere in the message (어떻게 → 방법).
 *
 * Weights: a word that k of the n options carry is worth ln(n / k) (its inverse document
 * frequency), so the root every option shares is worth nothing and a word of one option only is
 * worth the most; {@link GENERIC_WORDS} are worth nothing. An option scores the sum of its
 * distinct matched words. All messages count alike (the topic is often in the first, the
 * latest may be "네").
 */

/** One option with its score: `matched` are the option's words that scored, for "추천: '정산'". */
export interface DepthScore {
  /** The option's position in the list given. */
  readonly index: number
  readonly depths: readonly string[]
  /** Rounded to 1/1000 so that equal evidence gives equal scores whatever the summing order. */
  readonly score: number
  readonly matched: readonly string[]
}

/** Every option, best first (ties keep the given order), and the suggestion if there is one. */
export interface DepthRanking {
  readonly ranked: readonly DepthScore[]
  /** The best option when it is clearly better than the rest (see {@link suggestDepth}), else null. */
  readonly suggested: DepthScore | null
}

/** Words that say nothing about the topic ("문의드려요", "확인 부탁드려요", 번호 변경 "후"). */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(['문의', '기타', '일반', '확인', '관련', '요청', '처리', '후', '중', '및', '등'])

/**
 * What drivers say for an option word, as [option word, pattern]. Patterns are looked for in the
 * message with its spaces removed (안 들어왔어요 → 안들어왔어요). Only words of the options count.
 */
export const DEPTH_SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  ['방법', '어떻게|어케'],
  ['변경', '바[꿨꿧꼈꿔꾸뀌꾼]'],
  ['환급', '환불|돌려[받주]'],
  ['정산금', '돈'],
  ['미입금', '안들어[오왔와옴]'],
  ['발급', '떼|뽑'],
  ['청구', '보험금'],
  ['이벤트', '쿠폰'],
  ['해촉', '[촉약]해지'],
  ['내비', '네비'],
  ['분실물', '[두놓]고내|잃어버'],
]

// A particle or ending at the end of a word, taken off twice at most (정산금인데요 → 정산금인데 →
// 정산금); the leftmost match of a `$` pattern is the longest.
const ENDING = /(?:예요|인데|인가|으로|에서|[은는이가을를에도만요로랑좀])$/

const SYNONYMS = DEPTH_SYNONYMS.map(([word, phrases]) => [word, new RegExp(phrases)] as const)

const wordsIn = (text: string): string[] =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[가-힣a-z0-9]+/g) ?? []

/**
 * The message's words, each pair of neighbours joined (해촉 증명서 → 해촉증명서), each also without
 * up to two endings (정산금은요 → 정산금은 → 정산금), and the option words its phrases stand for.
 */
function heardWords(message: string): string[] {
  const words = wordsIn(message.slice(0, 2000))
  const heard = [...words, ...words.slice(1).map((word, i) => words[i] + word)].flatMap((word) => {
    const once = word.replace(ENDING, '')
    return [word, once, once.replace(ENDING, '')]
  })
  const joined = words.join('')
  for (const [word, phrases] of SYNONYMS) if (phrases.test(joined)) heard.push(word)
  return heard.filter((word) => word && !GENERIC_WORDS.has(word))
}

const oneTypo = (a: string, b: string) => a.length > 2 && a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1

/**
 * Whether a heard word stands for an option word. A heard word that is an option word itself
 * (정산) claims no longer one (정산금): it already matches its own.
 */
function matches(heard: string, word: string, optionWords: ReadonlySet<string>): boolean {
  return (
    (word.length > 1 ? heard.includes(word) : heard.startsWith(word)) ||
    (heard.length > 1 && !optionWords.has(heard) && word.includes(heard)) ||
    oneTypo(heard, word)
  )
}

/**
 * Ranks `options` (paths of depth names, e.g. `['대리_기사', '정산/수수료', '정산', '정산금 미입금']`)
 * against the customer's recent messages.
 *
 * The best option is suggested only when it is clearly better than the rest: its score exceeds
 * the runner-up's by at least ½ ln n, half of what a word of one option alone is worth. That is
 * the worth of a word √n of the options share (4.7 of the fixture's 22 leaves), so the
 * difference must come from a word narrowing the options at least that much: a tie, a
 * difference made only of broad words, or no match at all suggests nothing, and the agent picks.
 * The bar grows slowly with n, so it holds for a short list and a long one alike.
 */
export function suggestDepth(options: readonly (readonly string[])[], messages: readonly string[]): DepthRanking {
  const n = options.length
  // A word counts once per option, wherever it sits: 정산/수수료 ▶ 정산 ▶ 정산 내역 확인 says 정산
  // three times but is no more about it than its sibling 정산금 미입금.
  const words = options.map((depths) => [...new Set(depths.flatMap(wordsIn))].filter((word) => !GENERIC_WORDS.has(word)))
  const carriers = new Map<string, number>()
  for (const list of words) for (const word of list) carriers.set(word, (carriers.get(word) ?? 0) + 1)
  const weight = (word: string) => Math.log(n / (carriers.get(word) ?? n))
  const optionWords = new Set(carriers.keys())
  const heard = messages.flatMap(heardWords)
  const ranked = options
    .map((depths, index): DepthScore => {
      const matched = (words[index] ?? []).filter((word) => weight(word) > 0 && heard.some((h) => matches(h, word, optionWords)))
      return { index, depths, score: Math.round(matched.reduce((sum, word) => sum + weight(word), 0) * 1000) / 1000, matched }
    })
    .sort((a, b) => b.score - a.score || a.index - b.index)
  const [best, next] = ranked
  // Less 1/1000 for the two roundings: a lead that meets the bar exactly counts.
  return { ranked, suggested: best && best.score > 0 && best.score - (next?.score ?? 0) >= Math.log(n) / 2 - 0.001 ? best : null }
}
