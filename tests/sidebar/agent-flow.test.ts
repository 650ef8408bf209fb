/**
 * The store's part of the agent's flow (issue 13, and issue 14's boxes): the depth suggested and
 * preselected, re-inquiry evidence read after the decision, a resident registration number refused
 * in the box it was typed into, the texts that may go before branch 3's checks, and the reporting
 * tag Apply adds.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { RequestedTicket } from '../../src/procedure'
import { Sidebar } from '../../src/sidebar/store'
import type { TextBox } from '../../src/sidebar/state'
import { hostError, ZendeskError } from '../../src/zendesk/calls'
import type { FieldDefinition } from '../../src/zendesk/ticket-host'
import { nestedConsultationField } from '../../dev/zendesk-host/fixtures/consultation'
import { FakeHost, settle } from '../support/fake-host'
import { TODAY } from '../support/sidebar-state'

/** The fixture account's nested field, as readFieldDefinitions hands it over. */
const FIXTURE_FIELD: FieldDefinition = (() => {
  const field = nestedConsultationField('test')
  return { id: 100, title: field.title, type: field.type, options: field.custom_field_options.map(({ name, value }) => ({ name, tag: value })) }
})()

const DAY = 86_400_000
const daysAgo = (days: number) => new Date(TODAY.getTime() - days * DAY).toISOString()
const tagged = (id: number, days: number, ...tags: string[]): RequestedTicket => ({ id, createdAt: daysAgo(days), tags })

let host: FakeHost
beforeEach(() => {
  host = new FakeHost()
  host.userField = { value: 'non_member' }
  host.definitions = [FIXTURE_FIELD]
})

function sidebar() {
  return new Sidebar(host, 'ko', { today: () => TODAY, sleep: async () => {} })
}

const branchOf = (store: Sidebar) => {
  const decision = store.view().decision
  return decision?.applies ? decision.branch.number : null
}

describe('the depth suggested (추천)', () => {
  it('is preselected when the customer’s words clearly point to one depth: Apply can run at once', async () => {
    host.customerMessages = ['지난주 운행 정산금이 아직 안 들어왔어요', '안녕하세요']
    const store = sidebar()
    await store.load()
    expect(store.current.depthSuggestion?.depths).toEqual(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])
    expect(store.current.pickedDepth).toEqual(store.current.depthSuggestion)
    expect(store.view().applyBlocker).toBeNull()
  })

  it.each([['정산 문의드려요'], ['안녕하세요'], ['증명서 발급해주세요']])('is none for “%s”: nothing preselected, the agent picks', async (message) => {
    host.customerMessages = [message]
    const store = sidebar()
    await store.load()
    expect(store.current.depthSuggestion).toBeNull()
    expect(store.current.pickedDepth).toBeNull()
    expect(store.view().applyBlocker).toEqual({ key: 'pickDepth' })
  })

  it('gives way to the agent’s pick, which a second click on it keeps (a radio button)', async () => {
    host.customerMessages = ['정산금이 안 들어왔어요']
    const store = sidebar()
    await store.load()
    const other = store.view().choices.find((choice) => choice.depths.at(-1) === '정산 내역 확인')!
    store.pickDepth(other)
    store.pickDepth(other)
    expect(store.current.pickedDepth).toBe(other)
    expect(store.current.depthSuggestion?.depths.at(-1)).toBe('정산금 미입금')
  })

  it('comes back as the preselection when the agent switches branch or scope', async () => {
    host.customerMessages = ['번호 바꿨는데 인증이 안 떠요']
    const store = sidebar()
    await store.load()
    expect(branchOf(store)).toBe(4)
    const suggested = store.current.depthSuggestion
    expect(suggested?.depths.at(-1)).toBe('번호 변경 후 인증')
    store.pickDepth(store.view().choices[0]!)
    store.setVerificationOnly(false)
    expect(store.current.pickedDepth).toBe(suggested)
    store.pickDepth(store.view().choices[0]!)
    store.chooseBranch('verify_then_reinquire')
    expect(store.current.pickedDepth).toBe(suggested)
  })

  it('is made once the field’s options arrive, and anew from the next requester’s words', async () => {
    host.customerMessages = ['해촉증명서 떼주세요']
    const options = host.hold('readFieldDefinitions')
    const store = sidebar()
    const loading = store.load()
    await settle()
    expect(store.current.depthSuggestion).toBeNull()
    options.resolve(undefined)
    await loading
    expect(store.current.depthSuggestion?.depths.at(-1)).toBe('해촉증명서')
    // Another requester: the options are read again (the host answers from the frames' cache),
    // and the suggestion is made anew from the new words.
    host.requester = { id: 2, name: '이영희', externalId: null, tags: [] }
    host.customerMessages = ['보험 가입하려면 어떻게 해요?']
    await store.load()
    expect(host.callsOf('readFieldDefinitions')).toHaveLength(2)
    expect(store.current.depthSuggestion?.depths.at(-1)).toBe('가입 방법')
  })

  it('is nothing for a member (no depth to pick)', async () => {
    host.userField = { value: 'member' }
    host.customerMessages = ['정산금이 안 들어왔어요']
    const store = sidebar()
    await store.load()
    expect(store.current.depthSuggestion).toBeNull()
  })
})

describe('re-inquiry evidence', () => {
  it('is read for a non-member once the decision is on screen, and suggests branch 4 with the ticket and its age', async () => {
    host.customerMessages = ['말씀하신 대로 하고 다시 왔어요']
    host.requested = [tagged(1, 0, 'nonmember_branch_1'), tagged(41, 2, 'chat', 'nonmember_branch_1')]
    const read = host.hold('readRequestedTickets')
    const store = sidebar()
    const loading = store.load()
    await settle()
    // The decision did not wait for the read.
    expect(host.callsOf('readRequestedTickets')).toEqual([[1]])
    expect(branchOf(store)).toBe(1)
    expect(store.current.empathy?.kind).toBe('양해')
    read.resolve(undefined)
    await loading
    const decision = store.view().decision
    expect(decision?.applies && decision.suggestedBy).toBe('evidence')
    expect(decision?.applies && decision.why).toEqual({
      code: 'reinquiry_evidence',
      params: { status: 'non_member', ticket: 41, days: 2, branch: 'reinquiry_phone_change' },
    })
    // The empathy line follows the new branch; the current ticket (1) is never its own evidence.
    expect(store.current.empathy?.kind).toBe('공감')
    expect(store.current.evidence).toEqual({ ticketId: 41, daysAgo: 2, branch: 1 })
  })

  it('counts only tickets within reinquiry_days', async () => {
    host.requested = [tagged(41, 8, 'nonmember_branch_4')]
    const store = sidebar()
    await store.load()
    expect(store.current.evidence).toBeNull()
    expect(branchOf(store)).toBe(1)
    host.settings = { ...host.settings, reinquiry_days: '10' }
    const wider = sidebar()
    await wider.load()
    expect(wider.current.evidence).toEqual({ ticketId: 41, daysAgo: 8, branch: 4 })
    expect(branchOf(wider)).toBe(4)
  })

  it.each([
    ['해촉증명서 발급 받고 싶어요', 3],
    ['대리 기사 보험은 어떻게 가입하나요?', 2],
    ['번호 바꿨는데 인증이 안 떠요', 4],
  ] as const)('gives way to words that clearly point elsewhere: “%s” → branch %i', async (message, branch) => {
    host.customerMessages = [message]
    host.requested = [tagged(41, 1, 'nonmember_branch_1')]
    const store = sidebar()
    await store.load()
    expect(store.current.evidence).not.toBeNull()
    expect(branchOf(store)).toBe(branch)
  })

  it('never overrides the agent’s choice', async () => {
    host.requested = [tagged(41, 1, 'nonmember_branch_4')]
    const read = host.hold('readRequestedTickets')
    const store = sidebar()
    const loading = store.load()
    await settle()
    store.chooseBranch('answer_directly')
    read.resolve(undefined)
    await loading
    expect(branchOf(store)).toBe(2)
  })

  it.each([
    ['a member', { value: 'member' }],
    ['a status the settings do not know', { value: 'suspended' }],
  ])('is not read for %s', async (_, field) => {
    host.userField = field
    await sidebar().load()
    expect(host.callsOf('readRequestedTickets')).toEqual([])
  })

  it('is not read without a requester', async () => {
    host.requester = null
    await sidebar().load()
    expect(host.callsOf('readRequestedTickets')).toEqual([])
  })

  it('is read after the requester’s record when the status needed it', async () => {
    host.userField = undefined
    host.requested = [tagged(41, 1, 'nonmember_branch_1')]
    const store = sidebar()
    await store.load()
    expect(host.calls.map(([name]) => name).filter((name) => name.startsWith('readRe'))).toEqual(['readRequesterRecord', 'readRequestedTickets'])
    expect(branchOf(store)).toBe(4)
  })

  it.each([
    ['a server error', hostError('GET /api/v2/users/1/tickets/requested.json', 'HTTP 500')],
    ['a 429', new ZendeskError({ kind: 'http', call: 'GET …/requested.json', status: 429, message: '', retryAfterSeconds: 1 })],
  ])('a failed read (%s) only loses the evidence: a quiet note, no notice, no second try', async (_, error) => {
    host.failures.readRequestedTickets = error
    const store = sidebar()
    await store.load()
    expect(store.current).toMatchObject({ evidence: null, evidenceFailed: true, notice: null })
    expect(branchOf(store)).toBe(1)
    expect(host.callsOf('readRequestedTickets')).toHaveLength(1)
  })

  it('answers for a requester no longer shown are dropped', async () => {
    const first = host.hold('readRequestedTickets')
    const second = host.hold('readRequestedTickets')
    const store = sidebar()
    const loading = store.load()
    await settle()
    host.requester = { id: 2, name: '이영희', externalId: null, tags: [] }
    const reloading = store.load()
    await settle()
    expect(host.callsOf('readRequestedTickets')).toEqual([[1], [2]])
    // The second requester has no tagged ticket; the first one's, answered late, would have.
    second.resolve(undefined)
    await reloading
    host.requested = [tagged(41, 1, 'nonmember_branch_1')]
    first.resolve(undefined)
    await loading
    expect(store.current.evidence).toBeNull()
    expect(branchOf(store)).toBe(1)
  })
})

describe('a resident registration number, in every box', () => {
  const BOXES: TextBox[] = ['name', 'birthDate', 'phone', 'driverApp', 'kakaoTalk', 'depthQuery']
  const FORMS = ['850307.1234567', '850307\u200b1234567', '8503 07 12 34567', '８５０３０７－１２３４５６７', '850307-1234567']
  const value = (store: Sidebar, box: TextBox) =>
    box === 'depthQuery' ? store.current.depthQuery : box === 'driverApp' || box === 'kakaoTalk' ? store.current.phoneInputs[box] : store.current.identity[box]

  it.each(BOXES.flatMap((box) => FORMS.map((form) => [box, form] as const)))(
    '%s: “%s” is refused and cleared, the refusal beside that box',
    async (box, form) => {
      const store = sidebar()
      await store.load()
      store.input(box, form)
      expect(value(store, box)).toBe('')
      expect(store.current.rrnIn).toBe(box)
      // The message is beside the box, not a notice at the top of the sidebar.
      expect(store.current.notice).toBeNull()
    },
  )

  it('the refusal stays beside its box until that box is typed into again', async () => {
    const store = sidebar()
    await store.load()
    store.input('birthDate', '850307-1234567')
    store.input('name', '김민수')
    expect(store.current.rrnIn).toBe('birthDate')
    store.input('birthDate', '1985-03-07')
    expect(store.current).toMatchObject({ rrnIn: null, identity: { name: '김민수', birthDate: '1985-03-07' } })
  })

  it('lets a phone number, a date and a business number through', async () => {
    const store = sidebar()
    await store.load()
    for (const [box, text] of [
      ['phone', '010-1234-5678'],
      ['birthDate', '1985.03.07'],
      ['depthQuery', '123-45-67890'],
    ] as const) {
      store.input(box, text)
      expect(value(store, box)).toBe(text)
    }
    expect(store.current.rrnIn).toBeNull()
  })
})

describe('texts before the checks (branch 3)', () => {
  beforeEach(() => {
    host.customerMessages = ['해촉증명서 발급 받고 싶어요']
  })

  it('the empathy line goes before the four checks; the consultation type and processing wait for them', async () => {
    const store = sidebar()
    await store.load()
    expect(branchOf(store)).toBe(3)
    expect(store.view().applyBlocker).toEqual({ key: 'identityIncomplete' })
    await store.insertStep('empathy')
    expect(host.draft).toEqual([store.current.empathy!.phrase])
    const decision = store.view().decision
    expect(decision?.applies && decision.identityGate).toBe('pending')
    // Apply still cannot run: nothing written.
    await store.apply()
    expect(host.callsOf('setFieldValues')).toEqual([])
    // Once the checks pass, Apply writes the type and sends nothing twice.
    store.input('name', '김민수')
    store.input('birthDate', '1985-03-07')
    store.input('phone', '010-2345-6789')
    store.confirmPerson(true)
    await store.apply()
    expect(host.callsOf('setFieldValues')).toHaveLength(1)
    expect(host.callsOf('insertText')).toHaveLength(1)
  })
})

describe('the overwrite question', () => {
  it('“keep the field, insert the texts” inserts the pending texts and writes no field and no tag', async () => {
    host.customerMessages = ['정산금이 안 들어왔어요']
    host.fields[100] = 'by_hand'
    const store = sidebar()
    await store.load()
    await store.apply()
    expect(store.current.confirmOverwrite).toEqual({ 100: 'by_hand' })
    await store.insertTexts()
    expect(store.current.confirmOverwrite).toBeNull()
    expect(host.callsOf('setFieldValues')).toEqual([])
    expect(host.callsOf('addTags')).toEqual([])
    expect(host.fields[100]).toBe('by_hand')
    expect(host.draft).toHaveLength(1)
    expect(store.current.inserted).toEqual(['empathy', 'nonmember_notice', 'verification_steps_app'])
  })
})

describe('the reporting tag', () => {
  it.each([
    [['정산금이 안 들어왔어요'], 'nonmember_branch_1'],
    [['번호 바꿨는데 인증이 안 떠요'], 'nonmember_branch_4'],
  ])('Apply adds the branch’s tag (%j → %s), and Undo takes it away', async (messages, tag) => {
    host.customerMessages = messages
    const store = sidebar()
    await store.load()
    await store.apply()
    expect(host.tags).toEqual([tag])
    await store.undo()
    expect(host.tags).toEqual([])
  })
})
