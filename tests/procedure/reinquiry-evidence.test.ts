import { describe, expect, it } from 'vitest'
import { branchTag, DEFAULT_REINQUIRY_DAYS, findReinquiryEvidence, REINQUIRY_EVIDENCE_BRANCHES } from '../../src/procedure/reinquiry-evidence'
import type { RequestedTicket } from '../../src/procedure/reinquiry-evidence'

// The agent's "today" and the tickets' times in the agent's local time, as the API would write
// them (UTC ISO strings): the tests hold in any time zone.
const TODAY = new Date(2026, 11, 10, 9, 0)
const on = (day: number, hour = 12, minute = 0) => new Date(2026, 11, day, hour, minute).toISOString()
const ticket = (id: number, createdAt: string, tags?: string[] | null): RequestedTicket => ({ id, createdAt, tags })
const CURRENT = 500

const find = (tickets: RequestedTicket[], extra: { reinquiryDays?: number; currentTicketId?: number | null; today?: Date } = {}) =>
  findReinquiryEvidence({ tickets, currentTicketId: CURRENT, today: TODAY, ...extra })

describe('branchTag', () => {
  it('names the reporting tag of each branch', () => {
    expect(([1, 2, 3, 4] as const).map((n) => branchTag(n))).toEqual(['nonmember_branch_1', 'nonmember_branch_2', 'nonmember_branch_3', 'nonmember_branch_4'])
  })

  it('counts branches 1 and 4 as evidence by default, as data', () => {
    expect([...REINQUIRY_EVIDENCE_BRANCHES].sort()).toEqual([1, 4])
    expect(DEFAULT_REINQUIRY_DAYS).toBe(7)
  })
})

describe('findReinquiryEvidence', () => {
  it('finds a ticket within the window tagged with branch 1 or 4', () => {
    expect(find([ticket(401, on(7), ['chat', 'nonmember_branch_1'])])).toEqual({ ticketId: 401, daysAgo: 3, branch: 1 })
    expect(find([ticket(402, on(9, 18), ['nonmember_branch_4'])])).toEqual({ ticketId: 402, daysAgo: 1, branch: 4 })
    expect(find([ticket(403, on(10, 8, 59), ['nonmember_branch_4'])])).toEqual({ ticketId: 403, daysAgo: 0, branch: 4 })
  })

  it('counts calendar days: yesterday late evening is 1 day ago just after midnight', () => {
    const justAfterMidnight = new Date(2026, 11, 10, 0, 10)
    expect(find([ticket(404, on(9, 23, 50), ['nonmember_branch_1'])], { today: justAfterMidnight })?.daysAgo).toBe(1)
  })

  it("counts the days in the agent's time zone, not in UTC", () => {
    const zone = process.env.TZ
    process.env.TZ = 'Asia/Seoul'
    try {
      // 00:30 and 09:00 on 10 December in Seoul: the same day there, though 9 and 10 December in UTC.
      const today = new Date('2026-12-10T00:00:00Z')
      expect(find([ticket(470, '2026-12-09T15:30:00Z', ['nonmember_branch_1'])], { today })?.daysAgo).toBe(0)
      // 00:30 on 3 December in Seoul is 7 days back, inside the window, though 8 in UTC.
      expect(find([ticket(471, '2026-12-02T15:30:00Z', ['nonmember_branch_1'])], { today })?.daysAgo).toBe(7)
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  it('includes a ticket exactly at the edge of the window, at any hour of that day, and not the day before', () => {
    expect(find([ticket(405, on(3, 0, 0), ['nonmember_branch_1'])])).toEqual({ ticketId: 405, daysAgo: 7, branch: 1 })
    expect(find([ticket(406, on(3, 23, 59), ['nonmember_branch_1'])])?.daysAgo).toBe(7)
    expect(find([ticket(407, on(2, 23, 59), ['nonmember_branch_1'])])).toBeNull()
  })

  it('ignores old tickets', () => {
    expect(find([ticket(408, on(1), ['nonmember_branch_4']), ticket(409, '2025-06-01T10:00:00Z', ['nonmember_branch_1'])])).toBeNull()
  })

  it('never takes the current ticket as its own evidence', () => {
    expect(find([ticket(CURRENT, on(10, 8), ['nonmember_branch_1'])])).toBeNull()
    expect(find([ticket(CURRENT, on(10, 8), ['nonmember_branch_1']), ticket(410, on(6), ['nonmember_branch_4'])])).toEqual({
      ticketId: 410,
      daysAgo: 4,
      branch: 4,
    })
    // A new ticket has no id yet: nothing to exclude.
    expect(find([ticket(411, on(10, 8), ['nonmember_branch_1'])], { currentTicketId: null })?.ticketId).toBe(411)
  })

  it('finds nothing in tickets without tags or with other branches only', () => {
    expect(find([ticket(412, on(9)), ticket(413, on(9), null), ticket(414, on(9), [])])).toBeNull()
    expect(find([ticket(415, on(9), ['nonmember_branch_2']), ticket(416, on(9), ['nonmember_branch_3', 'nonmember_branch_10'])])).toBeNull()
    expect(find([])).toBeNull()
  })

  it('skips bad dates and dates after today, and still finds a good ticket after them', () => {
    const bad = ['', 'yesterday', '1', '2026-13-45T00:00:00Z', 'Tue Dec 08 2026', on(11, 9)]
    expect(find(bad.map((createdAt, i) => ticket(420 + i, createdAt, ['nonmember_branch_1'])))).toBeNull()
    expect(find([...bad.map((createdAt, i) => ticket(420 + i, createdAt, ['nonmember_branch_1'])), ticket(431, on(5), ['nonmember_branch_4'])])).toEqual({
      ticketId: 431,
      daysAgo: 5,
      branch: 4,
    })
  })

  it('reports the newest evidence whatever order the page came in', () => {
    const tickets = [
      ticket(440, on(4), ['nonmember_branch_1']),
      ticket(441, on(8), ['nonmember_branch_4']),
      ticket(442, on(6), ['nonmember_branch_1']),
      ticket(443, on(9)),
    ]
    expect(find(tickets)).toEqual({ ticketId: 441, daysAgo: 2, branch: 4 })
    expect(find([...tickets].reverse())).toEqual({ ticketId: 441, daysAgo: 2, branch: 4 })
  })

  it('reports branch 4 for a ticket tagged with both', () => {
    expect(find([ticket(444, on(8), ['nonmember_branch_1', 'nonmember_branch_4'])])?.branch).toBe(4)
  })

  it('follows the reinquiry_days setting, and falls back to 7 days for a value that is not one', () => {
    const fiveDaysAgo = [ticket(450, on(5), ['nonmember_branch_1'])]
    expect(find(fiveDaysAgo, { reinquiryDays: 5 })?.daysAgo).toBe(5)
    expect(find(fiveDaysAgo, { reinquiryDays: 4 })).toBeNull()
    expect(find(fiveDaysAgo, { reinquiryDays: 4.9 })).toBeNull()
    expect(find([ticket(451, on(10, 7), ['nonmember_branch_1'])], { reinquiryDays: 0 })?.daysAgo).toBe(0)
    expect(find(fiveDaysAgo, { reinquiryDays: 0 })).toBeNull()
    for (const odd of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      expect(find(fiveDaysAgo, { reinquiryDays: odd })?.daysAgo).toBe(5)
      expect(find([ticket(452, on(2), ['nonmember_branch_1'])], { reinquiryDays: odd })).toBeNull()
    }
  })

  it('takes the branches that count from data', () => {
    const tickets = [ticket(460, on(8), ['nonmember_branch_1']), ticket(461, on(6), ['nonmember_branch_2'])]
    expect(findReinquiryEvidence({ tickets, currentTicketId: CURRENT, today: TODAY, evidenceBranches: [2] })).toEqual({
      ticketId: 461,
      daysAgo: 4,
      branch: 2,
    })
    expect(findReinquiryEvidence({ tickets, currentTicketId: CURRENT, today: TODAY, evidenceBranches: [] })).toBeNull()
  })
})
