/**
 * The real ZAF postMessage protocol between the local host page and the BUILT app, in Chromium:
 * handshake and registration, `get`, metadata and context, `resize`, events, per-path errors,
 * latency, and the SDK's own origin/source checks on incoming messages.
 *
 * Run after `npx vite build`: `npx vitest run tests/browser`.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../dev/zendesk-host/fixtures/scenarios'
import { USERS } from '../../dev/zendesk-host/fixtures/fixtures'
import { POLL, useHarness, TEST_TIMEOUT } from './harness'
import type { ProbeWindow } from './harness'
import type { Frame, Page } from 'playwright-core'

const harness = useHarness()

/** Adds an iframe on the host page's own origin (srcdoc) and returns its frame. */
async function addSibling(page: Page, name: string): Promise<Frame> {
  await page.evaluate((frameName) => {
    const sibling = document.createElement('iframe')
    sibling.name = frameName
    sibling.srcdoc = '<p>sibling</p>'
    document.body.append(sibling)
    return new Promise<void>((resolve) => sibling.addEventListener('load', () => resolve()))
  }, name)
  const frame = page.frame({ name })
  if (!frame) throw new Error(`frame ${name} not found`)
  return frame
}

describe('handshake and registration', { timeout: TEST_TIMEOUT }, () => {
  it('registers the app, which reads the ticket with get and shows the requester', async () => {
    const s = await harness.open('nonmember-account')
    expect(await s.requesterName()).toBe(USERS.nonmemberAccount.name)
    const state = await s.hostState()
    expect(state.handshakeAt).not.toBeNull()
    expect(state.registeredAt).toBeGreaterThanOrEqual(state.handshakeAt!)
    const gets = state.calls.filter((c) => c.type === 'get' && c.instance === 'app')
    expect(gets.some((c) => (c.params as string[]).includes('ticket.requester') && c.ok && c.answeredAt !== null)).toBe(true)
    expect(state.ignored).toEqual([])

    // The frame is on another origin, with the URL parameters Zendesk gives it.
    const url = new URL(s.app.url())
    expect(url.origin).toBe(state.appOrigin)
    expect(state.appOrigin).not.toBe(state.hostOrigin)
    expect(url.searchParams.get('origin')).toBe(state.hostOrigin)
    expect(url.searchParams.get('app_guid')).toBe(state.appGuid)
    // The production SDK URL was rewritten to the local bundle, and that is what runs.
    expect(await s.app.evaluate(() => [...document.scripts].map((script) => script.getAttribute('src')))).toContain('/vendor/zaf_sdk.js')
    expect(await s.app.evaluate(() => typeof (window as unknown as ProbeWindow).ZAFClient?.init)).toBe('function')
    expect(s.errors).toEqual([])
  })

  it('hands the scenario settings over in metadata and the ticket in context', async () => {
    const s = await harness.open('member', { settings: { audit_note: false, extra_tags: 'vip driver' } })
    const probe = await s.probe()
    const { metadata, context } = await probe.evaluate(async () => {
      const client = (window as unknown as ProbeWindow).client
      return { metadata: await client.metadata(), context: await client.context() }
    })
    expect(metadata.settings).toMatchObject({ ...DEFAULT_SETTINGS, audit_note: false, extra_tags: 'vip driver' })
    expect(typeof metadata.settings!.member_values).toBe('string')
    expect(metadata).toMatchObject({ appId: expect.any(Number), installationId: expect.any(Number), name: expect.any(String) })
    expect(context).toMatchObject({ product: 'support', location: 'ticket_sidebar', ticketId: 50001, account: { subdomain: 'daeri-local' } })
    // Every scenario setting is a parameter of the built manifest (the page warns otherwise).
    expect(await s.page.locator('[data-testid="undeclared-settings"]').count()).toBe(0)
  })

  it('per-depth layout and locale come from the URL', async () => {
    const s = await harness.open('nonmember-general', { layout: 'per_depth', locale: 'en-US' })
    const probe = await s.probe()
    const answer = await probe.evaluate(async () => {
      const client = (window as unknown as ProbeWindow).client
      const [metadata, values] = await Promise.all([client.metadata(), client.get(['currentUser.locale'])])
      return { settings: metadata.settings, locale: values['currentUser.locale'] }
    })
    expect(answer.settings).toMatchObject({ consultation_layout: 'per_depth', consultation_field_ids: '360011,360012,360013,360014' })
    expect(answer.locale).toBe('en-US')
    const shown = Object.values((await s.hostState()).fields)
      .filter((f) => f.shown)
      .map((f) => f.id)
    expect(shown).toEqual([360011, 360012, 360013, 360014])
  })
})

describe('get, set and invoke', { timeout: TEST_TIMEOUT }, () => {
  it('answers unknown paths with per-path errors and unknown actions with an error', async () => {
    const s = await harness.open('user-404')
    const probe = await s.probe()
    const answer = await probe.evaluate(async () => {
      const client = (window as unknown as ProbeWindow).client
      const settle = (p: Promise<unknown>) =>
        p.then(
          (value) => ({ ok: true, value }),
          (error: unknown) => ({ ok: false, value: error instanceof Error ? { name: error.name, message: error.message } : error }),
        )
      return {
        many: await client.get(['ticket.id', 'ticket.requester.customField:driver_status', 'ticket.nope']),
        one: await settle(client.get('ticket.nope')),
        action: await settle(client.invoke('nope.action', 1)),
        readOnly: await settle(client.set('ticket.id', 1)),
        badOption: await settle(client.set('ticket.customField:custom_field_360001', 'not_a_tag')),
      }
    })
    expect(answer.many['ticket.id']).toBe(50008)
    // user-404: the user field is not readable through ZAF, so the app must use REST.
    expect(answer.many.errors!['ticket.requester.customField:driver_status']).toMatchObject({
      name: expect.any(String),
      path: 'ticket.requester.customField:driver_status',
    })
    expect(answer.many.errors!['ticket.nope']).toMatchObject({ name: 'APIUnavailable', message: expect.any(String), path: 'ticket.nope' })
    expect(answer.one).toMatchObject({ ok: false, value: { name: 'APIUnavailable', message: expect.stringContaining('"ticket.nope"') } })
    expect(answer.action).toMatchObject({ ok: false, value: { message: expect.stringContaining('nope.action') } })
    expect(answer.readOnly).toMatchObject({ ok: false })
    expect(answer.badOption).toMatchObject({ ok: false, value: { message: expect.stringContaining('not_a_tag') } })
    expect((await s.hostState()).fields['360001']!.value).toBeNull()
  })

  it('resize sets the iframe element’s size', async () => {
    const s = await harness.open('member')
    await s.requesterName()
    // The app fits the frame to its content: the frame's height is the last one it asked for.
    await s.page.waitForFunction(
      () => window.__host!.calls.some((c) => c.instance === 'app' && c.detail === 'resize' && c.answeredAt !== null),
      undefined,
      POLL,
    )
    const state = await s.hostState()
    const resizes = state.calls.filter((c) => c.instance === 'app' && c.detail === 'resize')
    const last = (resizes.at(-1)!.params as { resize: [{ height: string }] }).resize[0].height
    expect(`${state.frame.height}px`).toBe(last)

    // And from the SDK directly: the probe frame's element takes the asked height.
    const probe = await s.probe()
    await probe.evaluate(() => (window as unknown as ProbeWindow).client.invoke('resize', { width: '100%', height: '321px' }))
    expect(await s.page.evaluate(() => document.querySelector<HTMLIFrameElement>('[data-testid="probe-frame"]')!.style.height)).toBe('321px')
  })

  it('delays every answer by ?latency', async () => {
    const s = await harness.open('member', { latency: 300 })
    expect(await s.requesterName()).toBe(USERS.member.name)
    const state = await s.hostState()
    expect(state.latencyMs).toBe(300)
    const answered = state.calls.filter((c) => c.answeredAt !== null)
    expect(answered.length).toBeGreaterThan(0)
    for (const call of answered) expect(call.answeredAt! - call.sentAt).toBeGreaterThanOrEqual(295)
  })
})

describe('events', { timeout: TEST_TIMEOUT }, () => {
  it('tells the app when the requester changes; the app reads the new one', async () => {
    const s = await harness.open('nonmember-account')
    expect(await s.requesterName()).toBe(USERS.nonmemberAccount.name)
    expect((await s.hostState()).subscriptions['ticket.requester.id.changed']).toBeGreaterThan(0)
    await s.page.selectOption('[data-testid="requester-switch"]', String(USERS.nonmemberGeneral.id))
    await s.app.locator('[data-testid="requester-name"]', { hasText: USERS.nonmemberGeneral.name }).waitFor()
    expect((await s.hostState()).emitted).toContain('ticket.requester.id.changed')
  })
})

describe('origin and source checks', { timeout: TEST_TIMEOUT }, () => {
  it('the SDK ignores messages that are not from the host window at the host origin', async () => {
    const s = await harness.open('member')
    const probe = await s.probe()
    await probe.evaluate(() => {
      const w = window as unknown as ProbeWindow & { pings: unknown[]; raw: unknown[] }
      w.pings = []
      w.raw = []
      // Every message that reaches the window, whatever the SDK makes of it.
      window.addEventListener('message', (event) => w.raw.push(event.data))
      w.client.on('probe.ping', (data) => w.pings.push(data))
    })
    const forged = JSON.stringify({ key: 'zaf.probe.ping', message: 'forged' })

    // 1. A sibling frame on the host's own origin (right origin, wrong source).
    const sibling = await addSibling(s.page, 'sibling-1')
    await sibling.evaluate((data) => {
      const target = parent.document.querySelector<HTMLIFrameElement>('[data-testid="probe-frame"]')!.contentWindow!
      target.postMessage(data, '*')
    }, forged)
    // 2. The probe posting to itself (wrong origin and wrong source).
    await probe.evaluate((data) => window.postMessage(data, '*'), forged)
    // 3. A message event that claims the parent as source but carries another origin.
    await probe.evaluate((data) => {
      window.dispatchEvent(new MessageEvent('message', { data, origin: 'https://evil.example', source: window.parent }))
      // …and the right origin but this frame as source.
      const origin = new URL(location.href).searchParams.get('origin')!
      window.dispatchEvent(new MessageEvent('message', { data, origin, source: window }))
    }, forged)
    // All four reached the frame (so the test tests something), none reached the handler.
    await probe.waitForFunction((data) => (window as unknown as { raw: unknown[] }).raw.filter((m) => m === data).length >= 4, forged, POLL)
    await s.page.waitForTimeout(200)
    expect(await probe.evaluate(() => (window as unknown as { pings: unknown[] }).pings)).toEqual([])

    // The host page itself, at its origin, gets through.
    expect(await s.page.evaluate(() => window.__host!.emit('probe.ping', 'from host'))).toBe(true)
    await probe.waitForFunction(() => (window as unknown as { pings: unknown[] }).pings.length > 0, undefined, POLL)
    expect(await probe.evaluate(() => (window as unknown as { pings: unknown[] }).pings)).toEqual(['from host'])
  })

  it('the host ignores protocol messages from frames that are not the app', async () => {
    const s = await harness.open('member')
    await s.requesterName()
    const before = (await s.hostState()).calls.length
    const sibling = await addSibling(s.page, 'sibling-2')
    await sibling.evaluate(() => {
      parent.postMessage(JSON.stringify({ id: 1, request: 'get', params: ['ticket.requester'] }), '*')
      parent.postMessage(JSON.stringify({ key: 'iframe.handshake', message: { version: '2.0.9' } }), '*')
    })
    await s.page.waitForFunction(() => window.__host!.ignored.length >= 2, undefined, POLL)
    const state = await s.hostState()
    expect(state.ignored.map((m) => m.reason)).toEqual(['unknown-source', 'unknown-source'])
    expect(state.calls.length).toBe(before)
  })
})
