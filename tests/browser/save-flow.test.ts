/**
 * Through the strict local host, with the built app and the real SDK: the audit note after the
 * agent's own save (one note, after the save, with the saved values; none on a failed save or
 * when the agent leaves unsaved; a PUT that timed out but landed is not written twice), the live
 * chat following the hint without wiping what the agent typed, and the per-depth layout's full
 * paths, one tag per depth.
 *
 * Run after `npx vite build`: `npx vitest run tests/browser/save-flow.test.ts`.
 */
import type { Frame, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { AGENT_SAVE_HEADER } from '../../dev/zendesk-host/fixtures/caller'
import { NESTED_FIELD_ID, nestedTagFor, PER_DEPTH_FIELD_IDS, perDepthTag, taxonomyPaths } from '../../dev/zendesk-host/fixtures/consultation'
import { POLL, TEST_TIMEOUT, TIMEOUTS, useHarness, type ScenarioPage } from './harness'

const harness = useHarness()

async function apply(app: Frame) {
  await app.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-action="apply"]')?.disabled, undefined, { ...POLL, timeout: TIMEOUTS.app })
  await app.locator('[data-action="apply"]').click()
  await app.locator('[data-testid="notice"][data-tone="success"]').waitFor({ timeout: TIMEOUTS.app })
}

/** The audit note's state beside Apply, once it is `status`. */
const noteIs = (app: Frame, status: string, timeout: number = TIMEOUTS.app) => app.locator(`[data-audit-note="${status}"]`).waitFor({ timeout })

async function submit(s: ScenarioPage) {
  return s.page.evaluate(() => window.__host!.submit())
}

const settlement = ['대리_기사', '정산/수수료', '정산', '정산금 미입금']
const etc = ['대리_기사', '기타/이벤트', '비회원문의', '기타']

async function pickAndApply(s: ScenarioPage, labels: string[]) {
  await s.app.locator(`[data-tag="${nestedTagFor(labels)}"]`).click()
  await apply(s.app)
}

describe('the audit note after the agent’s own save', { timeout: TEST_TIMEOUT }, () => {
  it('Apply then Submit: exactly one note, after the save, with the values as saved', async () => {
    const s = await harness.open('nonmember-account', { settings: { extra_tags: 'nonmember_helper' } })
    await pickAndApply(s, settlement)
    await noteIs(s.app, 'pending')
    let state = await s.hostState()
    // Applied on screen only: nothing through REST, no "Ticket updated".
    expect([state.notes.length, state.restUpdates, state.saves]).toEqual([0, 0, 0])
    // The agent changes the consultation type on the ticket before saving: the note says what was saved.
    await s.page.locator(`[data-testid="host-field-${NESTED_FIELD_ID}"]`).selectOption(nestedTagFor(etc)!)
    const record = await submit(s)
    expect(record.outcome).toBe('saved')
    await noteIs(s.app, 'written')
    state = await s.hostState()
    expect(state.notes).toHaveLength(1)
    const [note] = state.notes
    expect(note!.public).toBe(false)
    expect(note!.at).toBeGreaterThanOrEqual(record.at)
    expect(note!.body).toContain(etc.join(' ▶ '))
    expect(note!.body).not.toContain('정산금 미입금')
    expect(note!.body).toContain('nonmember_helper')
    expect(state.saved.fields[String(NESTED_FIELD_ID)]).toBe(nestedTagFor(etc))
    expect(state.restUpdates).toBe(1)
    // Saving again writes no second note.
    await submit(s)
    await s.page.waitForTimeout(500)
    expect((await s.hostState()).notes).toHaveLength(1)
    expect(s.errors).toEqual([])
  })

  it('a failing Submit: no note, the note still pending; the next Submit that saves writes it once', async () => {
    const s = await harness.open('nonmember-account', { query: { submit: 'fail' } })
    await pickAndApply(s, settlement)
    expect((await submit(s)).outcome).toBe('failed')
    await s.page.waitForTimeout(500)
    expect(await s.hostState()).toMatchObject({ notes: [], restUpdates: 0 })
    await noteIs(s.app, 'pending')
    expect((await submit(s)).outcome).toBe('saved')
    await noteIs(s.app, 'written')
    expect((await s.hostState()).notes).toHaveLength(1)
  })

  it('leaving unsaved (the frame goes, or another requester): no note, no REST update', async () => {
    const s = await harness.open('nonmember-account')
    await pickAndApply(s, settlement)
    await noteIs(s.app, 'pending')
    // Another requester: the pending note is dropped with what the app showed.
    await s.page.evaluate(() => window.__host!.changeRequester(20001))
    await s.app.locator('[data-audit-note]').waitFor({ state: 'detached', timeout: TIMEOUTS.app })
    // The frame reloads (as when the agent closes and reopens the ticket): nothing pending survives it.
    await s.page.evaluate(() => window.__host!.reloadApp())
    await s.page.waitForFunction(() => window.__host!.registeredAt !== null, undefined, { ...POLL, timeout: TIMEOUTS.app })
    await s.page.waitForTimeout(500)
    expect(await s.hostState()).toMatchObject({ notes: [], restUpdates: 0, saves: 0 })
  })

  it('a PUT that times out but lands: the retry looks first and writes no second note', async () => {
    const s = await harness.open('nonmember-account')
    // The app's PUT (not the agent's own save) reaches the server only after the app gave up (10 s).
    let held = 0
    await s.page.route('**/api/v2/tickets/*.json', async (route: Route) => {
      const request = route.request()
      if (request.method() !== 'PUT' || request.headers()[AGENT_SAVE_HEADER]) return route.continue()
      if (held++ === 0) await new Promise((resolve) => setTimeout(resolve, 11_000))
      return route.continue()
    })
    await pickAndApply(s, settlement)
    await submit(s)
    await noteIs(s.app, 'failed', 20_000)
    // The late PUT landed all the same.
    await s.page.waitForFunction(() => window.__host!.notes().length === 1, undefined, { ...POLL, timeout: 5000 })
    await s.app.locator('[data-audit-note="failed"] button').click()
    await noteIs(s.app, 'written')
    const state = await s.hostState()
    expect(state.notes).toHaveLength(1)
    expect(state.restUpdates).toBe(1)
    const requests = state.calls.filter((call) => call.type === 'request').map((call) => call.detail)
    expect(requests.filter((detail) => detail.includes('/comments.json'))).toHaveLength(1)
    expect(requests.filter((detail) => detail.startsWith('PUT'))).toHaveLength(1)
  }, 45_000)
})

describe('the live chat', { timeout: TEST_TIMEOUT }, () => {
  const branch = (app: Frame) => app.locator('[data-testid="branch"]').getAttribute('data-branch')
  const branchBecomes = (app: Frame, id: string) =>
    app.waitForFunction((want) => document.querySelector('[data-testid="branch"]')?.getAttribute('data-branch') === want, id, {
      ...POLL,
      timeout: TIMEOUTS.app,
    })

  it('a new customer message changes the hint, quietly, without wiping what the agent typed', async () => {
    const s = await harness.open('withdrawn-certificate')
    await branchBecomes(s.app, 'termination_certificate')
    await s.app.locator('[data-field="name"] input').fill('정민수')
    await s.app.locator('[data-field="phone"] input').fill('010 2345 6789')
    await s.app.locator('[data-step="empathy"] [data-kind="사과"]').click()
    const empathy = await s.app.locator('[data-step="empathy"] [data-phrase][aria-pressed="true"]').textContent()
    const before = await s.hostState()
    await s.page.evaluate(() => window.__host!.addCustomerMessage('그리고 대리 기사 보험은 어떻게 가입하나요?'))
    await branchBecomes(s.app, 'answer_directly')
    expect(await s.app.locator('[data-testid="notice"]').getAttribute('data-tone')).toBe('info')
    expect(await s.app.locator('[data-testid="notice"]').getAttribute('role')).toBe('status')
    // The empathy the agent chose stayed.
    expect(await s.app.locator('[data-step="empathy"] [data-phrase][aria-pressed="true"]').textContent()).toBe(empathy)
    // Back to branch 3: the identity form still holds what was typed.
    await s.app.locator('[data-testid="branch"] [data-branch="termination_certificate"]').click()
    expect(await s.app.locator('[data-field="name"] input').inputValue()).toBe('정민수')
    expect(await s.app.locator('[data-field="phone"] input').inputValue()).toBe('010 2345 6789')
    // Following the chat wrote nothing.
    const after = await s.hostState()
    expect(after.calls.filter((call) => call.type === 'set' || call.type === 'request').length).toBe(
      before.calls.filter((call) => call.type === 'set' || call.type === 'request').length,
    )
    expect(after.draft).toBe('')
  })

  it('the depth picked and the steps inserted stay when the suggestion moves', async () => {
    const s = await harness.open('nonmember-account')
    await branchBecomes(s.app, 'verify_then_reinquire')
    const tag = nestedTagFor(['대리_기사', '서류/증명서', '증명서 발급', '해촉증명서'])!
    await s.app.locator(`[data-tag="${tag}"]`).click()
    await s.app.locator('[data-step="empathy"] [data-action="insert"]').click()
    await s.page.waitForFunction(() => window.__host!.draft() !== '', undefined, POLL)
    const draft = (await s.hostState()).draft
    await s.page.evaluate(() => window.__host!.addCustomerMessage('작년에 탈퇴했는데 해촉증명서 발급 받고 싶어요'))
    await branchBecomes(s.app, 'termination_certificate')
    expect(await s.app.locator(`[data-tag="${tag}"]`).getAttribute('aria-pressed')).toBe('true')
    expect(await s.app.locator('[data-step="empathy"] [data-action="insert"]').isDisabled()).toBe(true)
    expect((await s.hostState()).draft).toBe(draft)
  })

  it('a branch the agent picked stays picked', async () => {
    const s = await harness.open('nonmember-account')
    await branchBecomes(s.app, 'verify_then_reinquire')
    await s.app.locator('[data-testid="branch"] [data-branch="answer_directly"]').click()
    await branchBecomes(s.app, 'answer_directly')
    await s.page.evaluate(() => window.__host!.addCustomerMessage('해촉증명서 발급 받고 싶어요'))
    await s.page.waitForTimeout(2000)
    expect(await branch(s.app)).toBe('answer_directly')
    // It was read again, through the host.
    const reads = (await s.hostState()).calls.filter((call) => call.type === 'get' && call.detail.includes('ticket.conversation'))
    expect(reads.length).toBeGreaterThanOrEqual(2)
  })
})

describe('the per-depth layout', { timeout: TEST_TIMEOUT }, () => {
  const tagsOf = (labels: string[]) =>
    labels.map((_, i) => perDepthTag(taxonomyPaths().find((path) => path.labels.join('::') === labels.slice(0, i + 1).join('::'))!))
  const shownFields = async (s: ScenarioPage) =>
    Object.values((await s.hostState()).fields)
      .filter((field) => field.shown)
      .map((field) => field.value)

  it.each([
    ['a four-depth path: every depth written', ['대리_기사', '정산/수수료', '정산', '정산 내역 확인']],
    ['a path ending at depth 3: depth 4 cleared, nothing else', ['대리_기사', '기타/이벤트', '이벤트']],
  ])('%s', async (_label, labels) => {
    const s = await harness.open('nonmember-account', { layout: 'per_depth' })
    const tags = tagsOf(labels)
    const option = s.app.locator(`.picker [data-tag="${tags.at(-1)}"]`)
    await option.waitFor({ timeout: TIMEOUTS.app })
    // The full path under the root (a 추천 badge may follow it).
    expect(await option.textContent()).toMatch(new RegExp(`^${labels.slice(1).join(' ▶ ')}`))
    await option.click()
    await apply(s.app)
    expect(await shownFields(s)).toEqual(PER_DEPTH_FIELD_IDS.map((_, i) => tags[i] ?? null))
  })
})
