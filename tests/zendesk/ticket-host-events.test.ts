/**
 * The TicketHost methods that follow the agent's save and the live chat, and the look for a note
 * before writing it again: over the ZAF test double, REST answered by the shared fixtures (msw).
 */
import { describe, expect, it } from 'vitest'
import { ZENDESK_ORIGIN } from '../../dev/zendesk-host/fixtures/fixtures'
import { zendeskApi } from '../../dev/zendesk-host/fixtures/handlers'
import { createTicketHost } from '../../src/zendesk/ticket-host'
import { FakeZafClient } from '../support/fake-zaf'
import { useZendeskApi } from '../support/zendesk-api'

useZendeskApi()

function connected() {
  const client = new FakeZafClient()
  client.baseUrl = ZENDESK_ORIGIN
  return { client, host: createTicketHost(client) }
}
const ticketId = () => zendeskApi.state.db.tickets[0]!.id

describe('onSaved', () => {
  it('fires on ticket.submit.done only, never on ticket.submit.fail or .start, until unsubscribed', () => {
    const { client, host } = connected()
    let saves = 0
    const stop = host.onSaved(() => saves++)
    client.trigger('ticket.submit.start')
    client.trigger('ticket.submit.fail', { message: 'no' })
    client.trigger('ticket.submit.always')
    expect(saves).toBe(0)
    client.trigger('ticket.submit.done')
    expect(saves).toBe(1)
    stop()
    client.trigger('ticket.submit.done')
    expect(saves).toBe(1)
    expect(client.listeners('ticket.submit.done')).toBe(0)
  })
})

describe('onConversationChanged', () => {
  it('fires on ticket.conversation.changed, without handing over the event’s data, until unsubscribed', () => {
    const { client, host } = connected()
    const calls: unknown[][] = []
    const stop = host.onConversationChanged((...args: unknown[]) => void calls.push(args))
    client.trigger('ticket.conversation.changed', [{ message: { content: 'not to be trusted' } }])
    expect(calls).toHaveLength(1)
    stop()
    client.trigger('ticket.conversation.changed', [])
    expect(calls).toHaveLength(1)
  })
})

describe('hasComment', () => {
  it('reads the ticket’s newest comments through REST and finds the marker in one', async () => {
    const { client, host } = connected()
    const id = ticketId()
    await host.writeInternalNote(id, 'a note\n[nmh-k3j9z1]')
    expect(await host.hasComment(id, 'nmh-k3j9z1')).toBe(true)
    expect(await host.hasComment(id, 'nmh-other')).toBe(false)
    const gets = client.calls.flatMap((call) => (call.type === 'request' && (call.options.type ?? 'GET') === 'GET' ? [call.options.url] : []))
    expect(gets).toEqual([`/api/v2/tickets/${id}/comments.json?sort_order=desc`, `/api/v2/tickets/${id}/comments.json?sort_order=desc`])
    // A look writes nothing.
    expect(zendeskApi.state.updates).toHaveLength(1)
  })

  it('a failed look is a failure, never a "not found" (that would write the note twice)', async () => {
    const { host } = connected()
    await expect(host.hasComment(999999, 'nmh-x')).rejects.toMatchObject({ failure: { kind: 'http', status: 404 } })
  })
})
