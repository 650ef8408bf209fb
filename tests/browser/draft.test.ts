/**
 * What the SDK's writes do to the ticket: `ticket.editor.insert` adds to the agent's draft at the
 * caret and never replaces it; `macro` appends the macro's text; tags and the 상담유형 field
 * change in the ticket view.
 *
 * Run after `npx vite build`: `npx vitest run tests/browser`.
 */
import { describe, expect, it } from 'vitest'
import type { Frame } from 'playwright-core'
import { MACROS, macroCommentText } from '../../dev/zendesk-host/fixtures/fixtures'
import { NESTED_FIELD_ID, nestedTagFor } from '../../dev/zendesk-host/fixtures/consultation'
import { POLL, useHarness, TEST_TIMEOUT } from './harness'
import type { ProbeWindow, ScenarioPage } from './harness'

const harness = useHarness()

function invoke(frame: Frame, name: string, ...args: unknown[]) {
  return frame.evaluate(([n, a]) => (window as unknown as ProbeWindow).client.invoke(n, ...a), [name, args] as const)
}

/** The agent types into the host's reply editor. */
async function type(s: ScenarioPage, text: string) {
  const editor = s.page.locator('[data-testid="host-draft"]')
  await editor.click()
  await s.page.keyboard.insertText(text)
}

describe('the reply editor', { timeout: TEST_TIMEOUT }, () => {
  it('ticket.editor.insert adds at the end of what the agent typed', async () => {
    const s = await harness.open('nonmember-account')
    await type(s, '안녕하세요 기사님. ')
    const before = (await s.hostState()).draft
    expect(before).toBe('안녕하세요 기사님. ')
    const probe = await s.probe()
    await invoke(probe, 'ticket.editor.insert', '본인인증 후 다시 문의해 주세요.')
    const state = await s.hostState()
    expect(state.draft).toBe(`${before}본인인증 후 다시 문의해 주세요.`)
    expect(await s.page.locator('[data-testid="host-draft"]').inputValue()).toBe(state.draft)
    // A second insert goes after the first, at the caret.
    await invoke(probe, 'ticket.editor.insert', ' 감사합니다.')
    expect((await s.hostState()).draft).toBe(`${before}본인인증 후 다시 문의해 주세요. 감사합니다.`)
  })

  it('inserts at the caret, and a selection is kept, not replaced', async () => {
    const s = await harness.open('nonmember-account')
    await type(s, 'AB')
    await s.page.keyboard.press('ArrowLeft')
    const probe = await s.probe()
    await invoke(probe, 'ticket.editor.insert', 'x')
    expect((await s.hostState()).draft).toBe('AxB')

    await s.page.locator('[data-testid="host-draft"]').click()
    await s.page.keyboard.press('ControlOrMeta+A')
    await invoke(probe, 'ticket.editor.insert', '!')
    expect((await s.hostState()).draft).toBe('AxB!')
  })

  it('the app frame’s own SDK global can insert too', async () => {
    const s = await harness.open('member')
    await s.requesterName()
    await type(s, '확인해 보겠습니다.')
    // A second client in the app's own frame (its window.ZAFClient, the bundled npm SDK).
    await s.app.evaluate(async () => {
      const client = (window as unknown as ProbeWindow).ZAFClient.init()
      if (!client) throw new Error('ZAFClient.init() returned false')
      await client.invoke('ticket.editor.insert', ' 잠시만 기다려 주세요.')
    })
    expect((await s.hostState()).draft).toBe('확인해 보겠습니다. 잠시만 기다려 주세요.')
    // The app kept its subscriptions and still follows the ticket.
    expect((await s.hostState()).subscriptions['ticket.requester.id.changed']).toBeGreaterThan(0)
  })

  it('macro appends the macro’s comment text on a new line', async () => {
    const s = await harness.open('nonmember-account')
    await type(s, '안녕하세요.')
    await invoke(await s.probe(), 'macro', MACROS.nonmemberNotice.id)
    expect((await s.hostState()).draft).toBe(`안녕하세요.\n${macroCommentText(MACROS.nonmemberNotice)}`)
  })
})

describe('ticket properties', { timeout: TEST_TIMEOUT }, () => {
  it('tags and the consultation field follow set/invoke, and show in the ticket view', async () => {
    const s = await harness.open('reinquiry-same')
    const probe = await s.probe()
    const tag = nestedTagFor(['대리_기사', '기타/이벤트', '비회원문의', '기타'])!
    expect(tag).toBe('daeri_driver__etc_event__nonmember__etc')
    await probe.evaluate((value) => (window as unknown as ProbeWindow).client.set(`ticket.customField:custom_field_360001`, value), tag)
    await invoke(probe, 'ticket.tags.add', ['nonmember_guided', 'reinquiry_phone_change'])
    await invoke(probe, 'ticket.tags.remove', ['reinquiry'])

    const state = await s.hostState()
    expect(state.fields[String(NESTED_FIELD_ID)]).toMatchObject({ value: tag, name: '대리_기사::기타/이벤트::비회원문의::기타', shown: true })
    expect(state.tags).toEqual(['kakaotalk_channel', 'daeri_driver_chat', 'nonmember_guided', 'reinquiry_phone_change'])
    expect(await s.page.locator(`[data-testid="host-field-${NESTED_FIELD_ID}"]`).inputValue()).toBe(tag)
    expect(await s.page.locator('[data-testid="host-tag"]').allTextContents()).toEqual(
      ['kakaotalk_channel', 'daeri_driver_chat', 'nonmember_guided', 'reinquiry_phone_change'].map((t) => `${t}×`),
    )
    const read = await probe.evaluate(() => (window as unknown as ProbeWindow).client.get(['ticket.tags', 'ticket.customField:custom_field_360001']))
    expect(read['ticket.tags']).toEqual(state.tags)
    expect(read['ticket.customField:custom_field_360001']).toBe(tag)
  })

  it('the agent’s pick in the ticket view reaches a subscribed frame', async () => {
    const s = await harness.open('member')
    const probe = await s.probe()
    await probe.evaluate(() => {
      const w = window as unknown as ProbeWindow & { changes: unknown[] }
      w.changes = []
      w.client.on('ticket.custom_field_360001.changed', (value) => w.changes.push(value))
    })
    await s.page.waitForFunction(
      () => (window.__host!.snapshot().instances['probe-1']?.subscriptions['ticket.custom_field_360001.changed'] ?? 0) > 0,
      undefined,
      POLL,
    )
    const tag = nestedTagFor(['대리_기사', '보험', '보험 가입', '가입 방법'])!
    await s.page.selectOption(`[data-testid="host-field-${NESTED_FIELD_ID}"]`, tag)
    await probe.waitForFunction(() => (window as unknown as { changes: unknown[] }).changes.length > 0, undefined, POLL)
    expect(await probe.evaluate(() => (window as unknown as { changes: unknown[] }).changes)).toEqual([tag])
  })
})
