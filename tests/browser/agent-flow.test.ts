/**
 * The agent's flow at Zendesk's real sidebar width (320 px), in Chromium against the built app
 * (issue 13, and issue 14's boxes): Apply within the first 600 px and nothing overflowing in every
 * branch, the depth suggested, re-inquiry from evidence (an old ticket and a failed read too),
 * each defect the agent felt, a resident registration number refused in every box and never sent,
 * and the keyboard.
 */
import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { articleText } from '../../src/procedure'
import { NESTED_FIELD_ID, nestedTagFor } from '../../dev/zendesk-host/fixtures/consultation'
import { POLL, TEST_TIMEOUT, TIMEOUTS, useHarness, type Harness, type ScenarioPage } from './harness'

const harness = useHarness()

const open = (id: string, options: Parameters<Harness['open']>[1] = {}) => harness.open(id, { viewport: { width: 1280, height: 1000 }, ...options })

async function branch(app: Frame): Promise<string | null> {
  const panel = app.locator('[data-testid="branch"]')
  await panel.waitFor({ timeout: TIMEOUTS.app })
  return panel.getAttribute('data-branch')
}

const waitFor = (app: Frame, check: () => boolean) => app.waitForFunction(check, undefined, { ...POLL, timeout: TIMEOUTS.app })

async function applyEnabled(app: Frame) {
  await waitFor(app, () => document.querySelector<HTMLButtonElement>('[data-action="apply"]')?.disabled === false)
}

async function applied(app: Frame) {
  await app.locator('[data-testid="notice"][data-tone="success"]').waitFor({ timeout: TIMEOUTS.app })
}

const field = async (s: ScenarioPage) => (await s.hostState()).fields[String(NESTED_FIELD_ID)]?.value ?? null

/** Where Apply sits in the frame, and whether anything sticks out sideways. */
function layout(app: Frame) {
  return app.evaluate(() => {
    const width = document.documentElement.clientWidth
    const apply = document.querySelector('[data-action="apply"]')!.getBoundingClientRect()
    const wide = [...document.querySelectorAll('main *')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map((element) => element.outerHTML.slice(0, 80))
    return { width, applyTop: apply.top + window.scrollY, scrollWidth: document.documentElement.scrollWidth, wide }
  })
}

describe('at 320 px', { timeout: TEST_TIMEOUT }, () => {
  it.each([
    ['nonmember-account', 'verify_then_reinquire'],
    ['nonmember-general', 'answer_directly'],
    ['withdrawn-certificate', 'termination_certificate'],
    ['reinquiry-same', 'reinquiry_phone_change'],
    ['reinquiry-evidence', 'reinquiry_phone_change'],
  ] as const)('%s (%s): Apply’s top within the first 600 px, no horizontal overflow', async (id, expected) => {
    const s = await open(id)
    await waitFor(s.app, () => !!document.querySelector('[data-testid="why"]'))
    await s.app.locator(`[data-testid="branch"][data-branch="${expected}"]`).waitFor({ timeout: TIMEOUTS.app })
    const { width, applyTop, scrollWidth, wide } = await layout(s.app)
    expect(width).toBe(320)
    expect(applyTop).toBeLessThanOrEqual(600)
    expect(scrollWidth).toBe(width)
    expect(wide).toEqual([])
    expect(s.errors).toEqual([])
  })

  it('holds for every branch the agent switches to, the how-to blocks ticked and the depths searched', async () => {
    const s = await open('nonmember-account')
    await branch(s.app)
    for (const id of ['answer_directly', 'termination_certificate', 'reinquiry_phone_change', 'verify_then_reinquire']) {
      await s.app.locator(`[data-testid="branch"] [data-branch="${id}"]`).click()
      await s.app.locator(`[data-testid="branch"][data-branch="${id}"]`).waitFor()
      if (id === 'reinquiry_phone_change') {
        for (const box of await s.app.locator('[data-step^="contact_howto"] input[type="checkbox"]').all()) await box.check()
        await s.app.locator('[data-scope="content-known"]').click()
      }
      const { applyTop, scrollWidth, width, wide } = await layout(s.app)
      expect(applyTop, id).toBeLessThanOrEqual(600)
      expect(scrollWidth, id).toBe(width)
      expect(wide, id).toEqual([])
    }
  })
})

describe('the depth suggested', { timeout: TEST_TIMEOUT }, () => {
  it('branch 1 on a clear message is one click: Apply', async () => {
    const s = await open('nonmember-account')
    expect(await branch(s.app)).toBe('verify_then_reinquire')
    const tag = nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])!
    await applyEnabled(s.app)
    expect(await s.app.locator('[data-testid="consultation-path"]').textContent()).toBe('대리_기사 ▶ 정산/수수료 ▶ 정산 ▶ 정산금 미입금')
    expect(await s.app.locator(`[data-tag="${tag}"]`).getAttribute('aria-pressed')).toBe('true')
    expect(await s.app.locator(`[data-tag="${tag}"]`).textContent()).toContain('추천')
    await s.app.locator('[data-action="apply"]').click()
    await applied(s.app)
    expect(await field(s)).toBe(tag)
    expect((await s.hostState()).tags).toContain('nonmember_branch_1')
  })

  it('the agent changes it in one click; clicking the chosen one keeps it', async () => {
    const s = await open('nonmember-account')
    await branch(s.app)
    const other = nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산 내역 확인'])!
    await s.app.locator(`[data-tag="${other}"]`).click()
    await s.app.locator(`[data-tag="${other}"]`).click()
    expect(await s.app.locator(`[data-tag="${other}"]`).getAttribute('aria-pressed')).toBe('true')
    await s.app.locator('[data-action="apply"]').click()
    await applied(s.app)
    expect(await field(s)).toBe(other)
  })
})

describe('re-inquiry from evidence', { timeout: TEST_TIMEOUT }, () => {
  it('a tagged ticket of 2 days ago: the decision first (branch 1), then branch 4 with the ticket and its age', async () => {
    // Each host answer 1.2 s late: the earlier tickets arrive well after the decision shows.
    const s = await open('reinquiry-evidence', { latency: 1200 })
    // The decision is on screen before the earlier tickets are read.
    expect(await branch(s.app)).toBe('verify_then_reinquire')
    await s.app.locator('[data-testid="branch"][data-branch="reinquiry_phone_change"]').waitFor({ timeout: TIMEOUTS.app })
    expect(await s.app.locator('[data-testid="why"]').textContent()).toMatch(/2일 전 티켓 #49001/)
    const reads = (await s.hostState()).calls.filter((call) => call.detail.includes('/tickets/requested.json'))
    expect(reads).toHaveLength(1)
    expect(reads[0]!.detail).toContain('sort_by=created_at&sort_order=desc')
  })

  it('a tagged ticket of 12 days ago does not count: branch 1', async () => {
    const s = await open('reinquiry-evidence-old')
    expect(await branch(s.app)).toBe('verify_then_reinquire')
    await s.page.waitForFunction(
      () => window.__host!.calls.some((call) => call.detail.includes('/tickets/requested.json') && call.answeredAt !== null),
      undefined,
      { ...POLL, timeout: TIMEOUTS.app },
    )
    await s.page.waitForTimeout(200)
    expect(await branch(s.app)).toBe('verify_then_reinquire')
    expect(await s.app.locator('[data-testid="why"]').getAttribute('data-code')).toBe('default_branch')
  })

  it('a failed read: a quiet note, the decision stands, Apply works', async () => {
    const s = await open('tickets-500')
    expect(await branch(s.app)).toBe('verify_then_reinquire')
    await s.app.getByText('이전 티켓을 읽지 못해 재인입 근거 없이 판단했습니다.').waitFor({ timeout: TIMEOUTS.app })
    expect(await s.app.locator('[data-testid="notice"]').count()).toBe(0)
    await s.app.locator('.picker [data-tag]').first().click()
    await s.app.locator('[data-action="apply"]').click()
    await applied(s.app)
  })
})

describe('the defects an agent felt', { timeout: TEST_TIMEOUT }, () => {
  it('each checkbox sits beside its words; a click near “요청자” ticks none', async () => {
    const s = await open('reinquiry-different')
    await branch(s.app)
    await s.app.getByText('요청자', { exact: true }).click()
    const boxes = await s.app.locator('input[type="checkbox"]').all()
    expect(boxes).toHaveLength(2)
    for (const box of boxes) {
      expect(await box.isChecked()).toBe(false)
      const [input, label] = await box.evaluate((element) => [
        element.getBoundingClientRect().toJSON(),
        element.closest('label')!.getBoundingClientRect().toJSON(),
      ])
      // Inside its label, at the label's start, on the label's first line.
      expect(input.left).toBeGreaterThanOrEqual(label.left)
      expect(input.right).toBeLessThanOrEqual(label.left + 24)
      expect(input.top).toBeGreaterThanOrEqual(label.top)
      expect(input.top).toBeLessThan(label.top + 20)
    }
    await s.app.getByRole('checkbox', { name: /카카오톡 연락처 확인방법/ }).focus()
    expect(await s.app.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0)
  })

  it('the empathy phrases wrap and show in full', async () => {
    const s = await open('nonmember-account')
    await branch(s.app)
    for (const kind of ['호응', '공감', '양해', '사과']) {
      await s.app.locator(`[data-kind="${kind}"]`).click()
      const clipped = await s.app.evaluate(() =>
        [...document.querySelectorAll('[data-phrase]')]
          .filter((b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)
          .map((b) => b.textContent),
      )
      expect(clipped, kind).toEqual([])
    }
    expect(await s.app.locator('[data-step="empathy"] select').count()).toBe(0)
  })

  it('the overwrite question: keep the field, insert the texts', async () => {
    const s = await open('reinquiry-same')
    await branch(s.app)
    const handSet = nestedTagFor(['대리_기사', '운행/콜', '콜 배차', '콜 수락 오류'])!
    // The agent sets the field by hand in the ticket's properties.
    await s.page.selectOption(`[data-testid="host-field-${NESTED_FIELD_ID}"]`, handSet)
    await s.app.locator('[data-answer="same"]').click()
    await s.app.locator('[data-action="apply"]').click()
    const question = s.app.locator('[data-testid="confirm-overwrite"]')
    expect(await question.locator('button').allTextContents()).toEqual(['덮어쓰기', '필드는 두고 문구만 넣기', '취소'])
    await s.app.locator('[data-action="keep-field"]').click()
    await s.page.waitForFunction((text) => window.__host!.draft().includes(text), articleText('verification_steps_chat'), { ...POLL, timeout: TIMEOUTS.action })
    expect(await field(s)).toBe(handSet)
    expect(await question.count()).toBe(0)
  })

  it('branch 3: the empathy line goes before the checks; the consultation type waits', async () => {
    const s = await open('withdrawn-certificate')
    expect(await branch(s.app)).toBe('termination_certificate')
    const phrase = await s.app.locator('[data-step="empathy"] [data-phrase][aria-pressed="true"]').textContent()
    await s.app.locator('[data-step="empathy"] [data-action="insert"]').click()
    await s.page.waitForFunction((text) => window.__host!.draft() === text, phrase, { ...POLL, timeout: TIMEOUTS.action })
    expect(await s.app.locator('[data-action="apply"]').isDisabled()).toBe(true)
    expect(await field(s)).toBeNull()
    // The criteria sit in the identity form.
    expect(await s.app.locator('[data-step="identity_check"] a', { hasText: '본인확인 / 정보확인 기준' }).count()).toBe(1)
  })

  it('after the last 429 try the message says what the agent can do', async () => {
    const s = await open('user-429')
    await s.app.locator('[data-testid="notice"][data-tone="error"]').waitFor({ timeout: TIMEOUTS.app })
    const text = (await s.app.locator('[data-testid="notice"]').textContent()) ?? ''
    expect(text).toMatch(/1분쯤 기다렸다가 다시 눌러 주세요/)
    expect(text).not.toMatch(/초 뒤 다시 시도하세요/)
    expect(await s.app.getByRole('button', { name: '다시 시도' }).count()).toBe(1)
  })

  it('a narrower sidebar: the frame follows its content’s new height, with no resize to an unchanged height', async () => {
    const s = await open('reinquiry-same')
    await branch(s.app)
    await s.page.waitForTimeout(300)
    const before = (await s.hostState()).frame.height
    await s.page.evaluate(() => ((document.querySelector('.workspace') as HTMLElement).style.gridTemplateColumns = '260px minmax(360px, 1fr) 261px'))
    await s.page.waitForFunction((height) => window.__host!.snapshot().frame.height > height, before, { ...POLL, timeout: TIMEOUTS.action })
    await s.page.waitForTimeout(300)
    const content = await s.app.evaluate(() => document.documentElement.scrollHeight)
    const state = await s.hostState()
    expect(state.frame.height).toBe(content)
    const heights = state.calls.filter((call) => call.type === 'invoke' && call.detail.includes('resize')).map((call) => JSON.stringify(call.params))
    expect(heights.filter((height, i) => i > 0 && height === heights[i - 1])).toEqual([])
  })
})

describe('a resident registration number in every box', { timeout: TEST_TIMEOUT * 2 }, () => {
  // A dot, zero-width spaces (a chat paste), digits spread in groups, full-width digits and dash.
  const FORMS = ['850307.1234567', '850307\u200b1234567', '8503 07 12 34 567', '８５０３０７－１２３４５６７']
  const DIGITS = ['850307', '1234567', '８５０３０７', '１２３４５６７', '34 567', '8503 07']

  async function refusedIn(s: ScenarioPage, selector: string) {
    for (const form of FORMS) {
      const box = s.app.locator(selector)
      await box.fill(form)
      await waitFor(s.app, () => !!document.querySelector('[role="alert"]'))
      expect(await s.app.locator(selector).inputValue(), form).toBe('')
      // Beside the box: right below it, within its field.
      const [boxRect, alertRect] = await s.app.evaluate((sel) => {
        const input = document.querySelector(sel)!
        return [input.getBoundingClientRect().toJSON(), document.querySelector('[role="alert"]')!.getBoundingClientRect().toJSON()]
      }, selector)
      expect(alertRect.top, form).toBeGreaterThanOrEqual(boxRect.bottom - 1)
      expect(alertRect.top - boxRect.bottom, form).toBeLessThan(24)
    }
  }

  async function neverSent(s: ScenarioPage) {
    const state = await s.hostState()
    const everything = JSON.stringify([state.calls.map((call) => [call.detail, call.params]), state.notes, state.draft, state.draftHtml, state.tags])
    for (const digits of DIGITS) expect(everything).not.toContain(digits)
    expect(s.app.url()).not.toMatch(/850307/)
  }

  it('the identity form (name, birth date, phone): refused, cleared, never sent, and the flow goes on', async () => {
    const s = await open('withdrawn-certificate')
    await branch(s.app)
    for (const box of ['name', 'birthDate', 'phone']) await refusedIn(s, `[data-field="${box}"] input`)
    await s.app.locator('[data-field="name"] input').fill('정민수')
    await s.app.locator('[data-field="birthDate"] input').fill('1985.03.07')
    await s.app.locator('[data-field="phone"] input').fill('010 2345 6789')
    await s.app.getByRole('checkbox', { name: '본인 확인함' }).check()
    await s.app.locator('[data-action="apply"]').click()
    await applied(s.app)
    // The audit note is written after the agent's own save; it too carries none of the digits.
    await s.page.locator('[data-testid="host-submit"]').click()
    await expect.poll(async () => (await s.hostState()).notes).toHaveLength(1)
    await neverSent(s)
  })

  it('both phone boxes: refused, cleared, never sent', async () => {
    const s = await open('reinquiry-same')
    await branch(s.app)
    for (const box of ['driverApp', 'kakaoTalk']) await refusedIn(s, `[data-field="${box}"] input`)
    await s.app.locator('[data-action="apply"]').click()
    await applied(s.app)
    await neverSent(s)
  })

  it('the depth search: refused, cleared, never sent', async () => {
    const s = await open('nonmember-account')
    await branch(s.app)
    await refusedIn(s, 'input[type="search"]')
    await s.app.locator('[data-action="apply"]').click()
    await applied(s.app)
    await neverSent(s)
  })
})

describe('the keyboard', { timeout: TEST_TIMEOUT }, () => {
  it('reaches every control top to bottom, Apply among the first; Enter on Apply applies', async () => {
    const s = await open('nonmember-account')
    await branch(s.app)
    await applyEnabled(s.app)
    await s.app.locator('body').click({ position: { x: 1, y: 1 } })
    const visited: { action: string | null; top: number; inList: boolean }[] = []
    for (let i = 0; i < 60; i++) {
      await s.page.keyboard.press('Tab')
      const focused = await s.app.evaluate(() => {
        const element = document.activeElement
        if (!element || element === document.body) return null
        return { action: element.getAttribute('data-action'), top: element.getBoundingClientRect().top + window.scrollY, inList: !!element.closest('.picker') }
      })
      if (!focused) break
      visited.push(focused)
    }
    const applyAt = visited.findIndex((v) => v.action === 'apply')
    // Why (summary), the four branches, then Apply.
    expect(applyAt).toBeGreaterThan(0)
    expect(applyAt).toBeLessThanOrEqual(6)
    // Top to bottom: each control at or below the one before (the insert buttons sit beside their
    // titles; the depths scroll inside their own list, in order).
    const page = visited.filter((v) => !v.inList)
    for (let i = 1; i < page.length; i++) expect(page[i]!.top).toBeGreaterThanOrEqual(page[i - 1]!.top - 24)
    expect(visited.filter((v) => v.inList).length).toBeGreaterThan(10)
    expect(visited.length).toBeGreaterThan(20)
    // Back to Apply, then Enter.
    await s.app.locator('[data-action="apply"]').focus()
    await s.page.keyboard.press('Enter')
    await applied(s.app)
    expect(await field(s)).toBe(nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금']))
  })
})
