/**
 * Every scenario of the local host, walked in Chromium against the built app and the real SDK:
 * the branch shown, the article's text landing in the draft, the option tag in the field, and a
 * fault's message with nothing written. Screenshots of the page (1024×768, the Marketplace size)
 * go to a temporary folder, or to assets/ with UPDATE_SCREENSHOTS=1 (`npm run screenshots`).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { articleText } from '../../src/procedure'
import { editorHtml } from '../../src/zendesk/editor-html'
import { NESTED_FIELD_ID, nestedTagFor } from '../../dev/zendesk-host/fixtures/consultation'
import { POLL, useHarness, TEST_TIMEOUT, TIMEOUTS, type Harness, type ScenarioPage } from './harness'

const harness = useHarness()
const shots = process.env.UPDATE_SCREENSHOTS ? resolve(import.meta.dirname, '../../assets') : mkdtempSync(join(tmpdir(), 'sidebar-shots-'))
const viewport = { width: 1024, height: 768 }

const field = async (s: ScenarioPage) => (await s.hostState()).fields[String(NESTED_FIELD_ID)]?.value ?? null

async function branch(app: Frame): Promise<string | null> {
  const panel = app.locator('[data-testid="branch"]')
  await panel.waitFor({ timeout: TIMEOUTS.app })
  return panel.getAttribute('data-branch')
}

async function pick(app: Frame, labels: string[]) {
  await app.locator(`[data-tag="${nestedTagFor(labels)}"]`).click()
}

async function apply(app: Frame) {
  const button = app.locator('[data-action="apply"]')
  await app.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-action="apply"]')?.disabled, undefined, {
    ...POLL,
    timeout: TIMEOUTS.app,
  })
  await button.click()
  await app.locator('[data-testid="notice"][data-tone="success"]').waitFor({ timeout: TIMEOUTS.app })
}

/** The agent submits; resolves with the ticket's notes once the app has written its audit note. */
async function saved(s: ScenarioPage) {
  await s.page.evaluate(() => window.__host!.submit())
  await s.app.locator('[data-audit-note="written"]').waitFor({ timeout: TIMEOUTS.app })
  return (await s.hostState()).notes
}

async function selectedEmpathy(app: Frame): Promise<string> {
  return (await app.locator('[data-step="empathy"] [data-phrase][aria-pressed="true"]').textContent()) ?? ''
}

/** The whole page from the top, at the Marketplace's 1024×768. */
async function shoot(s: ScenarioPage, name: string) {
  await s.page.evaluate(() => window.scrollTo(0, 0))
  // The app is an out-of-process frame: let it paint the area the scroll uncovered.
  await s.app.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  await s.page.waitForTimeout(200)
  await s.page.screenshot({ path: join(shots, name) })
}

async function open(id: string, options: Parameters<Harness['open']>[1] = {}) {
  return harness.open(id, { viewport, ...options })
}

describe('scenarios in the browser', { timeout: TEST_TIMEOUT }, () => {
  it('member: the procedure does not apply and nothing is written', async () => {
    const s = await open('member')
    await s.app.locator('[data-testid="not-applicable"]').waitFor({ timeout: TIMEOUTS.app })
    const state = await s.hostState()
    expect(state.draft).toBe('')
    expect(state.fields[String(NESTED_FIELD_ID)]?.value ?? null).toBeNull()
    expect(state.calls.filter((call) => call.type === 'set')).toEqual([])
    expect(s.errors).toEqual([])
  })

  it('branch 1: Insert puts the article’s text in the draft; Apply sets the picked tag; the note comes with the save', async () => {
    const s = await open('nonmember-account')
    expect(await branch(s.app)).toBe('verify_then_reinquire')
    await s.page.evaluate(() => window.__host!.setDraft('기사님, '))
    await s.app.locator('[data-step="nonmember_notice"] [data-action="insert"]').click()
    await s.page.waitForFunction((text) => window.__host!.draft().endsWith(text), articleText('nonmember_notice'), { ...POLL, timeout: TIMEOUTS.action })
    // The insert is its own paragraph below the agent's words, its line breaks kept.
    const inserted = await s.hostState()
    expect(inserted.draft).toBe(`기사님, \n\n${articleText('nonmember_notice')}`)
    expect(inserted.draftHtml).toBe(`<p>기사님, </p>${editorHtml(articleText('nonmember_notice'))}`)
    await pick(s.app, ['대리_기사', '정산/수수료', '정산', '정산금 미입금'])
    const empathy = await selectedEmpathy(s.app)
    await shoot(s, 'screenshot-0.png')
    await apply(s.app)
    const state = await s.hostState()
    // The draft kept the agent's words and the first insert; Apply added what was still pending.
    expect(state.draft).toBe(['기사님, ', articleText('nonmember_notice'), empathy, articleText('verification_steps_app')].join('\n\n'))
    expect(state.fields[String(NESTED_FIELD_ID)]?.value).toBe(nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금']))
    expect([state.notes.length, state.restUpdates]).toEqual([0, 0])
    const notes = await saved(s)
    expect(notes).toHaveLength(1)
    expect(notes[0]!.public).toBe(false)
    expect(s.errors).toEqual([])
  })

  it('branch 2: a general question is answered directly, no verification text', async () => {
    const s = await open('nonmember-general')
    expect(await branch(s.app)).toBe('answer_directly')
    await pick(s.app, ['대리_기사', '보험', '보험 가입', '가입 방법'])
    const empathy = await selectedEmpathy(s.app)
    await apply(s.app)
    const state = await s.hostState()
    expect(state.draft).toBe(empathy)
    expect(state.draft).not.toContain('본인인증')
    expect(await field(s)).toBe(nestedTagFor(['대리_기사', '보험', '보험 가입', '가입 방법']))
  })

  it('branch 3: four checks, then process; personal data never reaches the console, storage or URLs', async () => {
    const s = await open('withdrawn-certificate')
    const consoleLines: string[] = []
    s.page.on('console', (message) => consoleLines.push(message.text()))
    expect(await branch(s.app)).toBe('termination_certificate')
    await pick(s.app, ['대리_기사', '서류/증명서', '증명서 발급', '해촉증명서'])
    await s.app.locator('[data-field="birthDate"] input').fill('850307-1234567')
    // Refused beside the box it was typed into.
    await s.app.locator('[data-field="birthDate"] [role="alert"]').waitFor({ timeout: TIMEOUTS.action })
    expect(await s.app.locator('[data-field="birthDate"] input').inputValue()).toBe('')
    await s.app.locator('[data-field="name"] input').fill('정민수')
    await s.app.locator('[data-field="birthDate"] input').fill('1985.03.07')
    await s.app.locator('[data-field="phone"] input').fill('010 2345 6789')
    expect(await s.app.locator('[data-action="apply"]').isDisabled()).toBe(true)
    await s.app.getByText('본인 확인함', { exact: true }).click()
    await s.app.locator('[data-testid="identity-gate"][data-gate="passed"]').waitFor()
    await shoot(s, 'screenshot-1.png')
    await apply(s.app)
    expect(await field(s)).toBe(nestedTagFor(['대리_기사', '서류/증명서', '증명서 발급', '해촉증명서']))
    const note = (await saved(s))[0]!.body
    const state = await s.hostState()
    expect(note).toContain('정*수')
    expect(note).toContain('010-****-6789')
    const secrets = ['정민수', '2345', '01023456789', '850307', '1234567', '1985.03.07', '03.07']
    const everything = [
      ...consoleLines,
      ...s.errors,
      note,
      s.app.url(),
      s.page.url(),
      ...state.calls.map((call) => JSON.stringify({ detail: call.detail, params: call.type === 'request' ? call.params : null })),
      JSON.stringify(
        await s.app.evaluate(() => {
          // A third-party frame may be denied storage altogether: then nothing can be in it.
          const read = (get: () => Storage) => {
            try {
              return { ...get() }
            } catch {
              return 'inaccessible'
            }
          }
          return { local: read(() => localStorage), session: read(() => sessionStorage), cookie: document.cookie }
        }),
      ),
    ].join('\n')
    for (const secret of secrets) expect(everything).not.toContain(secret)
  })

  it.each([
    ['reinquiry-same', 'same', 'verification_steps_chat'],
    ['reinquiry-different', 'different', 'kakaotalk_relogin'],
  ] as const)('branch 4 (%s): the follow-up text and the fixed consultation type', async (id, answer, followUp) => {
    const s = await open(id)
    expect(await branch(s.app)).toBe('reinquiry_phone_change')
    await s.app.locator(`[data-answer="${answer}"]`).click()
    const empathy = await selectedEmpathy(s.app)
    if (answer === 'same') await shoot(s, 'screenshot-2.png')
    await apply(s.app)
    const texts = [empathy, articleText('contact_match_request'), articleText(followUp)].join('\n\n')
    const { draft, draftHtml } = await s.hostState()
    expect(draft).toBe(texts)
    expect(draftHtml).toBe(editorHtml(texts))
    expect(await field(s)).toBe(nestedTagFor(['대리_기사', '기타/이벤트', '비회원문의', '기타']))
  })

  it('per-depth layout: one tag per depth field', async () => {
    const s = await open('reinquiry-same', { layout: 'per_depth' })
    await branch(s.app)
    await s.app.locator('[data-answer="same"]').click()
    await apply(s.app)
    const fields = (await s.hostState()).fields
    expect(
      Object.values(fields)
        .filter((f) => f.shown)
        .map((f) => f.value),
    ).toEqual(['d1_daeri_driver', 'd2_daeri_driver__etc_event', 'd3_daeri_driver__etc_event__nonmember', 'd4_daeri_driver__etc_event__nonmember__etc'])
  })

  it.each([
    ['no-requester', /아직 요청자가 없습니다/],
    ['user-404', /요청자 정보를 읽지 못해.*404/],
    ['user-500', /요청자 정보를 읽지 못해.*500/],
    ['user-429', /요청 한도 초과 \(429\)/],
  ] as const)('fault %s: its message, and nothing written', async (id, message) => {
    const s = await open(id)
    await s.app.waitForFunction((source) => new RegExp(source).test(document.body.textContent ?? ''), message.source, { ...POLL, timeout: TIMEOUTS.app })
    expect(await s.app.locator('[data-testid="branch"]').count()).toBe(0)
    const state = await s.hostState()
    expect(state.draft).toBe('')
    expect(state.calls.filter((call) => call.type === 'set' || (call.type === 'invoke' && call.detail.includes('ticket.'))).length).toBe(0)
    expect(state.notes).toEqual([])
  })

  it('slow host: the decision still arrives, in English for an English agent', async () => {
    const s = await open('slow-host', { latency: 1500, locale: 'en-US' })
    expect(await branch(s.app)).toBe('verify_then_reinquire')
    expect(await s.app.locator('[data-testid="requester-status"]').textContent()).toContain('Non-member')
  })

  it.each([
    ['ko', 'ui-ko-'],
    ['en-US', 'ui-en-'],
  ] as const)('an agent in %s: the frame downloads the texts of that language only', async (locale, file) => {
    const s = await open('nonmember-general', { latency: 300, locale })
    expect(await branch(s.app)).toBe('answer_directly')
    // What the frame itself fetched (its resource timing): no listener to attach in time.
    const fetched = (await s.app.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name)))
      .map((url) => new URL(url).pathname.split('/').pop() ?? '')
      .filter((name) => name.startsWith('ui-'))
    expect(fetched).toHaveLength(1)
    expect(fetched[0]?.startsWith(file)).toBe(true)
  })

  it('texts that fail to download: a message in both languages and a retry that works', async () => {
    const s = await open('nonmember-general', { latency: 300 })
    let block = true
    await s.context.route(/\/ui-[a-z]+-[\w-]+\.json$/, (route) => (block ? route.abort() : route.continue()))
    const retry = s.app.getByRole('button', { name: '다시 시도 / Retry' })
    await retry.waitFor({ timeout: TIMEOUTS.app })
    expect(await s.app.locator('.notice--error').textContent()).toContain('The app’s texts could not be loaded')
    expect((await s.hostState()).draft).toBe('')
    block = false
    await retry.click()
    expect(await branch(s.app)).toBe('answer_directly')
  })

  it('the iframe is as tall as its content', async () => {
    const s = await open('reinquiry-same')
    await branch(s.app)
    await s.page.waitForTimeout(300)
    const content = await s.app.evaluate(() => document.documentElement.scrollHeight)
    expect((await s.hostState()).frame.height).toBe(content)
  })
})
