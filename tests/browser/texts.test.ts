/**
 * The language files of a built frame in Chromium: a healthy frame downloads its core texts only;
 * a fault's message and a settings problem (with the setting's label) come from the rare file,
 * fetched when first shown, and never show a raw key; when the rare file cannot be downloaded the
 * bilingual message and its retry apply, and the sidebar stays usable underneath.
 */
import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import en from '../../translations/en.json'
import ko from '../../translations/ko.json'
import { useHarness, TEST_TIMEOUT, TIMEOUTS } from './harness'

const harness = useHarness()

/** The language files the app's frame has downloaded so far, by name (its resource timing). */
async function languageFiles(app: Frame): Promise<string[]> {
  const urls = await app.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name))
  return urls.map((url) => new URL(url).pathname.split('/').pop() ?? '').filter((name) => name.startsWith('ui-'))
}

const RAW_KEY = /\b(?:notice|fail|setting|blocker|label)[_:A-Z]\w*/

async function noticeText(app: Frame): Promise<string> {
  const notice = app.locator('[data-testid="notice"][data-tone="error"]')
  await notice.waitFor({ timeout: TIMEOUTS.app })
  await app.waitForFunction(() => (document.querySelector('[data-testid="notice"] span')?.textContent ?? '').trim() !== '', undefined, {
    polling: 50,
    timeout: TIMEOUTS.app,
  })
  return (await notice.textContent()) ?? ''
}

describe('core and rare texts in the browser', { timeout: TEST_TIMEOUT }, () => {
  it('a healthy frame downloads the core file of its language only', async () => {
    const s = await harness.open('reinquiry-same', { latency: 300 })
    try {
      await s.app.locator('[data-testid="branch"]').waitFor({ timeout: TIMEOUTS.app })
      await s.page.waitForTimeout(500)
      const fetched = await languageFiles(s.app)
      expect(fetched).toHaveLength(1)
      expect(fetched[0]).toMatch(/^ui-ko-/)
      expect(fetched[0]).not.toMatch(/rare/)
    } finally {
      await s.close()
    }
  })

  it('a fault’s message comes from the rare file, fetched once, never as a key', async () => {
    const s = await harness.open('user-500', { latency: 300 })
    try {
      const text = await noticeText(s.app)
      expect(text).toContain(ko.ui.notice_failedStatus)
      expect(text).toContain(ko.ui.failHttp5xx.replace('{status}', '500'))
      expect(text).not.toMatch(RAW_KEY)
      expect(await s.app.locator('[data-testid="notice"] button').textContent()).toBe(ko.ui.retry)
      const fetched = await languageFiles(s.app)
      expect(fetched.filter((name) => name.startsWith('ui-ko-rare-'))).toHaveLength(1)
      expect(fetched.filter((name) => !name.startsWith('ui-ko-'))).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('a settings problem names the setting by its label, in English for an English agent', async () => {
    const s = await harness.open('nonmember-account', { latency: 100, locale: 'en-US', settings: { consultation_field_ids: 'abc' } })
    try {
      const problems = s.app.locator('[data-testid="settings-problems"]')
      await problems.waitFor({ timeout: TIMEOUTS.app })
      const label = en.app.parameters.consultation_field_ids.label
      await s.app.waitForFunction((label) => document.querySelector('[data-testid="settings-problems"]')?.textContent?.includes(label), label, {
        polling: 50,
        timeout: TIMEOUTS.app,
      })
      const text = (await problems.textContent()) ?? ''
      expect(text).toContain(`Setting “${label}” (consultation_field_ids)`)
      expect(await noticeText(s.app)).toBe(en.ui.notice_settingsBroken)
      const fetched = await languageFiles(s.app)
      expect(fetched.filter((name) => name.startsWith('ui-en-rare-'))).toHaveLength(1)
      expect(fetched.filter((name) => !name.startsWith('ui-en-'))).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('a rare file that fails to download: the bilingual message and a retry that works, the sidebar still there', async () => {
    const s = await harness.open('user-500', { latency: 300 })
    let block = true
    await s.context.route(/\/ui-[a-z]+-rare-[\w-]+\.json$/, (route) => (block ? route.abort() : route.continue()))
    try {
      const retry = s.app.getByRole('button', { name: '다시 시도 / Retry' })
      await retry.waitFor({ timeout: TIMEOUTS.app })
      expect(await s.app.locator('main > .notice--error').first().textContent()).toContain('The app’s texts could not be loaded')
      // The requester's header (core texts) is still shown; the fault's own message waits, with no key in its place.
      expect(await s.app.locator('[data-testid="requester-name"]').textContent()).not.toBe('')
      expect((await s.app.locator('[data-testid="notice"] span').textContent()) ?? '').not.toMatch(RAW_KEY)
      block = false
      await retry.click()
      const text = await noticeText(s.app)
      expect(text).toContain(ko.ui.notice_failedStatus)
      expect(await retry.count()).toBe(0)
    } finally {
      await s.close()
    }
  })
})
