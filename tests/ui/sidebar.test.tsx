// @vitest-environment happy-dom
/**
 * The sidebar on a ticket of each kind, end to end through the Zendesk boundary (see
 * tests/support/sidebar-harness.tsx): the branch shown, the exact text inserted (as the HTML Zendesk takes), the exact option
 * tags written.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { http } from 'msw'
import { describe, expect, it } from 'vitest'
import { articleText, EMPATHY_PHRASES } from '../../src/procedure'
import { editorHtml } from '../../src/zendesk/editor-html'
import { nestedTagFor, PER_DEPTH_FIELD_IDS } from '../../dev/zendesk-host/fixtures/consultation'
import { faultResponse, zendeskApi } from '../../dev/zendesk-host/fixtures/handlers'
import { PER_DEPTH_SETTINGS } from '../../dev/zendesk-host/fixtures/scenarios'
import { applyOnce, branchShown, button, empathyShown, inserts, nestedPath, open, pickDepth, requests, sets, useSidebarApi } from '../support/sidebar-harness'

const server = useSidebarApi()

describe('a verified member', () => {
  it('says the procedure does not apply, writes nothing, and needs no REST call', async () => {
    const { client } = open('member')
    expect(await screen.findByTestId('not-applicable')).toBeTruthy()
    expect(screen.getByTestId('requester-status').getAttribute('data-status')).toBe('member')
    expect(screen.getByText(/driver_status = member/)).toBeTruthy()
    expect(screen.queryByTestId('branch')).toBeNull()
    expect(document.querySelector('[data-action="apply"]')).toBeNull()
    expect(sets(client)).toEqual([])
    expect(inserts(client)).toEqual([])
    // The data API held the member marker; the field options are read for the instance only.
    expect(requests(client).filter((r) => r.includes('/users/'))).toEqual([])
  })
})

describe('branch 1: a non-member with an account question', () => {
  it('suggests verification and the depth the driver’s words point to: one click on Apply inserts the texts and sets its tag', async () => {
    const { client } = open('nonmember-account')
    expect(await branchShown()).toBe('verify_then_reinquire')
    expect(screen.getByTestId('requester-status').getAttribute('data-status')).toBe('non_member')
    // "정산금이 아직 안 들어왔어요": 정산금 미입금, preselected and marked as the suggestion.
    const tag = nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])!
    await waitFor(() => expect(screen.getByTestId('consultation-path').textContent).toBe('대리_기사 ▶ 정산/수수료 ▶ 정산 ▶ 정산금 미입금'))
    expect(document.querySelector(`[data-tag="${tag}"]`)!.getAttribute('aria-pressed')).toBe('true')
    expect(document.querySelector(`[data-tag="${tag}"]`)!.textContent).toBe('정산/수수료 ▶ 정산 ▶ 정산금 미입금추천')
    const empathy = empathyShown()
    expect(empathy.kind).toBe('양해')
    expect(EMPATHY_PHRASES['양해']).toContain(empathy.phrase)
    const { inserted, written } = await applyOnce(client)
    expect(inserted).toEqual([editorHtml([empathy.phrase, articleText('nonmember_notice'), articleText('verification_steps_app')].join('\n\n'))])
    expect(written).toEqual([{ [nestedPath]: tag }])
  })

  it('preselects nothing when no depth is clearly better: Apply waits for the agent’s pick', async () => {
    const { client } = open(
      'nonmember-account',
      {},
      {
        prepare: (c) =>
          (c.data['ticket.conversation'] = [{ message: { content: '정산 문의드려요', contentType: 'text/plain' }, author: { id: 20002, role: 'end-user' } }]),
      },
    )
    await branchShown()
    await waitFor(() => expect(screen.getByTestId('apply-blocker').getAttribute('data-blocker')).toBe('pickDepth'))
    expect(document.querySelector('.picker [aria-pressed="true"]')).toBeNull()
    expect(document.querySelector('.picker')!.textContent).not.toContain('추천')
    const tag = nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산 내역 확인'])!
    await pickDepth(tag)
    // Like a radio button: clicking the chosen depth keeps it chosen.
    await pickDepth(tag)
    expect(document.querySelector(`[data-tag="${tag}"]`)!.getAttribute('aria-pressed')).toBe('true')
    const { written } = await applyOnce(client)
    expect(written).toEqual([{ [nestedPath]: tag }])
  })

  it('lets the agent change the suggested depth in one click, and keeps the search', async () => {
    const { client } = open('nonmember-account')
    await branchShown()
    const other = nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산 내역 확인'])!
    await waitFor(() => expect(document.querySelector('.picker [aria-pressed="true"]')).toBeTruthy())
    fireEvent.input(document.querySelector('input[type="search"]')!, { target: { value: '내역' } })
    await waitFor(() => expect(document.querySelectorAll('.picker [data-tag]')).toHaveLength(1))
    await pickDepth(other)
    expect(screen.getByTestId('consultation-path').textContent).toBe('대리_기사 ▶ 정산/수수료 ▶ 정산 ▶ 정산 내역 확인')
    const { written } = await applyOnce(client)
    expect(written).toEqual([{ [nestedPath]: other }])
  })

  it('applies once however fast the agent clicks', async () => {
    const { client } = open('nonmember-account')
    await pickDepth(nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])!)
    await waitFor(() => expect(button('apply').disabled).toBe(false))
    fireEvent.click(button('apply'))
    fireEvent.click(button('apply'))
    fireEvent.click(button('apply'))
    await screen.findByText(/Applied|적용됨/)
    fireEvent.click(button('apply'))
    expect(inserts(client)).toHaveLength(1)
    expect(sets(client)).toHaveLength(1)
  })

  it('undoes the field values it changed, and only those', async () => {
    const { client } = open('nonmember-account', { extra_tags: 'nonmember_helper' })
    await pickDepth(nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])!)
    await applyOnce(client)
    fireEvent.click(button('undo'))
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/되돌림|Undone/))
    expect(sets(client).at(-1)).toEqual({ [nestedPath]: null })
    expect(client.calls.filter((call) => call.type === 'invoke' && call.action.startsWith('ticket.tags'))).toEqual([
      { type: 'invoke', action: 'ticket.tags.add', args: [['nonmember_branch_1', 'nonmember_helper']] },
      { type: 'invoke', action: 'ticket.tags.remove', args: [['nonmember_branch_1', 'nonmember_helper']] },
    ])
  })

  it('inserts one step on its own, once, without touching the fields', async () => {
    const { client } = open('nonmember-account')
    const card = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-step="nonmember_notice"]')
      if (!found) throw new Error('no step card yet')
      return found
    })
    const insert = within(card).getByRole('button', { name: /삽입|Insert/ })
    fireEvent.click(insert)
    fireEvent.click(insert)
    await waitFor(() => expect(inserts(client)).toEqual([editorHtml(articleText('nonmember_notice'))]))
    expect(sets(client)).toEqual([])
  })

  it('writes an internal note with the branch and reasons, through REST, once the agent saved', async () => {
    const { client, scenario } = open('nonmember-account')
    await pickDepth(nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])!)
    await applyOnce(client)
    const updates = () => zendeskApi.state.updates.filter((update) => update.ticketId === scenario.ticket.id)
    // Applied, not saved: nothing through REST, and the agent is told when the note comes.
    expect(updates()).toEqual([])
    expect(screen.getByText(/감사 메모는 제출해 저장되면 남깁니다/)).toBeTruthy()
    client.trigger('ticket.submit.fail', { message: 'no' })
    expect(updates()).toEqual([])
    client.trigger('ticket.submit.done')
    await waitFor(() => expect(document.querySelector('[data-audit-note]')?.getAttribute('data-audit-note')).toBe('written'))
    expect(screen.getByText(/감사 메모를 남겼습니다/)).toBeTruthy()
    const notes = updates()
    expect(notes).toHaveLength(1)
    expect(notes[0]!.comment?.public).toBe(false)
    expect(notes[0]!.comment?.body).toContain('분기 1')
    expect(notes[0]!.comment?.body).toContain('대리_기사 ▶ 정산/수수료 ▶ 정산 ▶ 정산금 미입금')
  })
})

describe('an admin-configured macro per step', () => {
  it('is applied instead of the built-in text, in the step’s place', async () => {
    const { client } = open('nonmember-account', { step_macros: '{"nonmember_notice": 910001}' })
    await pickDepth(nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])!)
    const empathy = empathyShown()
    await applyOnce(client)
    const writes = client.calls.filter((call) => call.type === 'invoke' && (call.action === 'macro' || call.action === 'ticket.editor.insert'))
    expect(writes).toEqual([
      { type: 'invoke', action: 'ticket.editor.insert', args: [editorHtml(empathy.phrase)] },
      { type: 'invoke', action: 'macro', args: [910001] },
      { type: 'invoke', action: 'ticket.editor.insert', args: [editorHtml(articleText('verification_steps_app'))] },
    ])
  })
})

describe('branch 2: a non-member with a general question', () => {
  it('answers directly: no verification text, only the empathy line, and the picked depth', async () => {
    const { client } = open('nonmember-general')
    expect(await branchShown()).toBe('answer_directly')
    expect(screen.getByTestId('reasons').textContent).toMatch(/어떻게/)
    const tag = nestedTagFor(['대리_기사', '보험', '보험 가입', '가입 방법'])!
    await pickDepth(tag)
    const empathy = empathyShown()
    expect(empathy.kind).toBe('호응')
    const { inserted, written } = await applyOnce(client)
    expect(inserted).toEqual([editorHtml(empathy.phrase)])
    expect(inserted.join()).not.toContain('본인인증')
    expect(written).toEqual([{ [nestedPath]: tag }])
  })
})

describe('branch 3: a withdrawn driver asking for a termination certificate', () => {
  function type(field: string, value: string) {
    const input = document.querySelector(`[data-field="${field}"] input`) as HTMLInputElement
    fireEvent.input(input, { target: { value } })
  }

  it('processes only after all four checks, with masked values in the note', async () => {
    const { client, scenario } = open('withdrawn-certificate')
    expect(await branchShown()).toBe('termination_certificate')
    const tag = nestedTagFor(['대리_기사', '서류/증명서', '증명서 발급', '해촉증명서'])!
    await pickDepth(tag)
    await waitFor(() => expect(screen.getByTestId('apply-blocker').getAttribute('data-blocker')).toBe('identityIncomplete'))
    type('name', '김민수')
    type('birthDate', '1985년 3월 7일')
    type('phone', '010-2345-6789')
    expect(button('apply').disabled).toBe(true)
    fireEvent.click(screen.getByLabelText(/본인 확인함/))
    expect(screen.getByTestId('identity-gate').getAttribute('data-gate')).toBe('passed')
    const empathy = empathyShown()
    expect(empathy.kind).toBe('양해')
    const { inserted, written } = await applyOnce(client)
    expect(inserted).toEqual([editorHtml(empathy.phrase)])
    expect(written).toEqual([{ [nestedPath]: tag }])
    client.trigger('ticket.submit.done')
    await waitFor(() => expect(document.querySelector('[data-audit-note]')?.getAttribute('data-audit-note')).toBe('written'))
    const note = zendeskApi.state.updates.find((update) => update.ticketId === scenario.ticket.id)!.comment!.body
    expect(note).toContain('김*수')
    expect(note).toContain('010-****-6789')
    expect(note).toContain('1985')
    expect(note).not.toMatch(/김민수|2345|3월 7일/)
  })

  it('refuses a resident registration number wherever it is typed', async () => {
    open('withdrawn-certificate')
    await branchShown()
    type('birthDate', '850307-1234567')
    expect(await screen.findByText(/주민등록번호는 수집하면 안 됩니다/)).toBeTruthy()
    expect((document.querySelector('[data-field="birthDate"] input') as HTMLInputElement).value).toBe('')
  })
})

describe('branch 4: a re-inquiry after a phone-number change', () => {
  const fixedTag = nestedTagFor(['대리_기사', '기타/이벤트', '비회원문의', '기타'])!

  function typePhones(driverApp: string, kakaoTalk: string) {
    const [first, second] = Array.from(screen.getByTestId('phone-match').querySelectorAll('input'))
    fireEvent.input(first!, { target: { value: driverApp } })
    fireEvent.input(second!, { target: { value: kakaoTalk } })
  }

  it.each([
    // "안내받은 대로 했는데도 안 돼요": an earlier guide failed → 사과; only a number change → 공감.
    ['reinquiry-same', '010-5555-1234', '+82 10 5555 1234', 'same', 'verification_steps_chat', '사과'],
    ['reinquiry-different', '010-5555-1234', '010-7777-1234', 'different', 'kakaotalk_relogin', '공감'],
  ] as const)('%s: the numbers select the follow-up, and the fixed consultation type is set', async (id, a, b, match, followUp, kind) => {
    const { client } = open(id)
    expect(await branchShown()).toBe('reinquiry_phone_change')
    typePhones(a, b)
    expect(screen.getByTestId('phone-match').getAttribute('data-match')).toBe(match)
    expect(screen.getByTestId('consultation-path').textContent).toBe('대리_기사 ▶ 기타/이벤트 ▶ 비회원문의 ▶ 기타')
    const empathy = empathyShown()
    expect(empathy.kind).toBe(kind)
    const { inserted, written } = await applyOnce(client)
    expect(inserted).toEqual([editorHtml([empathy.phrase, articleText('contact_match_request'), articleText(followUp)].join('\n\n'))])
    expect(written).toEqual([{ [nestedPath]: fixedTag }])
  })

  it('writes one tag per depth in the per-depth layout', async () => {
    const { client } = open('reinquiry-same', { ...PER_DEPTH_SETTINGS })
    await branchShown()
    fireEvent.click(document.querySelector('[data-answer="same"]')!)
    const { written } = await applyOnce(client)
    const [d1, d2, d3, d4] = PER_DEPTH_FIELD_IDS
    expect(written).toEqual([
      {
        [`ticket.customField:custom_field_${d1}`]: 'd1_daeri_driver',
        [`ticket.customField:custom_field_${d2}`]: 'd2_daeri_driver__etc_event',
        [`ticket.customField:custom_field_${d3}`]: 'd3_daeri_driver__etc_event__nonmember',
        [`ticket.customField:custom_field_${d4}`]: 'd4_daeri_driver__etc_event__nonmember__etc',
      },
    ])
  })

  it('lets the agent pick the depth when the inquiry’s content is known, the suggestion preselected', async () => {
    open('reinquiry-same')
    await branchShown()
    await waitFor(() => expect(document.querySelector('.picker')).toBeNull())
    fireEvent.click(document.querySelector('[data-scope="content-known"]')!)
    // "번호 바꿨는데 인증이 안 떠요": 번호 변경 후 인증.
    await waitFor(() => expect(screen.getByTestId('consultation-path').textContent).toBe('대리_기사 ▶ 계정/인증 ▶ 프로필 인증 ▶ 번호 변경 후 인증'))
    expect(document.querySelector('.picker [aria-pressed="true"]')?.getAttribute('data-tag')).toBe(
      nestedTagFor(['대리_기사', '계정/인증', '프로필 인증', '번호 변경 후 인증']),
    )
    fireEvent.click(document.querySelector('[data-scope="verification-only"]')!)
    expect(screen.getByTestId('consultation-path').textContent).toBe('대리_기사 ▶ 기타/이벤트 ▶ 비회원문의 ▶ 기타')
  })

  it('adds the how-to-check blocks only when the agent asks for them', async () => {
    const { client } = open('reinquiry-different')
    await branchShown()
    fireEvent.click(document.querySelector('[data-answer="different"]')!)
    const howto = document.querySelector('[data-step="contact_howto_kakaotalk"] input[type="checkbox"]')!
    fireEvent.change(howto, { target: { checked: true } })
    const { inserted } = await applyOnce(client)
    expect(inserted[0]).toContain(editorHtml(articleText('contact_howto_kakaotalk')))
    expect(inserted[0]).not.toContain(editorHtml(articleText('contact_howto_driver_app')))
  })
})

describe('the agent switches branch', () => {
  it('in one click, and the reasons say the agent chose it', async () => {
    open('nonmember-account')
    expect(await branchShown()).toBe('verify_then_reinquire')
    fireEvent.click(document.querySelector('[data-testid="branch"] [data-branch="answer_directly"]')!)
    expect(await branchShown()).toBe('answer_directly')
    expect(screen.getByTestId('reasons').querySelector('[data-code="agent_chose_branch"]')).toBeTruthy()
  })
})

describe('settings and field problems write nothing and name the setting', () => {
  it('an unknown consultation field id', async () => {
    const { client } = open('reinquiry-same', { consultation_field_ids: '999999' })
    await branchShown()
    const blocker = await screen.findByTestId('apply-blocker')
    await waitFor(() => expect(blocker.getAttribute('data-blocker')).toBe('fieldsFailed'))
    expect(blocker.textContent).toContain('consultation_field_ids')
    expect(button('apply').disabled).toBe(true)
    expect(sets(client)).toEqual([])
  })

  it('a root depth the field does not have', async () => {
    const { client } = open('reinquiry-same', { root_depth: '대리_없음' })
    await branchShown()
    await waitFor(() => expect(screen.getByTestId('apply-blocker').getAttribute('data-blocker')).toBe('consultationProblem'))
    expect(screen.getByTestId('apply-blocker').textContent).toContain('대리_없음::기타/이벤트::비회원문의::기타')
    expect(sets(client)).toEqual([])
  })

  it('a malformed setting', async () => {
    const { client } = open('nonmember-account', { consultation_field_ids: 'abc' })
    const problems = await screen.findByTestId('settings-problems')
    expect(problems.textContent).toContain('consultation_field_ids')
    expect(problems.textContent).toContain('abc')
    expect(sets(client)).toEqual([])
    expect(inserts(client)).toEqual([])
  })
})

describe('the requester’s record through REST', () => {
  it('is read once when the data API cannot read the user field', async () => {
    const { client } = open('user-404')
    await screen.findByText(/요청자 정보를 읽지 못해/)
    expect(requests(client).filter((r) => r.includes('/users/'))).toHaveLength(1)
    expect(screen.queryByTestId('branch')).toBeNull()
  })

  it('waits out a 429 with Retry-After and tries again', async () => {
    // The first answer is a 429, the next one the fixture's.
    server.use(http.get('*/api/v2/users/:id.json', () => faultResponse('429', { retryAfterSeconds: 2 }), { once: true }))
    const { client, scenario } = open('user-429')
    await branchShown()
    expect(requests(client).filter((r) => r.includes(`/users/${scenario.requester!.id}.json`)).length).toBe(2)
  })
})
