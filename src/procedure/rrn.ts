/**
 * Resident registration numbers (주민등록번호): never collected, whatever box they turn up in.
 * One detector for every box and every text written down.
 *
 * The text is normalised first: NFKC (full-width digits and signs), then invisible characters
 * removed (a paste from a chat or a document carries zero-width spaces, joiners, BOMs, soft
 * hyphens, bidi marks). Digit groups joined by a short run of separators (spaces, dots, slashes,
 * any kind of dash) read as one number; 13 digits of consecutive groups with a real date
 * (YYMMDD) and a gender digit 1-8 are an RRN. Refusing a look-alike is harmless, keeping a real
 * one is not; but a mobile number, a date, a business or order number must still pass.
 */
import { isRealDate } from './calendar'
import { reason } from './reason'
import type { Reason } from './reason'

// Format characters (\p{Cf}: zero-width space / joiners, BOM, soft hyphen, bidi marks), the
// combining grapheme joiner, variation selectors and the keycap of emoji digits (9️⃣).
const INVISIBLE = /[\p{Cf}\u034f\ufe00-\ufe0f\u20e3]/gu
// Whitespace, dots, slashes, dashes of every kind (\p{Pd}; − after NFKC also stands for ⁻ ₋),
// the Hangul ㅡ and ㆍ (NFKC turns them into conjoining jamo) and the katakana ー.
const SEPARATORS = /^[\s./·・\p{Pd}\u2212\u1173\u119e\u30fc]+$/u
// A mobile number inside the digits: one group (01012345678) or its three (010 1234 5678).
const MOBILE = /^01[016789]\d{7,8}$/
const CARRIER = /^0?1[016789]$/

/** What an RRN is replaced with wherever text is displayed or written down. */
export const RRN_MASK = '******-*******'

/** The text as the detector reads it: NFKC, invisible characters removed. */
const normalise = (text: string): string => text.normalize('NFKC').replace(INVISIBLE, '')

/** YYMMDD + gender digit: 1 2 5 6 born in the 1900s, 3 4 7 8 in the 2000s (9 and 0: the 1800s, nobody alive). */
function plausible(digits: string): boolean {
  const gender = +digits.charAt(6)
  const century = (gender - 1) % 4 < 2 ? 1900 : 2000
  return gender > 0 && gender < 9 && isRealDate(century + +digits.slice(0, 2), +digits.slice(2, 4), +digits.slice(4, 6))
}

interface Group {
  readonly digits: string
  readonly start: number
  readonly end: number
}

/** The groups hold a mobile number: a date or a number typed next to a phone number is not an RRN. */
function holdsPhone(groups: readonly Group[]): boolean {
  return groups.some(
    (g, i) =>
      (groups.length > 1 && MOBILE.test(g.digits)) ||
      (CARRIER.test(g.digits) && /^\d{3,4}$/.test(groups[i + 1]?.digits ?? '') && /^\d{4}$/.test(groups[i + 2]?.digits ?? '')),
  )
}

/** Where the RRNs are in a normalised text, as [start, end) spans, in order. */
function rrnSpans(s: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = []
  const chains: Group[][] = []
  let last: Group | undefined
  for (const m of s.matchAll(/\d+/g)) {
    const group = { digits: m[0], start: m.index, end: m.index + m[0].length }
    const gap = last ? s.slice(last.end, group.start) : ''
    // "900102 - 1234567": a run of separators counts as one if short (whitespace as one character).
    if (last && SEPARATORS.test(gap) && gap.replace(/\s+/g, ' ').length < 4) chains[chains.length - 1]?.push(group)
    else chains.push([group])
    last = group
  }
  for (const chain of chains) {
    for (let i = 0; i < chain.length; i++) {
      let digits = ''
      for (let j = i; j < chain.length && digits.length < 13; j++) {
        digits += chain[j]?.digits
        const candidate = chain.slice(i, j + 1)
        const first = chain[i]
        // After a + the digits are an international phone number (+8201012345678).
        if (digits.length === 13 && first && s[first.start - 1] !== '+' && plausible(digits) && !holdsPhone(candidate)) {
          spans.push([first.start, chain[j]?.end ?? first.end])
          i = j
        }
      }
    }
  }
  return spans
}

/** True if the text contains a resident registration number, in any of the forms above. Use on every box. */
export function detectRrn(text: string): boolean {
  return rrnSpans(normalise(text)).length > 0
}

/** The text (normalised as the detector reads it) with every RRN replaced by {@link RRN_MASK}. */
export function maskRrns(text: string): string {
  const s = normalise(text)
  let out = ''
  let at = 0
  for (const [start, end] of rrnSpans(s)) {
    out += s.slice(at, start) + RRN_MASK
    at = end
  }
  return out + s.slice(at)
}

/** The refusal shown when an RRN is entered: it must not be collected, ask for the birth date only. */
export const RRN_REFUSED: Reason = reason('rrn_refused')
