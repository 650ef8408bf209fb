// @vitest-environment happy-dom
/**
 * Every way it can go wrong ends in a clear message and an untouched ticket (or a reported,
 * undoable partial state). Each row of the README's fault table points at a test here or in the
 * browser tests.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { nestedTagFor } from '../../dev/zendesk-host/fixtures/consultation'
import { faultResponse } from '../../dev/zendesk-host/fixtures/handlers'
import { articleText } from '../../src/procedure'
import { editorHtml } from '../../src/zendesk/editor-html'
import {
  applyOnce,
  branchShown,
  button,
  empathyShown,
  findAction,
  inserts,
  nestedPath,
  noticeShown,
  open,
  pickDepth,
  requests,
  sets,
  useSidebarApi,
  waitForApply,
} from '../support/sidebar-harness'

const server = useSidebarApi()
const settlementTag = nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])!
const fixedTag = nestedTagFor(['대리_기사', '기타/이벤트', '비회원문의', '기타'])!
const userRoute = '*/api/v2/users/:id.json'

function nothingWritten(client: Parameters<typeof sets>[0]) {
  expect(sets(client)).toEqual([])
  expect(inserts(client)).toEqual([])
  expect(client.calls.filter((call) => call.type === 'invoke' && call.action.startsWith('ticket.tags'))).toEqual([])
}

describe('the requester', () => {
  it('no requester yet: says so and decides nothing', async () => {
    const { client } = open('no-requester')
    expect(await screen.findByText('이 티켓에는 아직 요청자가 없습니다.')).toBeTruthy()
    expect(screen.queryByTestId('branch')).toBeNull()
    nothingWritten(client)
  })

  it('an anonymous requester (no id): same as none', async () => {
    const { client } = open('nonmember-account', {}, { prepare: (c) => (c.data['ticket.requester'] = { name: 'Web user 0192' }) })
    expect(await screen.findByText('이 티켓에는 아직 요청자가 없습니다.')).toBeTruthy()
    expect(screen.queryByTestId('branch')).toBeNull()
    nothingWritten(client)
  })

  it('a requester without the configured field: unknown, and the setting is named', async () => {
    const { client } = open(
      'user-404',
      { member_user_field: 'no_such_field' },
      { prepare: (c) => (c.data['ticket.requester'] = { id: 20002, name: '박지훈' }) },
    )
    const status = await screen.findByTestId('requester-status')
    await waitFor(() => expect(status.getAttribute('data-status')).toBe('unknown'))
    expect(status.textContent).toContain('member_user_field')
    nothingWritten(client)
  })

  it('a field value the settings do not know: unknown, the agent decides', async () => {
    open('nonmember-account', {}, { prepare: (c) => (c.data['ticket.requester.customField:driver_status'] = 'suspended') })
    const status = await screen.findByTestId('requester-status')
    expect(status.getAttribute('data-status')).toBe('unknown')
    expect(status.textContent).toContain('suspended')
    expect(screen.getByTestId('reasons').querySelector('[data-code="status_unknown"]')).toBeTruthy()
  })

  it('hostile markup in names and messages is shown as text and never runs', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    open(
      'nonmember-account',
      {},
      {
        prepare: (c) => {
          c.data['ticket.requester'] = { id: 20002, name: evil }
          c.data['ticket.conversation'] = [
            { message: { content: `${evil} 해촉증명서 주세요`, contentType: 'text/plain' }, author: { id: 20002, role: 'end-user' } },
          ]
        },
      },
    )
    expect(await screen.findByText(evil)).toBeTruthy()
    expect(await branchShown()).toBe('termination_certificate')
    expect(document.body.querySelector('img, script')).toBeNull()
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('an over-long message with emoji and mixed scripts still gives its hint, fast', async () => {
    const long = `🙏🙏 Hello 안녕하세요 해촉 증명서 발급해주세요ㅠㅠ ${'가나다라 abc 😀 '.repeat(20000)}`
    open(
      'nonmember-account',
      {},
      {
        prepare: (c) => (c.data['ticket.conversation'] = [{ message: { content: long, contentType: 'text/plain' }, author: { id: 20002, role: 'end-user' } }]),
      },
    )
    expect(await branchShown()).toBe('termination_certificate')
  })
})

describe('the user API', () => {
  it.each([
    [401, /세션이 만료/],
    [403, /권한이 없습니다/],
    [404, /찾을 수 없습니다/],
    [422, /변경을 거부/],
    [500, /서버 오류.*500/],
    [503, /서버 오류.*503/],
  ] as const)('HTTP %i: a message, no decision, a retry button, nothing written', async (status, message) => {
    server.use(http.get(userRoute, () => faultResponse(String(status) as '401')))
    const { client } = open('user-500')
    const text = await noticeShown('error')
    expect(text).toMatch(/요청자 정보를 읽지 못해/)
    expect(text).toMatch(message)
    expect(screen.queryByTestId('branch')).toBeNull()
    expect(screen.getByRole('button', { name: '다시 시도' })).toBeTruthy()
    nothingWritten(client)
  })

  it('a body that is not JSON', async () => {
    server.use(http.get(userRoute, () => faultResponse('not-json')))
    const { client } = open('user-500')
    expect(await noticeShown('error')).toMatch(/데이터 형식이 아닙니다/)
    nothingWritten(client)
  })

  it('429: waits Retry-After, tells the agent, tries a bounded number of times', async () => {
    server.use(http.get(userRoute, () => faultResponse('429', { retryAfterSeconds: 4 })))
    const waits: number[] = []
    let seenWaiting = ''
    const { client, scenario } = open(
      'user-429',
      {},
      {
        sleep: async (ms) => {
          waits.push(ms)
          await delay(0) // let preact paint the notice
          seenWaiting = screen.queryByTestId('notice')?.textContent ?? ''
        },
      },
    )
    const last = await noticeShown('error')
    expect(last).toMatch(/요청 한도 초과 \(429\)/)
    // The tries are used up: no "in N seconds" that will never come, but what the agent can do.
    expect(last).not.toMatch(/초 뒤/)
    expect(last).toMatch(/1분쯤 기다렸다가 다시 눌러 주세요/)
    expect(screen.getByRole('button', { name: '다시 시도' })).toBeTruthy()
    expect(waits).toEqual([4000, 4000])
    expect(seenWaiting).toMatch(/4초 뒤 다시 시도합니다 \(3번 중 3번째\)/)
    expect(requests(client).filter((r) => r.includes(`/users/${scenario.requester!.id}.json`))).toHaveLength(3)
    nothingWritten(client)
  })

  it('retry after a failure reads again and decides', async () => {
    server.use(http.get(userRoute, () => faultResponse('500'), { once: true }))
    open('user-500')
    await noticeShown('error')
    fireEvent.click(screen.getByRole('button', { name: '다시 시도' }))
    expect(await branchShown()).toBe('verify_then_reinquire')
  })
})

describe('a host call that never answers', () => {
  it('stops waiting after the time limit, says so, and offers a retry', async () => {
    const { client } = open('nonmember-account', {}, { timeoutMs: 50, prepare: (c) => (c.faults['ticket.requester'] = 'never') })
    // The agent's locale was never read: the page's own language (English here) speaks.
    expect(await noticeShown('error')).toMatch(/Could not read the ticket\. Zendesk did not answer within 0 s/)
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
    delete client.faults['ticket.requester']
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await branchShown()).toBe('verify_then_reinquire')
  })

  it('the npm SDK’s resolved time-out object is a failure, not a ticket', async () => {
    const { client } = open('nonmember-account', {}, { prepare: (c) => (c.faults['ticket.requester'] = 'timeout-object') })
    expect(await noticeShown('error')).toMatch(/did not answer/)
    nothingWritten(client)
  })
})

describe('writing', () => {
  it('a field the agent set by hand: asks before overwriting; cancel writes nothing, overwrite writes it', async () => {
    const handSet = nestedTagFor(['대리_기사', '운행/콜', '콜 배차', '콜 수락 오류'])!
    const { client } = open('reinquiry-same', {}, { prepare: (c) => (c.data[nestedPath] = handSet) })
    await branchShown()
    await waitForApply()
    fireEvent.click(button('apply'))
    const question = await screen.findByTestId('confirm-overwrite')
    expect(
      within(question)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['덮어쓰기', '필드는 두고 문구만 넣기', '취소'])
    fireEvent.click(screen.getByRole('button', { name: '취소' }))
    expect(screen.queryByTestId('confirm-overwrite')).toBeNull()
    nothingWritten(client)
    fireEvent.click(button('apply'))
    fireEvent.click(await findAction('overwrite'))
    await noticeShown('success')
    expect(sets(client)).toEqual([{ [nestedPath]: fixedTag }])
    expect(inserts(client)).toHaveLength(1)
  })

  it('a field the agent set by hand: “keep the field, insert the texts” inserts the texts and leaves the field and tags alone', async () => {
    const handSet = nestedTagFor(['대리_기사', '운행/콜', '콜 배차', '콜 수락 오류'])!
    const { client } = open('reinquiry-same', {}, { prepare: (c) => (c.data[nestedPath] = handSet) })
    await branchShown()
    fireEvent.click(document.querySelector('[data-answer="same"]')!)
    await waitForApply()
    fireEvent.click(button('apply'))
    fireEvent.click(await findAction('keep-field'))
    await noticeShown('success')
    expect(screen.queryByTestId('confirm-overwrite')).toBeNull()
    expect(sets(client)).toEqual([])
    expect(client.data[nestedPath]).toBe(handSet)
    expect(client.calls.filter((call) => call.type === 'invoke' && call.action.startsWith('ticket.tags'))).toEqual([])
    expect(inserts(client)).toEqual([
      editorHtml([empathyShown().phrase, articleText('contact_match_request'), articleText('verification_steps_chat')].join('\n\n')),
    ])
    // The texts are sent: Apply later writes the field (asking again) and inserts nothing twice.
    fireEvent.click(button('apply'))
    fireEvent.click(await findAction('overwrite'))
    await noticeShown('success')
    expect(sets(client)).toEqual([{ [nestedPath]: fixedTag }])
    expect(inserts(client)).toHaveLength(1)
  })

  it('a set the host rejects (a closed ticket): nothing applied, nothing inserted', async () => {
    const { client } = open('reinquiry-same', {}, { prepare: (c) => (c.faults[`set:${nestedPath}`] = 'resolve-error') })
    await branchShown()
    await waitForApply()
    fireEvent.click(button('apply'))
    expect(await noticeShown('error')).toMatch(/아무것도 적용하지 않았습니다/)
    expect(inserts(client)).toEqual([])
  })

  it('an insert the host rejects after the field was set: the field is set back', async () => {
    const { client } = open('reinquiry-same', { extra_tags: 'nonmember_helper' }, { prepare: (c) => (c.faults['ticket.editor.insert'] = 'reject') })
    await branchShown()
    await waitForApply()
    fireEvent.click(button('apply'))
    expect(await noticeShown('error')).toMatch(/아무것도 적용하지 않았습니다/)
    expect(sets(client)).toEqual([{ [nestedPath]: fixedTag }, { [nestedPath]: null }])
    expect(client.data[nestedPath]).toBeNull()
    expect(client.calls.filter((call) => call.type === 'invoke' && call.action === 'ticket.tags.remove')).toHaveLength(1)
    expect(screen.queryByRole('button', { name: '되돌리기' })).toBeNull()
  })

  it('a rollback that fails too: the partial state is reported and Undo is offered', async () => {
    const { client } = open(
      'reinquiry-same',
      {},
      {
        prepare: (c) => {
          c.faults['ticket.editor.insert'] = 'reject'
          const set = c.set.bind(c)
          let count = 0
          c.set = (path, value) => (++count === 2 ? Promise.reject(new Error('ticket closed')) : set(path, value))
        },
      },
    )
    await branchShown()
    await waitForApply()
    fireEvent.click(button('apply'))
    expect(await noticeShown('error')).toMatch(/되돌리기를 눌러 주세요/)
    expect(button('undo')).toBeTruthy()
    expect(client.data[nestedPath]).toBe(fixedTag)
  })

  it('the audit note failing after the save does not undo the apply, says so beside Apply, and its retry looks first', async () => {
    let puts = 0
    server.use(http.put('*/api/v2/tickets/:id.json', () => (puts++ === 0 ? faultResponse('500') : undefined)))
    const { client } = open('reinquiry-same')
    await branchShown()
    await waitForApply()
    fireEvent.click(button('apply'))
    expect(await noticeShown('success')).toMatch(/적용됨/)
    client.trigger('ticket.submit.done')
    const line = await waitFor(() => {
      const found = document.querySelector('[data-audit-note="failed"]')
      if (!found) throw new Error('no failed note yet')
      return found
    })
    expect(line.textContent).toMatch(/감사 메모를 남기지 못했습니다/)
    expect(sets(client)).toEqual([{ [nestedPath]: fixedTag }])
    expect(inserts(client)).toHaveLength(1)
    fireEvent.click(line.querySelector('button')!)
    await waitFor(() => expect(document.querySelector('[data-audit-note]')?.getAttribute('data-audit-note')).toBe('written'))
    expect(requests(client).filter((request) => request.includes('/comments.json'))).toHaveLength(1)
    expect(puts).toBe(2)
  })
})

describe('switching while a request is in flight', () => {
  it('a late answer for the previous requester does not paint the new one', async () => {
    let releaseFirst: () => void = () => undefined
    server.use(
      http.get(userRoute, async ({ params }) => {
        if (params.id === '20429') {
          await new Promise<void>((resolve) => (releaseFirst = resolve))
          return HttpResponse.json({ user: { id: 20429, user_fields: { driver_status: 'member' } } })
        }
        return undefined
      }),
    )
    const { client } = open('user-429')
    await waitFor(() => expect(requests(client).some((r) => r.includes('/users/20429'))).toBe(true))
    // The agent changes the requester to a non-member whose field the data API can read.
    client.data['ticket.requester'] = { id: 20002, name: '박지훈' }
    client.data['ticket.requester.customField:driver_status'] = 'non_member'
    client.trigger('ticket.requester.id.changed')
    expect(await branchShown()).toBe('verify_then_reinquire')
    releaseFirst()
    await delay(20)
    expect(screen.getByTestId('requester-name').textContent).toBe('박지훈')
    expect(screen.getByTestId('requester-status').getAttribute('data-status')).toBe('non_member')
  })
})

describe('settings', () => {
  it.each([
    [{ consultation_field_ids: '12a' }, 'consultation_field_ids'],
    [{ criteria_article_url: 'ftp:/x' }, 'criteria_article_url'],
    [{ step_macros: '{"nonmember_notice": }' }, 'step_macros'],
    [{ member_source: 'crm' }, 'member_source'],
  ])('%j: one message naming the setting, nothing written', async (settings, name) => {
    const { client } = open('nonmember-account', settings)
    const problems = await screen.findByTestId('settings-problems')
    expect(problems.textContent).toContain(name)
    const insert = document.querySelector<HTMLButtonElement>('[data-step="nonmember_notice"] [data-action="insert"]')
    if (insert) fireEvent.click(insert)
    await pickDepth(settlementTag).catch(() => undefined)
    expect(document.querySelector<HTMLButtonElement>('[data-action="apply"]')?.disabled ?? true).toBe(true)
    nothingWritten(client)
  })
})

describe('rapid clicks', () => {
  it('Apply then Undo then Apply again writes in that order, once each', async () => {
    const { client } = open('reinquiry-same')
    await branchShown()
    await applyOnce(client)
    fireEvent.click(button('undo'))
    fireEvent.click(button('undo'))
    await noticeShown('success')
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/되돌림/))
    expect(sets(client)).toEqual([{ [nestedPath]: fixedTag }, { [nestedPath]: null }])
  })
})
