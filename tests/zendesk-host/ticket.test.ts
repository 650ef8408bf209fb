/** The host's ticket model (no browser): get/set/invoke semantics and the events they fire. */
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
    expect(state.invoke('ticket.editor.insert', [',']) ).toEqual({ errors: {} })
    expect(state.draft).toBe('안녕하세요, 기사님')
    expect(state.cursor).toBe(6)
    expect(events.at(-1)).toEqual({ name: 'comment.text.changed', data: '안녕하세요, 기사님' })
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
    expect(state.set({ 'ticket.customField:custom_field_360011': 'daeri_driver' }).errors['ticket.customField:custom_field_360011']).toMatchObject({ name: 'InvalidValue' })
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
    expect((state.get(['ticket.comments'])['ticket.comments'] as { value: string; public: boolean }[]).at(-1)).toMatchObject({ value: '<p>메모</p>', public: false })
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
