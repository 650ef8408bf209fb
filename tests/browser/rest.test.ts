/**
 * `client.request` from inside a frame of the app's origin, performed by the HOST (as Zendesk
 * does) against the same msw handlers the unit tests use, with the scenario's faults.
 *
 * Run after `npx vite build`: `npx vitest run tests/browser`.
 */
import { describe, expect, it } from 'vitest'
import { MACROS, USERS } from '../../dev/zendesk-host/fixtures/fixtures'
import { NESTED_FIELD_ID } from '../../dev/zendesk-host/fixtures/consultation'
import { useHarness, TEST_TIMEOUT } from './harness'
import type { ProbeWindow } from './harness'

const harness = useHarness()

/** Runs `client.request(options)` in the probe; never throws (fail answers come back as `{ ok: false }`). */
function requestIn(probe: import('playwright-core').Frame, options: Record<string, unknown>) {
  return probe.evaluate(
    (opts) =>
      (window as unknown as ProbeWindow).client.request(opts).then(
        (value) => ({ ok: true as const, value: value as Record<string, unknown> }),
        (value: unknown) => ({ ok: false as const, value: value as Record<string, unknown> }),
      ),
    options,
  )
}

describe('client.request through the host', { timeout: TEST_TIMEOUT }, () => {
  it('answers /api/v2/users/:id.json with the fixture JSON', async () => {
    const s = await harness.open('nonmember-account')
    const probe = await s.probe()
    const complete = await requestIn(probe, { url: `/api/v2/users/${USERS.nonmemberAccount.id}.json`, httpCompleteResponse: true })
    expect(complete.ok).toBe(true)
    expect(complete.value).toMatchObject({ status: 200, headers: { 'content-type': expect.stringContaining('application/json') } })
    expect(complete.value.responseJSON).toEqual({ user: USERS.nonmemberAccount })
    expect(JSON.parse(complete.value.responseText as string)).toEqual({ user: USERS.nonmemberAccount })

    // Without httpCompleteResponse the body alone, as jQuery hands it over.
    const plain = await requestIn(probe, { url: `/api/v2/users/${USERS.member.id}.json` })
    expect(plain).toEqual({ ok: true, value: { user: USERS.member } })

    const field = await requestIn(probe, { url: `/api/v2/ticket_fields/${NESTED_FIELD_ID}.json`, httpCompleteResponse: true })
    expect((field.value.responseJSON as { ticket_field: { type: string; title: string } }).ticket_field).toMatchObject({ type: 'tagger', title: '상담유형' })

    const macro = await requestIn(probe, { url: `https://daeri-local.zendesk.com/api/v2/macros/${MACROS.nonmemberNotice.id}.json` })
    expect(macro).toEqual({ ok: true, value: { macro: MACROS.nonmemberNotice } })

    const state = await s.hostState()
    // The probe's requests (the app may make its own).
    const requests = state.calls.filter((c) => c.type === 'request' && c.instance.startsWith('probe'))
    expect(requests.map((c) => c.status)).toEqual([200, 200, 200, 200])
    expect(requests[0]!.detail).toBe(`GET /api/v2/users/${USERS.nonmemberAccount.id}.json`)
  })

  it('a 429 fault fails with its Retry-After header and Zendesk’s error body', async () => {
    const s = await harness.open('user-429')
    const probe = await s.probe()
    const answer = await requestIn(probe, { url: `/api/v2/users/${USERS.rateLimited.id}.json`, httpCompleteResponse: true })
    expect(answer.ok).toBe(false)
    expect(answer.value).toMatchObject({ status: 429, headers: { 'retry-after': '2' } })
    expect(answer.value.responseJSON).toEqual({ error: { title: 'Too Many Requests', message: expect.any(String) } })
    // The ZAF path is unreadable in this scenario, which is why an app would ask REST.
    const field = await probe.evaluate(() => (window as unknown as ProbeWindow).client.get(['ticket.requester.customField:driver_status']))
    expect(field.errors).toHaveProperty(['ticket.requester.customField:driver_status'])
  })

  it('404 and 500 scenarios answer with Zendesk-shaped errors', async () => {
    const gone = await harness.open('user-404')
    const notFound = await requestIn(await gone.probe(), { url: `/api/v2/users/${USERS.gone.id}.json`, httpCompleteResponse: true })
    expect(notFound).toMatchObject({ ok: false, value: { status: 404, responseJSON: { error: 'RecordNotFound', description: 'Not found' } } })
    const broken = await harness.open('user-500')
    const serverError = await requestIn(await broken.probe(), { url: `/api/v2/users/${USERS.serverError.id}.json`, httpCompleteResponse: true })
    expect(serverError).toMatchObject({ ok: false, value: { status: 500, responseJSON: { error: 'InternalServerError' } } })
  })

  it('an internal note sent with PUT /api/v2/tickets/:id.json shows in the ticket view', async () => {
    const s = await harness.open('nonmember-account')
    const probe = await s.probe()
    const body = '[비회원 인입 도우미] 분기 1: 본인인증 후 재문의 안내'
    const answer = await requestIn(probe, {
      url: '/api/v2/tickets/50002.json',
      type: 'PUT',
      contentType: 'application/json',
      data: JSON.stringify({ ticket: { comment: { body, public: false }, additional_tags: ['nonmember_guided'] } }),
      httpCompleteResponse: true,
    })
    expect(answer).toMatchObject({ ok: true, value: { status: 200, responseJSON: { audit: { events: [{ type: 'Comment', body, public: false }] } } } })
    const state = await s.hostState()
    expect(state.notes).toEqual([{ body, public: false, at: expect.any(Number) }])
    expect(state.tags).toContain('nonmember_guided')
    await s.page.locator('[data-testid="host-note"]', { hasText: body }).waitFor()
    expect(harness.host.api.updates.some((u) => u.ticketId === 50002 && u.comment?.body === body && !u.comment.public)).toBe(true)

    // A blank comment is refused as Zendesk does (422), and nothing is shown.
    const refused = await requestIn(probe, {
      url: '/api/v2/tickets/50002.json',
      type: 'PUT',
      contentType: 'application/json',
      data: JSON.stringify({ ticket: { comment: { body: ' ', public: false } } }),
      httpCompleteResponse: true,
    })
    expect(refused).toMatchObject({ ok: false, value: { status: 422, responseJSON: { error: 'RecordInvalid' } } })
    expect((await s.hostState()).notes).toHaveLength(1)
  })

  it('never leaves the machine: another origin fails with status 0', async () => {
    const s = await harness.open('member')
    const answer = await requestIn(await s.probe(), { url: 'https://example.com/data.json', httpCompleteResponse: true })
    expect(answer).toMatchObject({ ok: false, value: { status: 0 } })
  })
})
