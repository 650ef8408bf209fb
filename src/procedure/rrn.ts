/**
 * Resident registration numbers (주민등록번호): never collected, whatever box they turn up in.
 * One detector for every box and every text written down.
 *
 * Read in NFKC (full-width digits and signs). Digit groups joined by a short run of
 * separators (spaces, invisible characters a paste carries, dots, slashes, any kind of dash)
 * read as one number; 13 digits of consecutive groups with a plausible date (YYMMDD) and a gender
 * digit 1-8 are an RRN. Refusing a look-alike is harmless, keeping a real one is not; but a
 * mobile number, a date, a business or an order number must still pass.
 */
import { reason } from './reason'
import type { Reason } from './reason'

// 13 digits from the start of a digit group to the end of one (in NFKC text), the groups joined
// by a short run: any whitespace or invisible character (\p{Cf}: zero-width space / joiners, BOM,
// soft hyphen, bidi marks; \p{M}: variation selectors, the keycap of 9️⃣) and at most two dots,
// slashes or dashes of any kind (\p{Pd}; −, which NFKC makes of ⁻ ₋ too; the Hangul ㅡ, a
// conjoining jamo after NFKC). Found at every group start (a lookahead), so a rejected candidate
// cannot hide an RRN overlapping it. Not after a +: an international phone number (+8201012345678).
const CANDIDATE = /(?<![\d+])(?=(\d(?:[\s\p{Cf}\p{M}]*(?:[./\p{Pd}\u2212\u1173][\s\p{Cf}\p{M}]*){0,2}\d){12})(?!\d))/gu

/** What an RRN is replaced with wherever text is displayed or written down. */
export const RRN_MASK = '******-*******'

/**
 * The text, NFKC, with every RRN replaced by {@link RRN_MASK}. The gender digit: 1 2 5 6 born in
 * the 1900s, 3 4 7 8 in the 2000s (9 and 0, the 1800s, are no one alive).
 */
export function maskRrns(text: string): string {
  const s = text.normalize('NFKC')
  let out = ''
  let at = 0
  for (const m of s.matchAll(CANDIDATE)) {
    const candidate = m[1] ?? ''
    if (m.index >= at && /^\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[1-8]/.test(candidate.replace(/\D+/g, ''))) {
      out += s.slice(at, m.index) + RRN_MASK
      at = m.index + candidate.length
    }
  }
  return out + s.slice(at)
}

/** True if the text contains a resident registration number, in any of the forms above. Use on every box. */
export function detectRrn(text: string): boolean {
  return maskRrns(text) !== text.normalize('NFKC')
}

/** The refusal shown when an RRN is entered: it must not be collected, ask for the birth date only. */
export const RRN_REFUSED: Reason = reason('rrn_refused')
