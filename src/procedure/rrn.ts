/**
 * Resident registration numbers (주민등록번호): never collected, whatever field they turn up in.
 */
import { reason } from './reason'
import type { Reason } from './reason'

// YYMMDD (month 01-12, day 01-31) + 7 digits, with or without a dash or spaces. The back part is
// not validated further: refusing a look-alike is harmless, keeping a real one is not.
const RRN_SOURCE = String.raw`(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s*[-‐–—]?\s*\d{7}(?!\d)`

/** Matches every resident registration number in a text (global; use with replace / matchAll). */
export function rrnPattern(): RegExp {
  return new RegExp(RRN_SOURCE, 'g')
}

/** What an RRN is replaced with wherever text is displayed or written down. */
export const RRN_MASK = '******-*******'

/** True if the text contains something shaped like a resident registration number. Use on any field. */
export function detectRrn(text: string): boolean {
  return new RegExp(RRN_SOURCE).test(text.normalize('NFKC'))
}

/** The refusal shown when an RRN is entered: it must not be collected, ask for the birth date only. */
export const RRN_REFUSED: Reason = reason(
  'rrn_refused',
  '주민등록번호는 수집하면 안 됩니다. 입력한 내용을 지우고 생년월일(예: 1990-01-02)만 확인해 주세요.',
  'A resident registration number must not be collected. Delete what was entered and confirm the birth date only (e.g. 1990-01-02).',
)
