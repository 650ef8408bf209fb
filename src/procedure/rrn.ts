/**
 * Resident registration numbers (주민등록번호): never collected, whatever field they turn up in.
 */
import { reason } from './reason'
import type { Reason } from './reason'

// YYMMDD (month 01-12, day 01-31) + 7 digits, with or without a dash or spaces. The back part is
// not validated further: refusing a look-alike is harmless, keeping a real one is not.
const RRN = /(?<!\d)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s*[-‐–—]?\s*\d{7}(?!\d)/g

/** Matches every resident registration number in a text (global; use with replace / matchAll). */
export function rrnPattern(): RegExp {
  return new RegExp(RRN)
}

/** What an RRN is replaced with wherever text is displayed or written down. */
export const RRN_MASK = '******-*******'

/** True if the text contains something shaped like a resident registration number. Use on any field. */
export function detectRrn(text: string): boolean {
  return rrnPattern().test(text.normalize('NFKC'))
}

/** The refusal shown when an RRN is entered: it must not be collected, ask for the birth date only. */
export const RRN_REFUSED: Reason = reason('rrn_refused')
