/**
 * The local host as strict as Zendesk, in Chromium with the built app and the real SDK:
 * `ticket.editor.insert` takes HTML (rich text or chat composer), the save flow (`ticket.save`
 * hook, `ticket.submit.*`), "Ticket updated" on a REST write, the data API's `optionValues`,
 * REST option names in the agent's language, an admin agent, an email ticket, live messages.
 *
 * Run after `npx vite build`: `npx vitest run tests/browser/zendesk-strict.test.ts`.
 */
import { describe, expect, it } from 'vitest'
import type { Frame } from 'playwright-core'
import { articleText } from '../../src/procedure'
import { editorHtml } from '../../src/zendesk/editor-html'
import { EXAMPLE_STEP_MACROS } from '../../dev/zendesk-host/fixtures/scenarios'
import { MACROS, USERS, macroCommentText } from '../../dev/zendesk-host/fixtures/fixtures'
import { NESTED_FIELD_ID, nestedTagFor } from '../../dev/zendesk-host/fixtures/consultation'
import { POLL, TEST_TIMEOUT, TIMEOUTS, useHarness } from './harness'
import type { ProbeWindow, ScenarioPage } from './harness'

const harness = useHarness()

/** Opens a scenario with any URL options of the host (`composer`, `role`, `submit`, …). */
const open = (scenario: string, query: Record<string, string> = {}): Promise<ScenarioPage> => harness.open(scenario, { query })

const client = (frame: Frame) => ({
  get: (paths: string[]) => frame.evaluate((p) => (window as unknown as ProbeWindow).client.get(p), paths),
  invoke: (name: string, ...args: unknown[]) => frame.evaluate(([n, a]) => (window as unknown as ProbeWindow).client.invoke(n, ...a), [name, args] as const),
  request: (options: Record<string, unknown>) =>
    frame.evaluate(
      (o) =>
        (window as unknown as ProbeWindow).client.request(o).then(
          (value) => ({ ok: true, value: value as Record<string, unknown> }),
          (value: unknown) => ({ ok: false, value: value as Record<string, unknown> }),
        ),
      options,
    ),
})

/** The agent types into the host's reply editor. */
async function type(s: ScenarioPage, text: string) {
  await s.page.locator('[data-testid="host-draft"]').click()
  await s.page.keyboard.insertText(text)
}

async function apply(app: Frame) {
  await app.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-action="apply"]')?.disabled, undefined, {
    ...POLL,
    timeout: TIMEOUTS.app,
  })
  await app.locator('[data-action="apply"]').click()
  await app.locator('[data-testid="notice"][data-tone="success"]').waitFor({ timeout: TIMEOUTS.app })
}

const empathyOf = async (app: Frame) => (await app.locator('[data-step="empathy"] [data-phrase][aria-pressed="true"]').textContent()) ?? ''

/** A probe that records the save events and answers the save hook with `window.answer`. */
async function saveProbe(s: ScenarioPage): Promise<Frame> {
  const probe = await s.probe()
  await probe.evaluate(() => {
    const w = window as unknown as ProbeWindow & { seen: string[]; answer: unknown }
    w.seen = []
    w.answer = true
    for (const event of ['ticket.submit.start', 'ticket.submit.done', 'ticket.submit.fail', 'ticket.submit.always'])
      w.client.on(event, () => w.seen.push(event))
    w.client.on('ticket.save', () => {
      w.seen.push('ticket.save')
      return typeof w.answer === 'function' ? (w.answer as () => unknown)() : w.answer
    })
  })
  await s.page.waitForFunction(() => (window.__host!.snapshot().instances['probe-1']?.subscriptions['ticket.save'] ?? 0) > 0, undefined, POLL)
  return probe
}

/**
 * The events the probe has seen, taken once the last one a submit sends (`always`) is in: they
 * cross to the probe's frame by postMessage, after the host's record of the submit.
 */
async function seen(probe: Frame, last = 'ticket.submit.always') {
  await probe.waitForFunction((event) => (window as unknown as { seen: string[] }).seen.includes(event), last, POLL)
  return probe.evaluate(() => (window as unknown as { seen: string[] }).seen.splice(0))
}

async function submit(s: ScenarioPage) {
  const before = (await s.hostState()).submits.length
  await s.page.locator('[data-testid="host-submit"]').click()
  await s.page.waitForFunction((n) => window.__host!.snapshot().submits.length > n, before, POLL)
  return (await s.hostState()).submits.at(-1)!
}

describe('ticket.editor.insert takes HTML', { timeout: TEST_TIMEOUT }, () => {
  it('an insert from the app keeps its paragraphs and line breaks and never runs into what the agent typed', async () => {
    const s = await open('nonmember-account')
    await s.app.locator('[data-step="nonmember_notice"] [data-action="insert"]').waitFor({ timeout: TIMEOUTS.app })
    await type(s, '기사님, 확인해 드릴게요.')
    await s.app.locator('[data-step="nonmember_notice"] [data-action="insert"]').click()
    await s.page.waitForFunction(() => window.__host!.draft().length > '기사님, 확인해 드릴게요.'.length, undefined, POLL)
    const notice = articleText('nonmember_notice')
    let state = await s.hostState()
    expect(state.draft).toBe(`기사님, 확인해 드릴게요.\n\n${notice}`)
    expect(state.draftHtml).toBe(`<p>기사님, 확인해 드릴게요.</p>${editorHtml(notice)}`)
    expect(await s.page.locator('[data-testid="host-draft"]').inputValue()).toBe(state.draft)

    // Apply inserts the rest: each text its own paragraph after the previous insert.
    await s.app.locator(`[data-tag="${nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])}"]`).click()
    const empathy = await empathyOf(s.app)
    await apply(s.app)
    state = await s.hostState()
    expect(state.draft).toBe(['기사님, 확인해 드릴게요.', notice, empathy, articleText('verification_steps_app')].join('\n\n'))
    expect(state.draftHtml.match(/<p>/g)).toHaveLength(1 + 1 + 1 + 2)
    expect(s.errors).toEqual([])
  })

  it('a text step after a macro-backed step starts its own paragraph', async () => {
    const s = await open('reinquiry-same', { 'setting.step_macros': EXAMPLE_STEP_MACROS })
    await s.app.locator('[data-answer="same"]').click()
    const empathy = await empathyOf(s.app)
    await apply(s.app)
    // empathy (insert) → contact_match_request (macro) → verification_steps_chat (insert).
    expect((await s.hostState()).draft).toBe(`${empathy}\n${macroCommentText(MACROS.contactMatch)}\n\n${articleText('verification_steps_chat')}`)
  })

  it('plain text is sanitized as HTML: raw newlines become spaces and scripts go', async () => {
    const s = await open('member')
    const probe = client(await s.probe())
    await probe.invoke('ticket.editor.insert', '첫 줄\n\n둘째 줄<script>window.bad = 1</script><img src=x onerror="window.bad = 2">')
    expect((await s.hostState()).draft).toBe('첫 줄 둘째 줄')
    const read = await probe.get(['ticket.comment.text', 'ticket.comment.useRichText'])
    expect(read['ticket.comment.text']).toBe('<p>첫 줄 둘째 줄</p>')
    expect(read['ticket.comment.useRichText']).toBe(true)
  })

  it('in the chat composer the HTML becomes Markdown-ish plain text, paragraphs kept', async () => {
    const s = await open('reinquiry-different', { composer: 'chat' })
    await s.app.locator('[data-answer="different"]').click()
    const empathy = await empathyOf(s.app)
    await apply(s.app)
    const texts = [empathy, articleText('contact_match_request'), articleText('kakaotalk_relogin')].join('\n\n')
    const state = await s.hostState()
    expect(state.composer).toBe('chat')
    expect(state.draft).toBe(texts)
    const probe = client(await s.probe())
    const read = await probe.get(['ticket.comment.text', 'ticket.comment.useRichText'])
    expect(read['ticket.comment.text']).toBe(texts)
    expect(read['ticket.comment.useRichText']).toBe(false)
    await probe.invoke('ticket.editor.insert', '<p><strong>굵게</strong> 그리고 <a href="https://example.com">링크</a></p>')
    expect((await s.hostState()).draft).toBe(`${texts}\n\n**굵게** 그리고 [링크](https://example.com)`)
    expect(await s.page.locator('[data-testid="host-composer"]').textContent()).toContain('Markdown')
  })
})

describe('the save flow', { timeout: TEST_TIMEOUT }, () => {
  it('Submit asks the save hooks, then sends ticket.submit.start, done and always to subscribed frames', async () => {
    const s = await open('nonmember-account')
    const probe = await saveProbe(s)
    const agentSaves = () => harness.host.api.updates.filter((u) => u.ticketId === 50002 && u.by === 'agent').length
    const savesBefore = agentSaves()
    await type(s, '확인해 보겠습니다.')
    const record = await submit(s)
    expect(record).toMatchObject({ outcome: 'saved', hooks: [{ instance: 'probe-1', ok: true }] })
    expect(await seen(probe)).toEqual(['ticket.save', 'ticket.submit.start', 'ticket.submit.done', 'ticket.submit.always'])
    const state = await s.hostState()
    expect(state.saves).toBe(1)
    expect(state.draft).toBe('')
    expect(state.restUpdates).toBe(0)
    expect(await s.page.locator('[data-testid="host-ticket-updated"]').isVisible()).toBe(false)
    expect(await s.page.locator('[data-testid="host-save-status"]').getAttribute('data-outcome')).toBe('saved')
    // The saved reply is a comment of the ticket, and the REST API has it as the agent's save.
    const comments = (await client(probe).get(['ticket.comments']))['ticket.comments'] as { value: string; public: boolean }[]
    expect(comments.at(-1)).toMatchObject({ value: '<p>확인해 보겠습니다.</p>', public: true })
    expect(agentSaves()).toBe(savesBefore + 1)
    expect(harness.host.api.updates.at(-1)).toMatchObject({ by: 'agent', comment: { body: '<p>확인해 보겠습니다.</p>', public: true } })
  })

  it('a hook that says no (false, a message, a rejection) cancels the save: no submit event, nothing saved', async () => {
    const s = await open('nonmember-account')
    const probe = await saveProbe(s)
    await type(s, '초안')
    for (const [answer, message] of [
      ['false', undefined],
      ['message', '상담유형을 먼저 고르세요'],
      ['rejection', '아직 안 돼요'],
    ] as const) {
      await probe.evaluate(
        ([answer, message]) => {
          // The hook's answer, made fresh at each save (a rejected promise must not sit unhandled).
          const answers = { false: () => false, message: () => message, rejection: () => Promise.reject(new Error(message)) }
          ;(window as unknown as { answer: unknown }).answer = answers[answer]
        },
        [answer, message] as const,
      )
      const record = await submit(s)
      expect(record.outcome).toBe('cancelled')
      expect(record.message).toBe(message)
      expect(await seen(probe, 'ticket.save')).toEqual(['ticket.save'])
    }
    expect(await s.page.locator('[data-testid="host-save-status"]').textContent()).toContain('아직 안 돼요')
    let state = await s.hostState()
    expect(state.saves).toBe(0)
    expect(state.draft).toBe('초안')
    // The SDK passes a promise that resolves to false as a yes: only the forms above cancel.
    await probe.evaluate(() => {
      ;(window as unknown as { answer: unknown }).answer = () => Promise.resolve(false)
    })
    expect((await submit(s)).outcome).toBe('saved')
    state = await s.hostState()
    expect([state.saves, state.draft]).toEqual([1, ''])
  })

  it('a failing save sends ticket.submit.fail and keeps the draft and the changes unsaved (?submit=fail, then __host)', async () => {
    const s = await open('nonmember-general', { submit: 'fail' })
    const probe = await saveProbe(s)
    const tag = nestedTagFor(['대리_기사', '보험', '보험 가입', '가입 방법'])!
    await probe.evaluate((value) => (window as unknown as ProbeWindow).client.set(`ticket.customField:custom_field_360001`, value), tag)
    await type(s, '안내드릴게요.')
    let record = await submit(s)
    expect(record.outcome).toBe('failed')
    expect(await seen(probe)).toEqual(['ticket.save', 'ticket.submit.start', 'ticket.submit.fail', 'ticket.submit.always'])
    let state = await s.hostState()
    expect(state.draft).toBe('안내드릴게요.')
    expect(state.fields[String(NESTED_FIELD_ID)]!.value).toBe(tag)
    expect(state.saved.fields[String(NESTED_FIELD_ID)]).toBeNull()

    record = await submit(s)
    expect(record.outcome).toBe('saved')
    expect(await seen(probe)).toEqual(['ticket.save', 'ticket.submit.start', 'ticket.submit.done', 'ticket.submit.always'])
    state = await s.hostState()
    expect(state.saved.fields[String(NESTED_FIELD_ID)]).toBe(tag)

    await s.page.evaluate(() => window.__host!.failNextSubmit('서버 오류'))
    record = await s.page.evaluate(() => window.__host!.submit())
    expect(record).toMatchObject({ outcome: 'failed', message: '서버 오류' })
    expect(await seen(probe)).toEqual(['ticket.save', 'ticket.submit.start', 'ticket.submit.fail', 'ticket.submit.always'])
    expect(await s.page.locator('[data-testid="host-save-status"]').textContent()).toContain('서버 오류')
  })

  it('a REST write to the open ticket shows "Ticket updated" and counts as an update, not a save', async () => {
    const s = await open('nonmember-account')
    const probe = client(await s.probe())
    expect(await s.page.locator('[data-testid="host-ticket-updated"]').isVisible()).toBe(false)
    const answer = await probe.request({
      url: '/api/v2/tickets/50002.json',
      type: 'PUT',
      contentType: 'application/json',
      data: JSON.stringify({ ticket: { comment: { body: '메모', public: false } } }),
    })
    expect(answer.ok).toBe(true)
    const banner = s.page.locator('[data-testid="host-ticket-updated"]')
    await banner.waitFor({ state: 'visible' })
    expect(await banner.textContent()).toContain('Ticket updated')
    let state = await s.hostState()
    expect([state.restUpdates, state.saves]).toEqual([1, 0])
    // A write to another ticket is not this ticket's update.
    await probe.request({
      url: '/api/v2/tickets/50001.json',
      type: 'PUT',
      contentType: 'application/json',
      data: JSON.stringify({ ticket: { comment: { body: 'x', public: false } } }),
    })
    state = await s.hostState()
    expect(state.restUpdates).toBe(1)
    expect(await s.page.evaluate(() => [window.__host!.restUpdates(), window.__host!.saves()])).toEqual([1, 0])
  })
})

describe('ticket fields, options and the agent', { timeout: TEST_TIMEOUT }, () => {
  const nestedPath = `ticketFields:custom_field_${NESTED_FIELD_ID}`
  const etc = nestedTagFor(['대리_기사', '기타/이벤트', '비회원문의', '기타'])!
  const notReceived = nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])!

  it('ticketFields:custom_field_<id> answers optionValues as [{label, value, isEnabled, isVisible}]', async () => {
    const s = await open('member')
    const read = await client(await s.probe()).get([nestedPath, `${nestedPath}.optionValues`])
    const options = read[`${nestedPath}.optionValues`] as Record<string, unknown>[]
    expect(options).toContainEqual({ label: '대리_기사::기타/이벤트::비회원문의::기타', value: etc, isEnabled: true, isVisible: true })
    for (const option of options) expect(Object.keys(option).sort()).toEqual(['isEnabled', 'isVisible', 'label', 'value'])
    expect(read[nestedPath]).toMatchObject({ name: `custom_field_${NESTED_FIELD_ID}`, label: '상담유형', type: 'tagger', optionValues: options })
  })

  it('with ?option_labels=leaf and an English agent: leaf labels, rendered in English where dynamic content is', async () => {
    const s = await open('member', { option_labels: 'leaf', locale: 'en-US' })
    const options = (await client(await s.probe()).get([`${nestedPath}.optionValues`]))[`${nestedPath}.optionValues`] as { label: string; value: string }[]
    expect(options.find((o) => o.value === etc)!.label).toBe('기타')
    expect(options.find((o) => o.value === notReceived)!.label).toBe('Payout not received')
  })

  it('REST options carry name and raw_name: an English agent gets English names where dynamic content is', async () => {
    for (const [query, rawName] of [
      [{ locale: 'en-US' }, '대리_기사::정산/수수료::정산::정산금 미입금'],
      [{ locale: 'en-US', raw_names: 'dc' }, `{{dc.consultation_${notReceived}}}`],
    ] as const) {
      const s = await open('member', query)
      const answer = await client(await s.probe()).request({ url: `/api/v2/ticket_fields/${NESTED_FIELD_ID}.json` })
      const options = (answer.value as { ticket_field: { custom_field_options: { name: string; raw_name: string; value: string }[] } }).ticket_field
        .custom_field_options
      expect(options.find((o) => o.value === notReceived)).toMatchObject({
        name: 'Daeri driver::Settlement/Fees::Payout::Payout not received',
        raw_name: rawName,
      })
      // Options without dynamic content read as typed, in every language.
      expect(options.find((o) => o.value === etc)).toMatchObject({
        name: '대리_기사::기타/이벤트::비회원문의::기타',
        raw_name: '대리_기사::기타/이벤트::비회원문의::기타',
      })
    }
  })

  it('currentUser.role is admin with ?role=admin, agent otherwise', async () => {
    for (const [query, role] of [
      [{ role: 'admin' }, 'admin'],
      [{}, 'agent'],
    ] as const) {
      const s = await open('nonmember-account', query)
      const read = await client(await s.probe()).get(['currentUser.role', 'currentUser'])
      expect(read['currentUser.role']).toBe(role)
      expect(read.currentUser).toMatchObject({ role })
      expect(await s.requesterName()).toBe(USERS.nonmemberAccount.name)
    }
  })
})

describe('the conversation', { timeout: TEST_TIMEOUT }, () => {
  it('an email ticket: conversation entries are text/html; the page shows their text, the app its decision', async () => {
    const s = await open('email-nonmember')
    const conversation = (await client(await s.probe()).get(['ticket.conversation']))['ticket.conversation'] as {
      channel: { name: string }
      message: { content: string; contentType: string }
    }[]
    expect(conversation.length).toBeGreaterThan(0)
    for (const entry of conversation) {
      expect(entry.channel.name).toBe('email')
      expect(entry.message.contentType).toBe('text/html')
      expect(entry.message.content).toMatch(/<div|<br>/)
    }
    const bubble = await s.page.locator('.message .bubble').first().textContent()
    expect(bubble).toContain('정산금이 아직 안 들어왔어요')
    expect(bubble).not.toContain('<')
    await s.app.locator('[data-testid="branch"][data-branch="verify_then_reinquire"]').waitFor({ timeout: TIMEOUTS.app })
  })

  it('a new customer message (page control or __host) fires ticket.conversation.changed; the new entry is in the conversation', async () => {
    for (const scenario of ['nonmember-general', 'email-nonmember'] as const) {
      const s = await open(scenario)
      const probe = await s.probe()
      await probe.evaluate(() => {
        const w = window as unknown as ProbeWindow & { changes: number }
        w.changes = 0
        w.client.on('ticket.conversation.changed', () => w.changes++)
      })
      await s.page.waitForFunction(
        () => (window.__host!.snapshot().instances['probe-1']?.subscriptions['ticket.conversation.changed'] ?? 0) > 0,
        undefined,
        POLL,
      )
      await s.page.locator('[data-testid="host-customer-message"]').fill('해촉증명서도 받을 수 있나요?')
      await s.page.locator('[data-testid="host-customer-send"]').click()
      await s.page.evaluate(() => window.__host!.addCustomerMessage('그리고 <b>하나 더</b>'))
      await probe.waitForFunction(() => (window as unknown as { changes: number }).changes === 2, undefined, POLL)
      const conversation = (await client(probe).get(['ticket.conversation']))['ticket.conversation'] as {
        author: { role: string }
        message: { content: string; contentType: string }
      }[]
      const [first, second] = conversation.slice(-2)
      expect(first!.author.role).toBe('end-user')
      if (scenario === 'email-nonmember') {
        expect(second!.message).toEqual({ content: '<p>그리고 &lt;b&gt;하나 더&lt;/b&gt;</p>', contentType: 'text/html', attachments: [] })
      } else {
        expect(first!.message).toMatchObject({ content: '해촉증명서도 받을 수 있나요?', contentType: 'text/plain' })
        expect(second!.message.content).toBe('그리고 <b>하나 더</b>')
      }
      expect(await s.page.locator('.message .bubble').last().textContent()).toBe('그리고 <b>하나 더</b>')
    }
  })
})
