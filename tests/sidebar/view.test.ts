import { describe, expect, it } from 'vitest'
import { articleText, decide, detectIntent, EMPATHY_PHRASES } from '../../src/procedure'
import type { SidebarState } from '../../src/sidebar/state'
import { viewOf, type ApplyBlocker } from '../../src/sidebar/view'
import { FAKE_FIELD } from '../support/fake-host'
import { readyState, TODAY } from '../support/sidebar-state'

const settlement = { depths: ['대리_기사', '정산/수수료', '정산'], tag: 'settlement' }
const empathy = { kind: '양해' as const, phrase: EMPATHY_PHRASES['양해'][2]! }
const view = (patch: Partial<SidebarState> = {}, settings: Record<string, unknown> = {}) => viewOf(readyState(patch, settings), TODAY)
const applies = (patch: Partial<SidebarState> = {}) => {
  const decision = view(patch).decision
  if (!decision?.applies) throw new Error('expected the procedure to apply')
  return decision
}

// A state for every blocker (tsc refuses a blocker without a row), in the order Apply checks them.
const BLOCKERS: Record<ApplyBlocker['key'], [Partial<SidebarState>, Record<string, unknown>?]> = {
  settingsBroken: [{ settingsProblems: [{ setting: 'member_user_field', problem: 'required', detail: '' }] }],
  statusPending: [{ statusPending: true, pickedDepth: settlement }],
  identityIncomplete: [{ chosenBranch: 'termination_certificate', identity: { name: '김민수', birthDate: '', phone: '', confirmedIsPerson: false } }],
  consultationNotConfigured: [{ pickedDepth: settlement }, { consultation_field_ids: '' }],
  fieldsFailed: [{ pickedDepth: settlement, fieldsFailure: { kind: 'http', call: 'GET /api/v2/ticket_fields/100.json', status: 404, message: '' } }],
  fieldsLoading: [{ pickedDepth: settlement, fieldDefinitions: null }],
  pickDepth: [{}],
  consultationProblem: [{ chosenBranch: 'reinquiry_phone_change', fieldDefinitions: [{ ...FAKE_FIELD, options: [FAKE_FIELD.options[0]!] }] }],
  nothingToDo: [
    {
      pickedDepth: settlement,
      empathy: null,
      inserted: ['nonmember_notice', 'verification_steps_app'],
      lastApply: { previous: { 100: null }, written: { 100: 'settlement' }, addedTags: [] },
    },
  ],
}

describe('why Apply cannot run', () => {
  it.each(Object.entries(BLOCKERS))('%s', (key, [patch, settings]) => {
    expect(view(patch, settings).applyBlocker?.key).toBe(key)
  })

  it('says which setting and what failed', () => {
    expect(view(...BLOCKERS.consultationNotConfigured).applyBlocker).toEqual({ key: 'consultationNotConfigured', setting: 'consultation_field_ids' })
    expect(view(...BLOCKERS.fieldsFailed).applyBlocker).toMatchObject({ key: 'fieldsFailed', setting: 'consultation_field_ids', failure: { status: 404 } })
    expect(view(...BLOCKERS.consultationProblem).applyBlocker).toEqual({
      key: 'consultationProblem',
      resolution: { ok: false, problem: 'option_missing', fieldId: 100, path: '대리_기사::기타/이벤트::비회원문의::기타' },
    })
  })

  it('none once everything is there, and the write is the option’s tag', () => {
    const ready = view({ pickedDepth: settlement })
    expect(ready.applyBlocker).toBeNull()
    expect(ready.resolution).toEqual({ ok: true, write: { 100: 'settlement' } })
    // After an Apply of the same write, texts still to send keep Apply open.
    expect(view({ pickedDepth: settlement, lastApply: { previous: {}, written: { 100: 'settlement' }, addedTags: [] } }).applyBlocker).toBeNull()
  })

  it('is not asked for a member: nothing to apply', () => {
    const member = view({ status: { value: 'member', evidence: { code: 'field_member', params: {} } } })
    expect(member.decision?.applies).toBe(false)
    expect(member.applyBlocker).toBeNull()
    expect(member.pending).toEqual([])
  })

  it('is not asked before the status is known', () => {
    expect(view({ status: null })).toMatchObject({ decision: null, applyBlocker: null, pending: [] })
  })
})

describe('what Apply would insert', () => {
  it('the empathy line first, then the branch’s texts, each with its macro when one is set', () => {
    const pending = view({ empathy }, { step_macros: '{"verification_steps_app": 7}' }).pending
    expect(pending).toEqual([
      { id: 'empathy', text: empathy.phrase },
      { id: 'nonmember_notice', text: articleText('nonmember_notice'), macroId: undefined },
      { id: 'verification_steps_app', text: articleText('verification_steps_app'), macroId: 7 },
    ])
  })

  it('leaves out what was inserted already, and the empathy line when the agent chose none', () => {
    expect(view({ empathy, inserted: ['empathy', 'nonmember_notice'] }).pending.map((piece) => piece.id)).toEqual(['verification_steps_app'])
    expect(view({ empathy: null }).pending.map((piece) => piece.id)).toEqual(['nonmember_notice', 'verification_steps_app'])
  })

  it.each([
    [null, {}, ['contact_match_request']],
    ['same', {}, ['contact_match_request', 'verification_steps_chat']],
    ['different', { contact_howto_kakaotalk: true }, ['contact_match_request', 'contact_howto_kakaotalk', 'kakaotalk_relogin']],
  ] as const)('after a phone match %s with optional blocks %j: %j', (phoneMatch, optionalSteps, ids) => {
    const pending = view({ chosenBranch: 'reinquiry_phone_change', phoneMatch, optionalSteps })
    expect(pending.pending.map((piece) => piece.id)).toEqual(ids)
  })

  it('nothing to type in a branch without texts', () => {
    expect(view({ chosenBranch: 'answer_directly', empathy: null }).pending).toEqual([])
  })
})

describe('one decision, with what the branch reads', () => {
  const base = { status: 'non_member', hint: detectIntent(''), rootDepth: '대리_기사', customerFrustrated: false, earlierGuideFailed: false } as const

  it('a branch that does not read the phone match or the scope is decided without them', () => {
    const decision = applies({ phoneMatch: 'same', verificationOnly: false, phoneInputs: { driverApp: '010-1234-5678', kakaoTalk: '010-1234-5678' } })
    expect(decision).toEqual(decide(base))
  })

  it('the re-inquiry branch reads both', () => {
    const decision = applies({ chosenBranch: 'reinquiry_phone_change', phoneMatch: 'different', verificationOnly: false })
    expect(decision).toEqual(decide({ ...base, chosenBranch: 'reinquiry_phone_change', phoneMatch: 'different', verificationOnly: false }))
    expect(decision.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['phone_match_different', 'consultation_content_known']))
  })

  it('the identity check is pending until the agent types, then checked as typed', () => {
    const gate = (identity: SidebarState['identity']) => applies({ chosenBranch: 'termination_certificate', identity }).identityGate
    expect(gate({ name: '', birthDate: '', phone: '', confirmedIsPerson: false })).toBe('pending')
    expect(gate({ name: '김민수', birthDate: '', phone: '', confirmedIsPerson: false })).toBe('failed')
    expect(gate({ name: '김민수', birthDate: '1990-01-02', phone: '010-1234-5678', confirmedIsPerson: true })).toBe('passed')
  })

  it('shows the identity check only in a branch that reads one', () => {
    const identity = { name: '김민수', birthDate: '1990-01-02', phone: '010-1234-5678', confirmedIsPerson: true }
    expect(view({ chosenBranch: 'termination_certificate', identity }).identityCheck).toMatchObject({ ok: true, masked: { name: '김*수' } })
    expect(view({ identity }).identityCheck).toBeNull()
    expect(applies({ identity }).identityGate).toBe('not_required')
  })

  it('compares the two typed numbers once both are there', () => {
    expect(view({ phoneInputs: { driverApp: '010-1234-5678', kakaoTalk: '' } }).phoneCompare).toBeNull()
    expect(view({ phoneInputs: { driverApp: '010-1234-5678', kakaoTalk: '01012345678' } }).phoneCompare).toBe('same')
  })
})

describe('writing at all', () => {
  it('is off while the settings are broken, and Apply says so before anything else', () => {
    const broken = view({ ...BLOCKERS.settingsBroken[0], statusPending: true, fieldDefinitions: null })
    expect(broken.canWrite).toBe(false)
    expect(broken.applyBlocker?.key).toBe('settingsBroken')
    expect(view().canWrite).toBe(true)
  })
})
