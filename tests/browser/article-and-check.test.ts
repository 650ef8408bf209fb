/**
 * The texts that follow the help-center article, and the admin's settings check, in Chromium
 * against the built app and the local host (which serves the procedure article in the version
 * `?article=` names, the user fields and the macros).
 *
 * Run after `npx vite build`: `npx vitest run tests/browser/article-and-check.test.ts`.
 */
import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { articleText } from '../../src/procedure'
import { CHANGED_SENTENCE } from '../../dev/zendesk-host/fixtures/articles'
import { MACROS, PROCEDURE_ARTICLE_ID } from '../../dev/zendesk-host/fixtures/fixtures'
import { NESTED_FIELD_ID, nestedTagFor } from '../../dev/zendesk-host/fixtures/consultation'
import type { HostCall } from '../../dev/zendesk-host/types'
import { POLL, useHarness, TEST_TIMEOUT, TIMEOUTS, type ScenarioPage } from './harness'

const harness = useHarness()
const ARTICLE = { procedure_article_id: String(PROCEDURE_ARTICLE_ID) }
const articleRead = (call: HostCall) => call.type === 'request' && call.detail.includes('/api/v2/help_center/')

/** Waits until the app's article read has been answered, and the frame has rendered after it. */
async function articleAnswered(s: ScenarioPage): Promise<HostCall> {
  await s.page.waitForFunction(
    () => window.__host!.snapshot().calls.some((call) => call.detail.includes('/api/v2/help_center/') && call.answeredAt !== null),
    undefined,
    { ...POLL, timeout: TIMEOUTS.app },
  )
  await s.app.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))))
  return (await s.hostState()).calls.find(articleRead)!
}

/** The script files the app's frame fetched (its own origin's). */
const scripts = (app: Frame) =>
  app.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.js')),
  )

async function decided(app: Frame) {
  await app.locator('[data-testid="branch"]').waitFor({ timeout: TIMEOUTS.app })
}

describe('texts that follow the help-center article', { timeout: TEST_TIMEOUT }, () => {
  it('an unchanged article: no notice on any step; read once, after the decision was on screen', async () => {
    const s = await harness.open('nonmember-account', { settings: ARTICLE })
    await decided(s.app)
    const read = await articleAnswered(s)
    expect(read.detail).toBe(`GET /api/v2/help_center/ko/articles/${PROCEDURE_ARTICLE_ID}.json`)
    expect(read.status).toBe(200)
    expect(await s.app.locator('[data-testid="step"]').count()).toBeGreaterThan(1)
    expect(await s.app.locator('[data-testid="article-notice"], [data-testid="article-unreadable"]').count()).toBe(0)
    const state = await s.hostState()
    // The ticket's read (the decision) was answered before the article was asked for.
    const ticketRead = state.calls.find((call) => call.type === 'get' && call.detail.includes('ticket.requester'))!
    expect(read.sentAt).toBeGreaterThanOrEqual(ticketRead.answeredAt!)
    expect(state.calls.filter(articleRead)).toHaveLength(1)
    expect(s.errors).toEqual([])
  })

  it('one sentence changed: a notice on exactly that step, with the article’s wording; Insert still sends the built-in text', async () => {
    const s = await harness.open('article-changed')
    await decided(s.app)
    await articleAnswered(s)
    const notices = s.app.locator('[data-testid="article-notice"]')
    expect(await notices.count()).toBe(1)
    const step = s.app.locator('[data-step="nonmember_notice"]')
    await expect.poll(() => step.locator('[data-testid="article-notice"]').textContent(), { timeout: TIMEOUTS.action }).toContain('도움말 문서와 다름')
    expect(await step.locator('[data-testid="article-wording"]').textContent()).toBe(
      articleText('nonmember_notice').replace(CHANGED_SENTENCE.from, CHANGED_SENTENCE.to),
    )
    // texts_source is built_in: the step's own text is still the app's, and Insert sends it.
    await step.locator('[data-action="insert"]').click()
    await s.page.waitForFunction((text) => window.__host!.draft().endsWith(text), articleText('nonmember_notice'), { ...POLL, timeout: TIMEOUTS.action })
    expect(s.errors).toEqual([])
  })

  it('texts_source=article: Insert and Apply send the article’s wording, and the step says so', async () => {
    const s = await harness.open('article-changed', { settings: { texts_source: 'article' } })
    await decided(s.app)
    await articleAnswered(s)
    const changed = articleText('nonmember_notice').replace(CHANGED_SENTENCE.from, CHANGED_SENTENCE.to)
    const step = s.app.locator('[data-step="nonmember_notice"]')
    await expect.poll(() => step.locator('[data-testid="article-sent"]').getAttribute('data-source'), { timeout: TIMEOUTS.action }).toBe('article')
    expect(await step.locator('[data-testid="article-notice"]').textContent()).toContain('도움말 문서와 다름')
    expect(await step.locator('.preview').first().textContent()).toBe(changed)
    await step.locator('[data-action="insert"]').click()
    await s.page.waitForFunction((text) => window.__host!.draft().endsWith(text), changed, { ...POLL, timeout: TIMEOUTS.action })
    // Apply sends the rest; the step the article also has, unchanged, in the article's (same) wording.
    await s.app.locator('[data-step="verification_steps_app"] [data-testid="article-sent"][data-source="article"]').waitFor()
    await s.app.locator(`[data-tag="${nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])}"]`).click()
    await s.app.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-action="apply"]')?.disabled, undefined, {
      ...POLL,
      timeout: TIMEOUTS.app,
    })
    await s.app.locator('[data-action="apply"]').click()
    await s.app.locator('[data-testid="notice"][data-tone="success"]').waitFor({ timeout: TIMEOUTS.app })
    const state = await s.hostState()
    expect(state.draft.startsWith(changed)).toBe(true)
    expect(state.draft).not.toContain(CHANGED_SENTENCE.from)
    expect(state.draft.endsWith(articleText('verification_steps_app'))).toBe(true)
    expect(state.fields[String(NESTED_FIELD_ID)]?.value).toBe(nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금']))
    expect(s.errors).toEqual([])
  })

  it('an article that answers 404: a quiet note, and the agent works on with the built-in texts', async () => {
    const s = await harness.open('article-missing', { settings: { texts_source: 'article' } })
    await decided(s.app)
    const read = await articleAnswered(s)
    expect(read.status).toBe(404)
    const note = s.app.locator('[data-testid="article-unreadable"]')
    await note.waitFor({ timeout: TIMEOUTS.action })
    expect(await note.textContent()).toBe('도움말 문서를 읽지 못했습니다')
    // Quiet: no error notice, no step marked, Insert sends the built-in text.
    expect(await s.app.locator('[data-testid="notice"][data-tone="error"], [data-testid="article-notice"]').count()).toBe(0)
    await s.app.locator('[data-step="nonmember_notice"] [data-action="insert"]').click()
    await s.page.waitForFunction((text) => window.__host!.draft().endsWith(text), articleText('nonmember_notice'), { ...POLL, timeout: TIMEOUTS.action })
    expect(s.errors.filter((line) => !line.includes('404'))).toEqual([])
  })
})

describe('the settings check', { timeout: TEST_TIMEOUT }, () => {
  it('an admin sees “설정 점검”; its lines name the setting and the id of each failure', async () => {
    const macros = JSON.stringify({
      nonmember_notice: MACROS.retiredNotice.id,
      verification_steps_app: MACROS.verificationStepsApp.id,
      kakaotalk_relogin: 990404,
    })
    const s = await harness.open('nonmember-account', { settings: { ...ARTICLE, step_macros: macros }, query: { role: 'admin', article: 'changed' } })
    await decided(s.app)
    const button = s.app.locator('[data-action="check-settings"]')
    await button.waitFor({ timeout: TIMEOUTS.app })
    expect(await button.textContent()).toBe('설정 점검')
    const before = await scripts(s.app)
    expect(before.some((name) => name.includes('chunk-settings-check'))).toBe(false)
    await button.click()
    const lines = s.app.locator('[data-testid="check-line"]')
    await s.app.locator('[data-testid="check-line"][data-status="fail"]').first().waitFor({ timeout: TIMEOUTS.app })
    const texts = await lines.allTextContents()
    const failing = await s.app.locator('[data-testid="check-line"][data-status="fail"]').allTextContents()
    expect(failing).toEqual([
      expect.stringMatching(new RegExp(`^✗ step_macros nonmember_notice → ${MACROS.retiredNotice.id}: .*비활성`)),
      expect.stringMatching(/^✗ step_macros kakaotalk_relogin → 990404: .*없습니다/),
    ])
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^✓ member_user_field “driver_status”/),
        expect.stringMatching(/^✓ member_values: “member”/),
        expect.stringMatching(new RegExp(`^✓ consultation_field_ids ${NESTED_FIELD_ID}: `)),
        expect.stringMatching(/^✓ consultation_field_ids: .*대리_기사::기타\/이벤트::비회원문의::기타/),
        expect.stringMatching(/^✓ root_depth “대리_기사”/),
        expect.stringMatching(new RegExp(`^✓ step_macros verification_steps_app → ${MACROS.verificationStepsApp.id}: `)),
        expect.stringMatching(new RegExp(`^✓ procedure_article_id ${PROCEDURE_ARTICLE_ID}: .*7개 중 7개.*1개가 다릅니다`)),
      ]),
    )
    // The check's code came on the click; the article was read once for the frame (cards and check).
    expect((await scripts(s.app)).some((name) => name.includes('chunk-settings-check'))).toBe(true)
    expect((await s.hostState()).calls.filter(articleRead)).toHaveLength(1)
    expect(s.errors.filter((line) => !line.includes('404'))).toEqual([])
  })

  it('an agent never sees it, with or without an article configured', async () => {
    for (const settings of [{}, ARTICLE]) {
      const s = await harness.open('nonmember-account', { settings })
      await decided(s.app)
      if (settings === ARTICLE) await articleAnswered(s)
      else await s.app.evaluate(() => new Promise((done) => setTimeout(done, 300)))
      expect(await s.app.locator('[data-testid="settings-check"], [data-action="check-settings"]').count()).toBe(0)
      await s.close()
    }
  })

  it('the default frame (no article, an agent) downloads neither chunk and makes no article read', async () => {
    const s = await harness.open('nonmember-account')
    await decided(s.app)
    // Long enough for a lazy load to have started, had there been one.
    await s.app.locator('[data-action="apply"]').waitFor({ timeout: TIMEOUTS.app })
    await s.app.evaluate(() => new Promise((done) => setTimeout(done, 500)))
    const loaded = await scripts(s.app)
    expect(loaded.filter((name) => name.includes('/assets/app-'))).toHaveLength(1)
    expect(loaded.filter((name) => name.includes('chunk-'))).toEqual([])
    expect((await s.hostState()).calls.filter(articleRead)).toEqual([])
  })
})
