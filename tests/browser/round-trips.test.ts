/**
 * What a frame costs Zendesk, in Chromium against the built app and the local host: one `get`
 * for the decision and the field's options, no REST where the data API's labels are whole paths,
 * REST (with raw_name) where they are the last level only, 0 REST for a member, and the field
 * definitions cached across frames in one browser.
 *
 * Run after `npx vite build`: `npx vitest run tests/browser/round-trips.test.ts`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { BrowserContext, Frame } from 'playwright-core'
import { NESTED_FIELD_ID, nestedTagFor } from '../../dev/zendesk-host/fixtures/consultation'
import { chromium } from 'playwright-core'
import { resolveChromium } from '../../scripts/lib/chromium.mjs'
import { appFrame, CHROMIUM_ARGS, POLL, readHost, TEST_TIMEOUT, TIMEOUTS, useHarness } from './harness'
import type { HostSnapshot } from './harness'

const harness = useHarness()
const contexts = new Set<BrowserContext>()
afterEach(async () => {
  await Promise.all([...contexts].map((context) => context.close()))
  contexts.clear()
})

/** A browser profile: frames opened in it share the app origin's storage, as an agent's tabs do. */
async function browserProfile(): Promise<BrowserContext> {
  const context = await harness.browser.newContext({ viewport: { width: 1400, height: 900 } })
  contexts.add(context)
  return context
}

/** Opens a ticket page (a new frame of the app) with URL options of the host, in `context`. */
async function open(scenario: string, query: Record<string, string> = {}, context?: BrowserContext) {
  const page = await (context ?? (await browserProfile())).newPage()
  page.setDefaultTimeout(TIMEOUTS.action)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(harness.host.scenarioUrl(scenario, query), { waitUntil: 'load' })
  const app = await appFrame(page)
  await app.locator('[data-testid="branch"], [data-testid="not-applicable"]').first().waitFor({ timeout: TIMEOUTS.app })
  return { page, app, errors, hostState: () => readHost(page) }
}

/** Waits until the field's options are in: the picker lists paths, or Apply names no loading. */
async function optionsIn(app: Frame) {
  await app.waitForFunction(
    () =>
      document.querySelector('[data-tag]') ||
      (document.querySelector('[data-testid="apply-blocker"]')?.getAttribute('data-blocker') ?? 'none') !== 'fieldsLoading',
    undefined,
    { ...POLL, timeout: TIMEOUTS.app },
  )
}

const appCalls = (state: HostSnapshot, type: string) => state.calls.filter((call) => call.instance === 'app' && call.type === type)
const allRestReads = (state: HostSnapshot) => appCalls(state, 'request').map((call) => call.detail)
const EVIDENCE_READ = /^GET \/api\/v2\/users\/\d+\/tickets\/requested\.json/
/** REST reads besides a non-member's one re-inquiry read (the requester's recent tickets), counted apart. */
const restReads = (state: HostSnapshot) => allRestReads(state).filter((read) => !EVIDENCE_READ.test(read))
const evidenceReads = (state: HostSnapshot) => allRestReads(state).filter((read) => EVIDENCE_READ.test(read))
const fieldRead = `GET /api/v2/ticket_fields/${NESTED_FIELD_ID}.json`

async function pickAndApply(app: Frame, tag: string) {
  await app.locator(`[data-tag="${tag}"]`).click()
  await app.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-action="apply"]')?.disabled, undefined, { ...POLL, timeout: TIMEOUTS.app })
  await app.locator('[data-action="apply"]').click()
  // Applied: a success notice, or the note's pending line where the audit note waits for the save.
  await app.locator('[data-testid="notice"]:not([data-tone="error"]), [data-audit-note]').first().waitFor({ timeout: TIMEOUTS.app })
}

/** Chromium's switch for third-party-cookie deprecation, which blocks the app frame's storage here. */
const ALLOW_THIRD_PARTY_STORAGE = '--disable-features=TrackingProtection3pcd'

const INSURANCE = nestedTagFor(['대리_기사', '보험', '보험 가입', '가입 방법'])!
const NOT_RECEIVED = nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])!

describe('round trips a frame costs', { timeout: TEST_TIMEOUT }, () => {
  it('a non-member, labels as whole paths: the decision and the options from one get, one REST read (the re-inquiry evidence)', async () => {
    const s = await open('nonmember-general')
    await optionsIn(s.app)
    const state = await s.hostState()
    expect(appCalls(state, 'get')).toHaveLength(1)
    expect(appCalls(state, 'get')[0]?.detail).toContain(`ticketFields:custom_field_${NESTED_FIELD_ID}`)
    expect(restReads(state)).toEqual([])
    await expect.poll(async () => evidenceReads(await s.hostState())).toHaveLength(1)
    await pickAndApply(s.app, INSURANCE)
    expect((await s.hostState()).fields[String(NESTED_FIELD_ID)]?.value).toBe(INSURANCE)
    expect(s.errors).toEqual([])
  })

  it('an English agent, labels as whole paths that hold the decision’s path: the data API’s, no REST either', async () => {
    const s = await open('nonmember-general', { locale: 'en-US' })
    await optionsIn(s.app)
    const state = await s.hostState()
    expect(appCalls(state, 'get')).toHaveLength(1)
    expect(restReads(state)).toEqual([])
    expect(await s.app.locator('[data-tag]').count()).toBeGreaterThan(0)
  })

  it('labels of the last level only (?option_labels=leaf): one REST read of the field, whole paths in the picker, the tag written', async () => {
    const s = await open('nonmember-general', { option_labels: 'leaf' })
    await optionsIn(s.app)
    const state = await s.hostState()
    expect(appCalls(state, 'get')).toHaveLength(1)
    expect(restReads(state)).toEqual([fieldRead])
    expect(await s.app.locator(`[data-tag="${INSURANCE}"]`).textContent()).toContain('보험 가입')
    await pickAndApply(s.app, INSURANCE)
    expect((await s.hostState()).fields[String(NESTED_FIELD_ID)]?.value).toBe(INSURANCE)
  })

  it('a member costs no REST call, whatever the labels', async () => {
    const queries: Record<string, string>[] = [{}, { option_labels: 'leaf' }]
    for (const query of queries) {
      const s = await open('member', query)
      await s.app.locator('[data-testid="not-applicable"]').waitFor({ timeout: TIMEOUTS.app })
      await s.page.waitForTimeout(300)
      const state = await s.hostState()
      expect(appCalls(state, 'get'), JSON.stringify(query)).toHaveLength(1)
      expect(allRestReads(state), JSON.stringify(query)).toEqual([])
    }
  })

  it('an English agent whose options come through REST: the Korean root matches the translated options through raw_name', async () => {
    const s = await open('nonmember-account', { locale: 'en-US', option_labels: 'leaf' })
    await optionsIn(s.app)
    expect(restReads(await s.hostState())).toEqual([fieldRead])
    // 정산/수수료 is named through dynamic content: the agent reads English, the path is Korean.
    expect(await s.app.locator(`[data-tag="${NOT_RECEIVED}"]`).textContent()).toContain('Payout not received')
    await pickAndApply(s.app, NOT_RECEIVED)
    expect((await s.hostState()).fields[String(NESTED_FIELD_ID)]?.value).toBe(NOT_RECEIVED)
  })

  it('raw_name a {{dc.…}} placeholder (?raw_names=dc): the name matches for a Korean agent; an English agent is not offered the translated options', async () => {
    const korean = await open('nonmember-account', { option_labels: 'leaf', raw_names: 'dc' })
    await optionsIn(korean.app)
    expect(restReads(await korean.hostState())).toEqual([fieldRead])
    await pickAndApply(korean.app, NOT_RECEIVED)
    expect((await korean.hostState()).fields[String(NESTED_FIELD_ID)]?.value).toBe(NOT_RECEIVED)

    const english = await open('nonmember-account', { locale: 'en-US', option_labels: 'leaf', raw_names: 'dc' })
    await optionsIn(english.app)
    expect(await english.app.locator(`[data-tag="${NOT_RECEIVED}"]`).count()).toBe(0)
    expect(await english.app.locator(`[data-tag="${nestedTagFor(['대리_기사', '기타/이벤트', '비회원문의', '기타'])}"]`).count()).toBe(1)
  })

  it('two frames one after the other in one browser: the second reads no REST (the cache); another browser profile reads its own', async () => {
    // Chromium blocks a cross-site frame's storage under third-party-cookie deprecation (on by
    // default in this build); with third-party cookies allowed, as in Chrome today, the app
    // frame's storage works, partitioned by the top-level site (the Zendesk account).
    const allowing = await chromium.launch({ executablePath: (await resolveChromium()).path, args: [...CHROMIUM_ARGS, ALLOW_THIRD_PARTY_STORAGE] })
    try {
      const profile = await allowing.newContext({ viewport: { width: 1400, height: 900 } })
      const first = await open('nonmember-general', { option_labels: 'leaf' }, profile)
      await optionsIn(first.app)
      expect(restReads(await first.hostState())).toEqual([fieldRead])
      await first.page.close()

      const second = await open('nonmember-general', { option_labels: 'leaf' }, profile)
      await optionsIn(second.app)
      const state = await second.hostState()
      expect(appCalls(state, 'get')).toHaveLength(1)
      expect(restReads(state)).toEqual([])
      await pickAndApply(second.app, INSURANCE)
      expect((await second.hostState()).fields[String(NESTED_FIELD_ID)]?.value).toBe(INSURANCE)
      // Configuration only in the frame's storage: no requester, message or phone.
      const stored = await second.app.evaluate(() => Object.entries(localStorage).join('\n'))
      expect(stored).toContain(INSURANCE)
      expect(stored).not.toMatch(/010-|driver_status|requester|어떻게 가입하나요/)

      const elsewhere = await open('nonmember-general', { option_labels: 'leaf' }, await allowing.newContext())
      await optionsIn(elsewhere.app)
      expect(restReads(await elsewhere.hostState())).toEqual([fieldRead])
    } finally {
      await allowing.close()
    }
  })

  it('where the browser blocks the frame’s storage: no cache, one REST read per frame, nothing else changes', async () => {
    const profile = await browserProfile()
    for (let frame = 0; frame < 2; frame++) {
      const s = await open('nonmember-general', { option_labels: 'leaf' }, profile)
      await optionsIn(s.app)
      expect(
        await s.app.evaluate(() => {
          try {
            return typeof localStorage
          } catch {
            return 'blocked'
          }
        }),
      ).toBe('blocked')
      expect(restReads(await s.hostState())).toEqual([fieldRead])
      expect(s.errors).toEqual([])
      await s.page.close()
    }
  })
})
