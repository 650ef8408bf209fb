/**
 * TicketHost.readRequestedTickets over the SDK double and the fixture API: one page, newest first,
 * as plain values; odd records come through as values findReinquiryEvidence skips.
 */
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { USERS, ZENDESK_ORIGIN } from '../../dev/zendesk-host/fixtures/fixtures'
import { findReinquiryEvidence } from '../../src/procedure'
import { createTicketHost } from '../../src/zendesk/ticket-host'
import { FakeZafClient } from '../support/fake-zaf'
import { useZendeskApi } from '../support/zendesk-api'

const server = useZendeskApi()

function host() {
  const client = new FakeZafClient()
  client.baseUrl = ZENDESK_ORIGIN
  return { client, host: createTicketHost(client) }
}

describe('readRequestedTickets', () => {
  it('asks for one page, newest first, and hands over id, creation time and tags', async () => {
    const { client, host: ticketHost } = host()
    const tickets = await ticketHost.readRequestedTickets(USERS.reinquiryEvidence.id)
    expect(client.calls).toEqual([
      {
        type: 'request',
        options: expect.objectContaining({
          type: 'GET',
          url: `/api/v2/users/${USERS.reinquiryEvidence.id}/tickets/requested.json?sort_by=created_at&sort_order=desc`,
        }),
      },
    ])
    expect(tickets.map((t) => t.id)).toEqual([49001, 49002, 50013])
    expect(tickets[0]).toEqual({ id: 49001, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), tags: expect.arrayContaining(['nonmember_branch_1']) })
  })

  it('reads odd records without throwing; they only lose the evidence', async () => {
    server.use(
      http.get('*/api/v2/users/:id/tickets/requested.json', () =>
        HttpResponse.json({
          tickets: [{ id: '7', created_at: 5, tags: 'nonmember_branch_1' }, null, { id: 8, created_at: 'yesterday', tags: ['nonmember_branch_1', 3] }],
        }),
      ),
    )
    const tickets = await host().host.readRequestedTickets(1)
    expect(tickets).toHaveLength(2)
    expect(findReinquiryEvidence({ tickets, currentTicketId: null, today: new Date() })).toBeNull()
  })

  it('rejects a failed read (the store keeps the decision and notes the loss)', async () => {
    server.use(http.get('*/api/v2/users/:id/tickets/requested.json', () => HttpResponse.json({ error: 'InternalServerError' }, { status: 500 })))
    await expect(host().host.readRequestedTickets(1)).rejects.toMatchObject({ failure: { kind: 'http', status: 500 } })
  })
})
