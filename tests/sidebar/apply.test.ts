import { beforeEach, describe, expect, it } from 'vitest'
import { afterApply, afterUndo, applyPlan, insertPieces, planFor, restore, type ApplyPlan } from '../../src/sidebar/apply'
import type { SidebarState } from '../../src/sidebar/state'
import { viewOf } from '../../src/sidebar/view'
import { hostError } from '../../src/zendesk/calls'
import { FakeHost } from '../support/fake-host'
import { readyState, snapshot, TODAY } from '../support/sidebar-state'

let host: FakeHost
beforeEach(() => {
  host = new FakeHost()
})

const rejected = (call: string) => hostError(call, 'closed ticket')
const names = () => host.calls.map(([name]) => name)

function plan(change: Partial<ApplyPlan> = {}): ApplyPlan {
  return {
    write: { 100: 'settlement' },
    tags: ['helper'],
    pieces: [
      { id: 'empathy', text: 'E' },
      { id: 'nonmember_notice', text: 'N' },
    ],
    note: null,
    lastApply: null,
    overwrite: false,
    ...change,
  }
}

describe('insertPieces', () => {
  it('joins consecutive texts into one insert and applies a macro in its step’s place', async () => {
    await insertPieces(host, [
      { id: 'empathy', text: 'E' },
      { id: 'nonmember_notice', text: 'N', macroId: 9 },
      { id: 'verification_steps_app', text: 'V' },
      { id: 'contact_match_request', text: 'C' },
    ])
    expect(host.calls).toEqual([
      ['insertText', 'E'],
      ['applyMacro', 9],
      ['insertText', 'V\n\nC'],
    ])
  })

  it('calls nothing for nothing', async () => {
    await insertPieces(host, [])
    expect(host.calls).toEqual([])
  })
})

describe('applyPlan', () => {
  it('reads the fields, sets them, adds the tags, inserts the texts', async () => {
    const outcome = await applyPlan(host, plan())
    expect(names()).toEqual(['readFieldValues', 'setFieldValues', 'addTags', 'insertText'])
    expect(outcome).toEqual({ kind: 'applied', change: { previous: { 100: null }, written: { 100: 'settlement' }, addedTags: ['helper'] } })
    expect(host).toMatchObject({ fields: { 100: 'settlement' }, tags: ['helper'], draft: ['E\n\nN'] })
  })

  it('writes no note, even with one planned: nothing is saved before the agent submits', async () => {
    await applyPlan(host, plan({ note: plannedNote() }))
    expect(host.callsOf('writeInternalNote')).toEqual([])
    expect(host.notes).toEqual([])
  })

  it('asks before replacing a value the agent set by hand, and writes nothing', async () => {
    host.fields[100] = 'by_hand'
    expect(await applyPlan(host, plan())).toEqual({ kind: 'ask', current: { 100: 'by_hand' } })
    expect(names()).toEqual(['readFieldValues'])
    expect(host.draft).toEqual([])
  })

  it('replaces it once the agent said so', async () => {
    host.fields[100] = 'by_hand'
    const outcome = await applyPlan(host, plan({ overwrite: true }))
    expect(outcome).toMatchObject({ kind: 'applied', change: { previous: { 100: 'by_hand' } } })
    expect(host.fields[100]).toBe('settlement')
  })

  it.each([
    ['the value the last Apply wrote', 'nonmember_other'],
    ['the value it would write anyway', 'settlement'],
  ])('does not ask about %s', async (_label, current) => {
    host.fields[100] = current
    const lastApply = { previous: { 100: null }, written: { 100: 'nonmember_other' }, addedTags: [] }
    expect((await applyPlan(host, plan({ lastApply }))).kind).toBe('applied')
  })

  it('a set the host refuses: nothing written, nothing to undo', async () => {
    host.failures.setFieldValues = rejected('set')
    const outcome = await applyPlan(host, plan())
    expect(outcome).toEqual({ kind: 'failed', failure: rejected('set').failure, leftApplied: null })
    expect(names()).toEqual(['readFieldValues', 'setFieldValues'])
  })

  it.each(['addTags', 'insertText'] as const)('%s refused after the field was set: the field and tags are set back', async (step) => {
    host.fields[100] = 'nonmember_other'
    host.tags = ['old']
    host.failures[step] = rejected(step)
    const outcome = await applyPlan(host, plan({ lastApply: { previous: {}, written: { 100: 'nonmember_other' }, addedTags: [] } }))
    expect(outcome).toEqual({ kind: 'failed', failure: rejected(step).failure, leftApplied: null })
    expect(host.fields[100]).toBe('nonmember_other')
    expect(host.tags).toEqual(['old'])
    expect(host.draft).toEqual([])
    expect(host.callsOf('writeInternalNote')).toEqual([])
  })

  it('a rollback that fails too: says what stays applied', async () => {
    host.failures.insertText = rejected('insert')
    // The first set succeeds, the rollback's fails.
    host.failures.setFieldValues = [null, rejected('set back')]
    const outcome = await applyPlan(host, plan())
    expect(outcome).toEqual({
      kind: 'failed',
      failure: rejected('insert').failure,
      leftApplied: { previous: { 100: null }, written: { 100: 'settlement' }, addedTags: ['helper'] },
    })
    expect(host.fields[100]).toBe('settlement')
  })
})

describe('restore (rollback and Undo)', () => {
  it('puts the field values back and removes the tags it added', async () => {
    host.fields[100] = 'settlement'
    host.tags = ['old', 'helper']
    await restore(host, { previous: { 100: 'by_hand' }, written: { 100: 'settlement' }, addedTags: ['helper'] })
    expect(host).toMatchObject({ fields: { 100: 'by_hand' }, tags: ['old'] })
  })
})

const settlement = { depths: ['대리_기사', '정산/수수료', '정산'], tag: 'settlement' }
const planOf = (patch: Partial<SidebarState>, settings: Record<string, unknown> = {}, overwrite = false) => {
  const state = readyState({ pickedDepth: settlement, empathy: { kind: '양해', phrase: 'E' }, ...patch }, settings)
  return planFor(state, viewOf(state, TODAY), overwrite)
}
/** The audit note an Apply with the setting on leaves pending. */
const plannedNote = () => planOf({}, { audit_note: true })!.note!

describe('planFor', () => {
  it('is the view’s write, texts, the branch’s reporting tag and the extra tags the ticket lacks', () => {
    const planned = planOf({ ticket: snapshot({ ticketTags: ['daeri'] }) }, { extra_tags: 'daeri, helper' }, true)
    expect(planned).toMatchObject({ write: { 100: 'settlement' }, tags: ['nonmember_branch_1', 'helper'], note: null, lastApply: null, overwrite: true })
    // Each branch its own tag; one the ticket has already is not added again.
    expect(planOf({ chosenBranch: 'reinquiry_phone_change', phoneMatch: 'same' })?.tags).toEqual(['nonmember_branch_4'])
    expect(planOf({ ticket: snapshot({ ticketTags: ['nonmember_branch_1'] }) })?.tags).toEqual([])
    expect(planned?.pieces.map((piece) => piece.id)).toEqual(['empathy', 'nonmember_notice', 'verification_steps_app'])
  })

  it('leaves the audit note pending when the setting asks for one: what it will say', () => {
    const note = planOf({}, { audit_note: true })?.note
    expect(note).toMatchObject({ status: 'pending', input: { inserted: ['empathy', 'nonmember_notice', 'verification_steps_app'], identity: null } })
    expect(note?.input.decision.branch.id).toBe('verify_then_reinquire')
    // A new ticket has no number yet: the note still waits for the save, which gives it one.
    expect(planOf({ ticket: snapshot({ ticketId: null }) }, { audit_note: true })?.note?.status).toBe('pending')
    expect(planOf({}, { audit_note: false })?.note).toBeNull()
  })

  it('keeps the steps of an earlier Apply whose note is still pending, and only those', () => {
    const earlier = planOf({}, { audit_note: true })!.note!
    const again = (status: typeof earlier.status) =>
      planOf(
        {
          auditNote: { ...earlier, status, input: { ...earlier.input, inserted: ['contact_match_request'] } },
          inserted: ['empathy', 'nonmember_notice', 'verification_steps_app'],
        },
        { audit_note: true },
      )
    // Everything was inserted already: this Apply only sets the field again.
    expect(again('pending')?.note?.input.inserted).toEqual(['contact_match_request'])
    expect(again('written')?.note?.input.inserted).toEqual([])
  })

  it('is null while Apply is blocked', () => {
    expect(planOf({ pickedDepth: null })).toBeNull()
    expect(planOf({ status: { value: 'member', evidence: { code: 'field_member', params: {} } } })).toBeNull()
  })
})

describe('the state after Apply and Undo', () => {
  const change = { previous: { 100: 'by_hand' }, written: { 100: 'settlement' }, addedTags: ['helper'] }
  const before = readyState({ busy: 'apply', inserted: ['empathy'], ticket: snapshot({ ticketTags: ['old'], consultationValues: { 100: 'by_hand' } }) })

  it('applied: the texts marked sent, the ticket as written, a success', () => {
    const pieces = [{ id: 'nonmember_notice' as const, text: 'N' }]
    expect(afterApply(before, plan({ pieces }), { kind: 'applied', change })).toEqual({
      busy: null,
      inserted: ['empathy', 'nonmember_notice'],
      lastApply: change,
      ticket: { ...before.ticket, consultationValues: { 100: 'settlement' }, ticketTags: ['old', 'helper'] },
      auditNote: null,
      notice: { tone: 'success', key: 'applied' },
    })
  })

  it('applied with the audit note on: the plan’s note is pending in the state (a failed Apply leaves none)', () => {
    const note = plannedNote()
    expect(afterApply(before, plan({ note }), { kind: 'applied', change }).auditNote).toBe(note)
    expect(afterApply(before, plan({ note }), { kind: 'failed', failure: rejected('set').failure, leftApplied: null })).not.toHaveProperty('auditNote')
  })

  it('asked: the question, nothing else', () => {
    expect(afterApply(before, plan(), { kind: 'ask', current: { 100: 'by_hand' } })).toEqual({ busy: null, confirmOverwrite: { 100: 'by_hand' } })
  })

  it('failed: nothing applied, or what stays for Undo', () => {
    const failure = rejected('insert').failure
    expect(afterApply(before, plan(), { kind: 'failed', failure, leftApplied: null })).toEqual({
      busy: null,
      notice: { tone: 'error', key: 'failedApply', failure },
    })
    expect(afterApply(before, plan(), { kind: 'failed', failure, leftApplied: change })).toEqual({
      busy: null,
      lastApply: change,
      notice: { tone: 'error', key: 'failedApplyPartial', failure },
    })
  })

  it('undone: the values and tags as before the Apply', () => {
    const applied = readyState({ lastApply: change, ticket: snapshot({ ticketTags: ['old', 'helper'], consultationValues: { 100: 'settlement' } }) })
    expect(afterUndo(applied, change)).toEqual({
      busy: null,
      lastApply: null,
      ticket: { ...applied.ticket, consultationValues: { 100: 'by_hand' }, ticketTags: ['old'] },
      auditNote: null,
      notice: { tone: 'success', key: 'undone' },
    })
  })

  it('undone before the save: the pending note is cancelled; one already written stays said', () => {
    const pending = plannedNote()
    expect(afterUndo(readyState({ lastApply: change, auditNote: pending }), change).auditNote).toBeNull()
    const written = { ...pending, status: 'written' as const }
    expect(afterUndo(readyState({ lastApply: change, auditNote: written }), change).auditNote).toBe(written)
  })
})
