/**
 * The host's ticket model (no browser): get/set/invoke semantics and the events they fire, the
 * HTML reply editor, saved versus on-screen values, live messages, the agent, the data API's fields.
 */
import { describe, expect, it } from 'vitest'
import { MACROS, USERS, macroCommentText } from '../../dev/zendesk-host/fixtures/fixtures'
import { PER_DEPTH_SETTINGS, scenarioById } from '../../dev/zendesk-host/fixtures/scenarios'
import { TicketState } from '../../dev/zendesk-host/ticket'
import type { TicketEvent } from '../../dev/zendesk-host/ticket'

function open(id: string, settings: Record<string, string | boolean> = {}) {
  const scenario = scenarioById(id)!
  const state = new TicketState(scenario, { ...scenario.settings, ...settings })
  const events: TicketEvent[] = []
  state.onChange((e) => events.push(...e))
  return { state, events }
}

describe('TicketState', () => {
  it('get answers known paths and per-path errors for the others', () => {
    const { state } = open('member')
    const answer = state.get(['ticket.id', 'ticket.requester', 'ticket.nope'])
    expect(answer['ticket.id']).toBe(50001)
    expect(answer['ticket.requester']).toMatchObject({ id: USERS.member.id, name: USERS.member.name, role: 'end-user' })
    expect(answer.errors).toEqual({ 'ticket.nope': { name: 'APIUnavailable', message: expect.any(String), path: 'ticket.nope' } })
  })

  it('editor.insert goes in at the caret and keeps the draft', () => {
    const { state, events } = open('member')
    state.typeDraft('안녕하세요 기사님', 5)
    expect(state.invoke('ticket.editor.insert', [','])).toEqual({ errors: {} })
    expect(state.draft).toBe('안녕하세요, 기사님')
    expect(state.cursor).toBe(6)
    // The event carries what `get ticket.comment.text` answers: the rich editor's HTML.
    expect(events.at(-1)).toEqual({ name: 'comment.text.changed', data: '<p>안녕하세요, 기사님</p>' })
    expect(state.invoke('ticket.editor.insert', [42])!.errors['ticket.editor.insert']).toBeDefined()
  })

  it('macro appends its text on a new line; an unknown macro is an error', () => {
    const { state } = open('member')
    state.typeDraft('안녕하세요.', 0)
    state.invoke('macro', [String(MACROS.kakaotalkRelogin.id)])
    expect(state.draft).toBe(`안녕하세요.\n${macroCommentText(MACROS.kakaotalkRelogin)}`)
    expect(state.invoke('macro', [1])!.errors.macro).toMatchObject({ name: 'RecordNotFound' })
    expect(state.invoke('nope', [])).toBeNull()
  })

  it('set checks custom field options and read-only paths', () => {
    const { state, events } = open('member', PER_DEPTH_SETTINGS)
    expect(state.shownFieldIds()).toEqual([360011, 360012, 360013, 360014])
    expect(state.set({ 'ticket.customField:custom_field_360011': 'd1_daeri_driver' }).errors).toEqual({})
    expect(state.fields()['360011']).toMatchObject({ value: 'd1_daeri_driver', name: '대리_기사', shown: true })
    expect(events).toContainEqual({ name: 'ticket.custom_field_360011.changed', data: 'd1_daeri_driver' })
    expect(state.set({ 'ticket.customField:custom_field_360011': 'daeri_driver' }).errors['ticket.customField:custom_field_360011']).toMatchObject({
      name: 'InvalidValue',
    })
    expect(state.set({ 'ticket.customField:custom_field_1': 'x' }).errors).toHaveProperty(['ticket.customField:custom_field_1'])
    expect(state.set({ 'ticket.id': 1 }).errors['ticket.id']).toMatchObject({ message: 'is read-only' })
    expect(state.set({ 'ticket.customField:custom_field_360011': null }).errors).toEqual({})
    expect(state.fields()['360011']!.value).toBeNull()
  })

  it('tags add/remove and a REST ticket update show in the state', () => {
    const { state, events } = open('nonmember-account')
    state.invoke('ticket.tags.add', [['a', 'b']])
    state.invoke('ticket.tags.remove', ['kakaotalk_channel'])
    expect(state.tags).toEqual(['daeri_driver_chat', 'a', 'b'])
    state.applyTicketUpdate({ ticket: { comment: { body: '메모', public: false }, remove_tags: ['a'] } }, 1)
    expect(state.notes).toEqual([{ body: '메모', public: false, at: 1 }])
    expect(state.tags).toEqual(['daeri_driver_chat', 'b'])
    expect((state.get(['ticket.comments'])['ticket.comments'] as { value: string; public: boolean }[]).at(-1)).toMatchObject({
      value: '<p>메모</p>',
      public: false,
    })
    expect(events.map((e) => e.name)).toContain('ticket.tags.changed')
  })

  it('changing the requester replaces the requester paths and fires ticket.requester.id.changed', () => {
    const { state, events } = open('user-404')
    expect(state.get(['ticket.requester.customField:driver_status']).errors).toHaveProperty(['ticket.requester.customField:driver_status'])
    state.changeRequester(USERS.member.id)
    expect(state.get(['ticket.requester.id'])['ticket.requester.id']).toBe(USERS.member.id)
    expect(events.at(-1)).toEqual({ name: 'ticket.requester.id.changed', data: USERS.member.id })
    state.changeRequester(null)
    expect(state.get(['ticket.requester', 'ticket.requester.id']).errors).toHaveProperty(['ticket.requester.id'])
  })
})

describe('TicketState: the reply editor takes HTML', () => {
  it('ticket.editor.insert sanitizes: raw newlines are spaces, <p> starts its own paragraph after the typed words', () => {
    const { state, events } = open('nonmember-account')
    state.typeDraft('기사님.', 4)
    state.invoke('ticket.editor.insert', ['바로\n\n도와드릴게요.'])
    expect(state.draft).toBe('기사님.바로 도와드릴게요.')
    state.typeDraft('기사님.', 4)
    state.invoke('ticket.editor.insert', ['<p>바로</p><p>도와<br>드릴게요.</p>'])
    expect(state.draft).toBe('기사님.\n\n바로\n\n도와\n드릴게요.')
    expect(state.draftHtml).toBe('<p>기사님.</p><p>바로</p><p>도와<br>드릴게요.</p>')
    expect(state.get(['ticket.comment.text', 'ticket.comment.useRichText'])).toMatchObject({
      'ticket.comment.text': state.draftHtml,
      'ticket.comment.useRichText': true,
    })
    expect(events.at(-1)).toEqual({ name: 'comment.text.changed', data: state.draftHtml })
  })

  it('set ticket.comment.text takes HTML in rich text, plain text in the chat composer', () => {
    const rich = open('member').state
    expect(rich.set({ 'ticket.comment.text': '<p>가<script>x</script></p><p>나</p>' }).errors).toEqual({})
    expect(rich.draft).toBe('가\n\n나')
    const chat = new TicketState(scenarioById('member')!, {}, {}, { composer: 'chat' })
    chat.set({ 'ticket.comment.text': '가\n나' })
    expect(chat.draft).toBe('가\n나')
    expect(chat.get(['ticket.comment.text', 'ticket.comment.useRichText'])).toMatchObject({
      'ticket.comment.text': '가\n나',
      'ticket.comment.useRichText': false,
    })
  })

  it('the chat composer turns inserted HTML into Markdown-ish text', () => {
    const chat = new TicketState(scenarioById('member')!, {}, {}, { composer: 'chat' })
    chat.invoke('ticket.editor.insert', ['<p><b>굵게</b></p><ul><li>하나</li></ul>'])
    expect(chat.draft).toBe('**굵게**\n\n- 하나')
  })

  it('comment.appendHtml adds paragraphs at the end, whatever the caret', () => {
    const { state } = open('member')
    state.typeDraft('앞 뒤', 1)
    state.invoke('comment.appendHtml', ['추가'])
    expect(state.draft).toBe('앞 뒤\n\n추가')
    expect(state.invoke('ticket.comment.appendHtml', [1])!.errors['ticket.comment.appendHtml']).toBeDefined()
  })
})

describe('TicketState: saved and on screen', () => {
  it('set/invoke change the screen only; commitSave saves them, turns the draft into a comment and empties the editor', () => {
    const { state, events } = open('nonmember-account')
    const tag = 'daeri_driver__etc_event__nonmember__etc'
    state.set({ 'ticket.customField:custom_field_360001': tag })
    state.invoke('ticket.tags.add', [['nonmember_guided']])
    expect(state.saved.fields['360001']).toBeNull()
    expect(state.saved.tags).not.toContain('nonmember_guided')
    state.typeDraft('확인해 보겠습니다.', 0)
    const update = state.commitSave(Date.UTC(2025, 10, 24, 1))
    expect(update.ticket).toMatchObject({
      comment: { html_body: '<p>확인해 보겠습니다.</p>', public: true },
      tags: expect.arrayContaining(['nonmember_guided']),
    })
    expect(update.ticket.custom_fields).toContainEqual({ id: 360001, value: tag })
    expect(state.saved).toMatchObject({ fields: { '360001': tag }, tags: expect.arrayContaining(['nonmember_guided']) })
    expect([state.saves, state.restUpdates, state.draft]).toEqual([1, 0, ''])
    // A public reply on a messaging ticket joins the conversation.
    const conversation = state.get(['ticket.conversation'])['ticket.conversation'] as { author: { role: string }; message: { content: string } }[]
    expect(conversation.at(-1)).toMatchObject({ author: { role: 'agent' }, message: { content: '확인해 보겠습니다.' } })
    expect(events.map((e) => e.name)).toContain('ticket.conversation.changed')
  })

  it('an internal note is saved as a private comment and stays out of the conversation; an empty draft adds no comment', () => {
    const { state } = open('nonmember-account')
    const before = (state.get(['ticket.conversation'])['ticket.conversation'] as unknown[]).length
    state.set({ 'ticket.comment.type': 'internalNote' })
    state.typeDraft('메모', 2)
    expect(state.commitSave(1).ticket.comment).toEqual({ html_body: '<p>메모</p>', public: false })
    expect((state.get(['ticket.conversation'])['ticket.conversation'] as unknown[]).length).toBe(before)
    expect((state.get(['ticket.comments'])['ticket.comments'] as { public: boolean }[]).at(-1)!.public).toBe(false)
    expect(state.commitSave(2).ticket.comment).toBeUndefined()
  })

  it('a REST write is an update (counted, saved at once) and leaves what the agent has not saved on screen', () => {
    const { state } = open('nonmember-account')
    state.set({ 'ticket.customField:custom_field_360011': 'd1_daeri_driver' })
    state.applyTicketUpdate({ ticket: { comment: { body: '메모', public: false }, additional_tags: ['x'] } }, 1)
    expect(state.restUpdates).toBe(1)
    expect(state.saves).toBe(0)
    expect(state.saved.tags).toContain('x')
    expect(state.saved.fields['360011']).toBeNull()
    expect(state.fields()['360011']!.value).toBe('d1_daeri_driver')
    state.applyTicketUpdate({ ticket: { custom_fields: [{ id: 360001, value: 'daeri_driver__etc_event__event' }] } }, 2)
    expect([state.restUpdates, state.saved.fields['360001']]).toEqual([2, 'daeri_driver__etc_event__event'])
  })
})

describe('TicketState: the conversation, the agent, the fields', () => {
  it('a new customer message joins ticket.conversation and ticket.comments and fires ticket.conversation.changed', () => {
    const { state, events } = open('nonmember-general')
    const entry = state.addCustomerMessage('해촉증명서도 되나요?', Date.UTC(2025, 10, 24, 2))
    expect(entry).toMatchObject({
      channel: { name: 'messaging' },
      author: { id: USERS.nonmemberGeneral.id, role: 'end-user' },
      message: { content: '해촉증명서도 되나요?', contentType: 'text/plain' },
    })
    const read = state.get(['ticket.conversation', 'ticket.comments'])
    expect((read['ticket.conversation'] as unknown[]).at(-1)).toEqual(entry)
    expect((read['ticket.comments'] as { value: string }[]).at(-1)!.value).toBe('<p>해촉증명서도 되나요?</p>')
    expect(events.at(-1)).toEqual({ name: 'ticket.conversation.changed', data: read['ticket.conversation'] })
  })

  it('an email ticket: every conversation entry is text/html, a new message too (escaped)', () => {
    const { state } = open('email-nonmember')
    const conversation = state.get(['ticket.conversation'])['ticket.conversation'] as {
      channel: { name: string }
      message: { content: string; contentType: string }
    }[]
    expect(conversation.map((e) => [e.channel.name, e.message.contentType])).toEqual([['email', 'text/html']])
    expect(conversation[0]!.message.content).toContain('정산금이 아직 안 들어왔어요.<br>')
    expect(state.addCustomerMessage('<b>급해요</b>').message).toEqual({
      content: '<p>&lt;b&gt;급해요&lt;/b&gt;</p>',
      contentType: 'text/html',
      attachments: [],
    })
  })

  it('currentUser: role agent or admin, and the locale', () => {
    const admin = new TicketState(scenarioById('member')!, {}, {}, { role: 'admin', locale: 'en-US' })
    expect(admin.get(['currentUser.role', 'currentUser.locale', 'currentUser'])).toMatchObject({
      'currentUser.role': 'admin',
      'currentUser.locale': 'en-US',
      currentUser: { role: 'admin', locale: 'en-US' },
    })
    expect(open('member').state.get(['currentUser.role'])['currentUser.role']).toBe('agent')
  })

  it('ticketFields:custom_field_<id> answers the data API shape; labels full or leaf, rendered in the agent’s language', () => {
    const path = 'ticketFields:custom_field_360001'
    const full = open('member').state.get([path, `${path}.optionValues`, `${path}.label`])
    expect(full[`${path}.label`]).toBe('상담유형')
    const options = full[`${path}.optionValues`] as { label: string; value: string; isEnabled: boolean; isVisible: boolean }[]
    expect(options).toContainEqual({
      label: '대리_기사::정산/수수료::정산::정산금 미입금',
      value: 'daeri_driver__settlement__payout__not_received',
      isEnabled: true,
      isVisible: true,
    })
    expect(full[path]).toMatchObject({ name: 'custom_field_360001', type: 'tagger', optionValues: options })
    const leafEnglish = new TicketState(scenarioById('member')!, {}, {}, { optionLabels: 'leaf', locale: 'en-US' }).get([`${path}.optionValues`])[
      `${path}.optionValues`
    ] as { label: string; value: string }[]
    expect(leafEnglish.find((o) => o.value === 'daeri_driver__settlement__payout__not_received')!.label).toBe('Payout not received')
    expect(leafEnglish.find((o) => o.value === 'daeri_driver__etc_event__nonmember__etc')!.label).toBe('기타')
    // Per-depth fields too: depth 2's labels are the path so far (or its last level).
    const depth2 = open('member').state.get(['ticketFields:custom_field_360012.optionValues'])['ticketFields:custom_field_360012.optionValues'] as {
      label: string
    }[]
    expect(depth2.map((o) => o.label)).toContain('대리_기사::정산/수수료')
  })
})
