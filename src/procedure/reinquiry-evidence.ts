/**
 * Re-inquiry (재인입) from evidence, not only words: one of the requester's recent tickets carries
 * the reporting tag of a branch after which the driver comes back (branch 1: "verify, then ask
 * again"; branch 4: a re-inquiry already), so this chat is likely a re-inquiry.
 *
 * The tickets are one page of `GET /api/v2/users/{id}/tickets/requested.json` as plain values,
 * asked for newest first (`sort_by=created_at&sort_order=desc`; Zendesk's default is ascending).
 * Their order is not relied on: every ticket of the page is looked at and the newest that counts
 * wins.
 *
 * Days are calendar days in the agent's time zone, as people say them: a ticket of yesterday
 * 23:50 is 1 day ago at 00:10. The window is inclusive: with 7 days, a ticket of 7 days ago
 * counts, one of 8 does not. Both days are taken at today's UTC offset, so only a daylight-saving
 * change inside the window could move its edge by that hour (Korea keeps none).
 */
import { BRANCHES, hasReinquiryRole } from './branches'
import type { Branch } from './branches'

/** A branch's number, 1 to 4. */
export type BranchNumber = Branch['number']

/** The reporting tag Apply adds for a branch (`nonmember_branch_4`), so Explore can count branches. */
export function branchTag<N extends BranchNumber>(n: N): `nonmember_branch_${N}` {
  return `nonmember_branch_${n}`
}

/**
 * Branches whose tag on a recent ticket is evidence of a re-inquiry (the branch table's
 * `reinquiry: ['evidence']`), in the order they are reported: a ticket tagged with two reports the
 * later step of the procedure.
 */
export const REINQUIRY_EVIDENCE_BRANCHES: readonly BranchNumber[] = /* @__PURE__ */ BRANCHES.filter((b) => hasReinquiryRole(b, 'evidence'))
  .map((b) => b.number)
  .reverse()

/** The window when the `reinquiry_days` setting is not given. */
export const DEFAULT_REINQUIRY_DAYS = 7

/** One of the requester's tickets, as the Zendesk layer hands it over. */
export interface RequestedTicket {
  readonly id: number
  /** ISO 8601, as the API gives it (`2026-12-01T09:30:00Z`). */
  readonly createdAt: string
  readonly tags?: readonly string[] | null
}

/** What {@link findReinquiryEvidence} looks at. */
export interface ReinquiryQuery {
  /** The requester's tickets (one page, newest first). */
  readonly tickets: readonly RequestedTicket[]
  /** The open ticket, never its own evidence; null while it is new and unsaved. */
  readonly currentTicketId: number | null
  readonly today: Date
  /** Days back that count (the `reinquiry_days` setting); default {@link DEFAULT_REINQUIRY_DAYS}. */
  readonly reinquiryDays?: number
  /** Default {@link REINQUIRY_EVIDENCE_BRANCHES}, from the branch table. */
  readonly evidenceBranches?: readonly BranchNumber[]
}

/** The earlier ticket that makes this chat a re-inquiry, for "#1234, 3일 전". */
export interface ReinquiryEvidence {
  readonly ticketId: number
  readonly daysAgo: number
  /** The branch its tag names. */
  readonly branch: BranchNumber
}

const DAY_MS = 86_400_000
// A date the API could have written: a bare number or a word ("1", "yesterday") parses too.
const ISO_DATE = /^\d{4}-\d\d-\d\d(?:T|$)/

/**
 * The newest ticket other than the current one, created within the window and tagged with an
 * evidence branch's tag; null when there is none. A ticket without tags, with a date that is not
 * ISO 8601, or dated after today is skipped: odd data only loses evidence.
 */
export function findReinquiryEvidence(query: ReinquiryQuery): ReinquiryEvidence | null {
  const { tickets, currentTicketId, today, reinquiryDays, evidenceBranches = REINQUIRY_EVIDENCE_BRANCHES } = query
  // A setting that is not a number of days (blank, negative) falls back to the default.
  const days = typeof reinquiryDays === 'number' && Number.isFinite(reinquiryDays) && reinquiryDays >= 0 ? Math.floor(reinquiryDays) : DEFAULT_REINQUIRY_DAYS
  const offset = today.getTimezoneOffset() * 60_000
  const day = (ms: number) => Math.floor((ms - offset) / DAY_MS)
  const todayNumber = day(today.getTime())
  let newest: { evidence: ReinquiryEvidence; at: number } | null = null
  for (const { id, createdAt, tags } of tickets) {
    if (id === currentTicketId || !Number.isSafeInteger(id)) continue
    const at = ISO_DATE.test(createdAt) ? Date.parse(createdAt) : NaN
    const daysAgo = todayNumber - day(at)
    if (!(daysAgo >= 0 && daysAgo <= days) || (newest && at <= newest.at)) continue
    const branch = evidenceBranches.find((n) => Array.isArray(tags) && tags.includes(branchTag(n)))
    if (branch !== undefined) newest = { evidence: { ticketId: id, daysAgo, branch }, at }
  }
  return newest?.evidence ?? null
}
