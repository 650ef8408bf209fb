/**
 * The TicketHost reads of the article and the settings check (their code a chunk of its own,
 * src/zendesk/configuration-reads.ts), over a test double of the ZAF client whose requests the
 * shared fixture API answers (msw), as the local host does.
 */
import { describe, expect, it } from 'vitest'
import { createTicketHost } from '../../src/zendesk/ticket-host'
import { CHANGED_SENTENCE } from '../../dev/zendesk-host/fixtures/articles'
import { MACROS, PROCEDURE_ARTICLE_ID, USERS, ZENDESK_ORIGIN } from '../../dev/zendesk-host/fixtures/fixtures'
import { zendeskApi } from '../../dev/zendesk-host/fixtures/handlers'
import { scenarioById, zafData } from '../../dev/zendesk-host/fixtures/scenarios'
import { ARTICLE_HTML } from '../article/support'
import { FakeZafClient } from '../support/fake-zaf'
import { useZendeskApi } from '../support/zendesk-api'

useZendeskApi()

function host(data: Record<string, unknown> = zafData(scenarioById('nonmember-account')!)) {
  const client = new FakeZafClient(data)
  client.baseUrl = ZENDESK_ORIGIN
  const requests = () => client.calls.flatMap((call) => (call.type === 'request' ? [call.options.url] : []))
  return { host: createTicketHost(client, 2_000), requests }
}

describe('readArticle', () => {
  it('reads the published body in the article’s locale', async () => {
    const { host: h, requests } = host()
    expect(await h.readArticle('ko', PROCEDURE_ARTICLE_ID)).toEqual({ id: PROCEDURE_ARTICLE_ID, body: ARTICLE_HTML })
    expect(requests()).toEqual([`/api/v2/help_center/ko/articles/${PROCEDURE_ARTICLE_ID}.json`])
  })

  it('reads once per app instance', async () => {
    const { host: h, requests } = host()
    await Promise.all([h.readArticle('ko', PROCEDURE_ARTICLE_ID), h.readArticle('ko', PROCEDURE_ARTICLE_ID)])
    await h.readArticle('ko', PROCEDURE_ARTICLE_ID)
    expect(requests()).toHaveLength(1)
  })

  it('serves the version the account publishes (the local host’s ?article=)', async () => {
    zendeskApi.state.article = 'changed'
    const { body } = await host().host.readArticle('ko', PROCEDURE_ARTICLE_ID)
    expect(body).toContain(CHANGED_SENTENCE.to)
    expect(body).not.toContain(CHANGED_SENTENCE.from)
  })

  it.each([
    ['not published', () => (zendeskApi.state.article = 'missing'), 'ko', PROCEDURE_ARTICLE_ID],
    ['in another locale', () => undefined, 'en-us', PROCEDURE_ARTICLE_ID],
    ['another id', () => undefined, 'ko', 1],
  ])('an article %s fails with the 404, and may be read again', async (_case, prepare, locale, id) => {
    prepare()
    const { host: h, requests } = host()
    await expect(h.readArticle(locale, id)).rejects.toMatchObject({ failure: { kind: 'http', status: 404 } })
    await expect(h.readArticle(locale, id)).rejects.toMatchObject({ failure: { status: 404 } })
    expect(requests()).toHaveLength(2)
  })
})

describe('readUserFields and readMacro', () => {
  it('reads the user fields as key, type and option values', async () => {
    expect(await host().host.readUserFields()).toEqual([
      { key: 'driver_status', type: 'dropdown', options: ['member', 'non_member'] },
      { key: 'driver_memo', type: 'text', options: [] },
    ])
  })

  it('reads a macro’s title and whether it is active; a missing one is a 404', async () => {
    const { host: h } = host()
    expect(await h.readMacro(MACROS.nonmemberNotice.id)).toEqual({ id: MACROS.nonmemberNotice.id, title: MACROS.nonmemberNotice.title, active: true })
    expect(await h.readMacro(MACROS.retiredNotice.id)).toEqual({ id: MACROS.retiredNotice.id, title: MACROS.retiredNotice.title, active: false })
    await expect(h.readMacro(990404)).rejects.toMatchObject({ failure: { kind: 'http', status: 404 } })
  })
})

describe('the agent’s role in the ticket read', () => {
  it.each(['admin', 'agent'])('is currentUser.role (%s)', async (role) => {
    const data = zafData(scenarioById('nonmember-account')!, { role: role as 'admin' | 'agent' })
    expect((await host(data).host.readTicket()).agentRole).toBe(role)
  })

  it('is unset when the host does not say', async () => {
    const snapshot = await host({ 'ticket.requester': { id: USERS.nonmemberAccount.id, name: '박지훈' }, 'currentUser.locale': 'ko' }).host.readTicket()
    expect(snapshot.agentRole).toBeUndefined()
  })
})
