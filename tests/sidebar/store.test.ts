import { beforeEach, describe, expect, it } from 'vitest'
import { Sidebar } from '../../src/sidebar/store'
import { hostError, ZendeskError } from '../../src/zendesk/calls'
import type { FieldDefinition, FieldOption } from '../../src/zendesk/ticket-host'
import { FAKE_FIELD, FakeHost, settle } from '../support/fake-host'
import { TODAY } from '../support/sidebar-state'

let host: FakeHost
beforeEach(() => {
  host = new FakeHost()
})

const tooMany = (retryAfterSeconds?: number) =>
  new ZendeskError({
    kind: 'http',
    call: 'GET /api/v2/users/1.json',
    status: 429,
    message: '',
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  })

function sidebar(options: ConstructorParameters<typeof Sidebar>[2] = {}) {
  const notices: unknown[] = []
  const store = new Sidebar(host, 'ko', { today: () => TODAY, sleep: async () => {}, ...options })
  store.subscribe(() => notices.push(store.current.notice))
  return { store, notices }
}

describe('load', () => {
  it('asks the ticket read for what the member marker needs, and the consultation fields', async () => {
    await sidebar().store.load()
    expect(host.callsOf('readTicket')).toEqual([[{ userFieldKey: 'driver_status', consultationFieldIds: [100] }]])
    host.settings = { ...host.settings, member_source: 'user_tag' }
    await new Sidebar(host).load()
    expect(host.callsOf('readTicket')[1]).toEqual([{ userFieldKey: null, consultationFieldIds: [100] }])
  })

  it('decides from the data API when it holds the marker: no REST call', async () => {
    host.userField = { value: 'non_member' }
    const { store } = sidebar()
    await store.load()
    expect(store.current).toMatchObject({ phase: 'ready', statusPending: false, status: { value: 'non_member' } })
    expect(host.callsOf('readRequesterRecord')).toEqual([])
    expect(store.view().decision?.applies).toBe(true)
    // The suggested empathy line is preselected.
    expect(store.current.empathy?.kind).toBe('양해')
  })

  it('reads the requester’s record when the data API cannot, and decides from it', async () => {
    const record = host.hold('readRequesterRecord')
    const { store } = sidebar()
    const loading = store.load()
    await settle()
    expect(store.current).toMatchObject({ phase: 'ready', statusPending: true, status: null })
    expect(store.view().applyBlocker).toBeNull()
    record.resolve(undefined)
    await loading
    expect(store.current).toMatchObject({ statusPending: false, status: { value: 'non_member', evidence: { code: 'field_non_member' } } })
    expect(host.callsOf('readRequesterRecord')).toEqual([[1]])
  })

  it('asks for the field options again on a new load (the data API or the frames’ cache answers), and not for a member', async () => {
    const { store } = sidebar()
    await store.load()
    await store.load()
    expect(host.callsOf('readFieldDefinitions')).toEqual([[[100]], [[100]]])
    host.userField = { value: 'member' }
    await new Sidebar(host).load()
    expect(host.callsOf('readFieldDefinitions')).toHaveLength(2)
  })

  it('names broken settings and reads no status', async () => {
    host.settings = { ...host.settings, member_values: '' }
    const { store } = sidebar()
    await store.load()
    expect(store.current).toMatchObject({ phase: 'ready', status: null, notice: { tone: 'error', key: 'settingsBroken' } })
    expect(store.current.settingsProblems).toEqual([{ setting: 'member_values', problem: 'required', detail: '' }])
  })

  it('a failed ticket read: a message and a retry that reads again', async () => {
    host.failures.readTicket = [hostError('get ticket.requester', 'gone')]
    const { store } = sidebar()
    await store.load()
    expect(store.current).toMatchObject({ phase: 'failed', notice: { tone: 'error', key: 'failedLoad', retry: 'load' } })
    await store.load()
    expect(store.current.phase).toBe('ready')
  })

  it('asks Zendesk for the registration again after it failed', async () => {
    host.failures.registered = [hostError('app.registered', 'not yet')]
    const { store } = sidebar()
    await store.load()
    await store.load()
    expect(host.callsOf('registered')).toHaveLength(2)
    expect(store.current.phase).toBe('ready')
  })
})

/** FAKE_FIELD as the data API may label it: the last level only. */
const LEAF_LABELS: FieldDefinition = { ...FAKE_FIELD, options: FAKE_FIELD.options.map((option) => ({ ...option, name: option.name.split('::').at(-1)! })) }
/** A message that decides the verification-only branch: a fixed path (대리_기사 ▶ 기타/이벤트 ▶ 비회원문의 ▶ 기타). */
const FIXED_PATH = '인증이 안 돼요'

describe('the consultation field’s options (one wave, no REST read where the data API suffices)', () => {
  beforeEach(() => {
    host.userField = { value: 'non_member' }
  })

  it('come with the ticket’s one read when the data API’s labels hold the decision’s path: the only other call is the re-inquiry evidence', async () => {
    host.ticketFields = [FAKE_FIELD]
    for (const messages of [[], [FIXED_PATH]]) {
      host.calls.length = 0
      host.customerMessages = messages
      const { store } = sidebar()
      await store.load()
      // A non-member's one per-ticket REST read: the requester's recent tickets (issue 15).
      expect(host.calls.map(([method]) => method)).toEqual(['registered', 'readTicket', 'readRequestedTickets'])
      expect(store.current.fieldDefinitions).toEqual([FAKE_FIELD])
      expect(store.view().applyBlocker?.key).not.toBe('fieldsLoading')
    }
  })

  it('are read from the frames’ cache or REST when the data API labels the last level only', async () => {
    host.ticketFields = [LEAF_LABELS]
    for (const messages of [[], [FIXED_PATH]]) {
      host.calls.length = 0
      host.customerMessages = messages
      const { store } = sidebar()
      await store.load()
      expect(host.callsOf('readFieldDefinitions')).toEqual([[[100]]])
      expect(store.current.fieldDefinitions).toEqual([FAKE_FIELD])
    }
  })

  it('are read from the cache or REST when the data API could not read the field', async () => {
    host.ticketFields = []
    const { store } = sidebar()
    await store.load()
    expect(host.callsOf('readFieldDefinitions')).toEqual([[[100]]])
    expect(store.current.fieldDefinitions).toEqual([FAKE_FIELD])
  })

  it('are read from the cache or REST for per-depth fields, whatever their labels', async () => {
    host.settings = { ...host.settings, consultation_layout: 'per_depth', consultation_field_ids: '100, 101' }
    const depth1: FieldDefinition = { id: 100, type: 'tagger', options: [{ name: '대리_기사', tag: 'd1' }] }
    const depth2: FieldDefinition = { id: 101, type: 'tagger', options: [{ name: '대리_기사::기타/이벤트', tag: 'd2' }] }
    host.ticketFields = [depth1, depth2]
    host.definitions = [depth1, depth2]
    await sidebar().store.load()
    expect(host.callsOf('readFieldDefinitions')).toEqual([[[100, 101]]])
  })

  it('an agent whose labels are translated: the data API where they hold the path, else REST, whose raw_name matches', async () => {
    host.agentLocale = 'en-US'
    host.customerMessages = [FIXED_PATH]
    host.ticketFields = [FAKE_FIELD]
    await sidebar().store.load()
    expect(host.callsOf('readFieldDefinitions')).toEqual([])

    const english = (option: FieldOption): FieldOption => ({
      ...option,
      name: option.name.replace('대리_기사', 'Daeri driver').replace('기타/이벤트', 'Other/Events'),
    })
    host.ticketFields = [{ ...FAKE_FIELD, options: FAKE_FIELD.options.map(english) }]
    host.definitions = [{ ...FAKE_FIELD, options: FAKE_FIELD.options.map((option) => ({ ...english(option), rawName: option.name })) }]
    const { store } = sidebar()
    await store.load()
    expect(host.callsOf('readFieldDefinitions')).toEqual([[[100]]])
    expect(store.current.language).toBe('en')
    expect(store.view().resolution).toEqual({ ok: true, write: { 100: 'nonmember_other' } })
  })

  it('a path the data API’s options lack: REST; lacking from the cached copy too: one re-read, which serves', async () => {
    const other = { ...FAKE_FIELD, options: [FAKE_FIELD.options[0]!] }
    host.ticketFields = [other]
    host.customerMessages = [FIXED_PATH]
    // The cache's copy (still without the option) first, then REST's afresh, which has it.
    Object.defineProperty(host, 'definitions', { get: () => (host.callsOf('readFieldDefinitions').length === 1 ? [other] : [FAKE_FIELD]) })
    const { store } = sidebar()
    await store.load()
    expect(host.callsOf('readFieldDefinitions')).toEqual([[[100]], [[100], true]])
    expect(store.view().resolution).toEqual({ ok: true, write: { 100: 'nonmember_other' } })
  })

  it('no re-read allowed (the frame read REST itself, or the copy was a re-read): the options stay, the problem is shown', async () => {
    const other = { ...FAKE_FIELD, options: [FAKE_FIELD.options[0]!] }
    host.customerMessages = [FIXED_PATH]
    host.definitions = [other]
    host.rereadAllowed = false
    const { store } = sidebar()
    await store.load()
    expect(host.callsOf('readFieldDefinitions')).toEqual([[[100]], [[100], true]])
    expect(store.current.fieldDefinitions).toEqual([other])
    expect(store.view().applyBlocker).toMatchObject({ key: 'consultationProblem', resolution: { problem: 'option_missing' } })
  })

  it('a member reads none, on every path to the status: the data API, or the REST fallback for the user field', async () => {
    host.ticketFields = [LEAF_LABELS]
    host.userField = { value: 'member' }
    await sidebar().store.load()
    expect(host.calls.map(([method]) => method)).toEqual(['registered', 'readTicket'])

    host.calls.length = 0
    host.userField = undefined
    host.records[1] = { id: 1, externalId: null, tags: [], userFields: { driver_status: 'member' } }
    const { store } = sidebar()
    await store.load()
    expect(store.current.status?.value).toBe('member')
    // The requester's record is the status itself; nothing else is read.
    expect(host.calls.map(([method]) => method)).toEqual(['registered', 'readTicket', 'readRequesterRecord'])
  })

  it('a non-member through the REST fallback: the status first, then the options', async () => {
    host.ticketFields = [LEAF_LABELS]
    host.userField = undefined
    const record = host.hold('readRequesterRecord')
    const { store } = sidebar()
    const loading = store.load()
    await settle()
    expect(host.callsOf('readFieldDefinitions')).toEqual([])
    record.resolve(undefined)
    await loading
    expect(host.calls.map(([method]) => method)).toEqual(['registered', 'readTicket', 'readRequesterRecord', 'readRequestedTickets', 'readFieldDefinitions'])
  })

  it('none without a status (its read failed) or without a requester', async () => {
    host.userField = undefined
    host.failures.readRequesterRecord = hostError('GET /api/v2/users/1.json', 'down')
    await sidebar().store.load()
    host.requester = null
    host.userField = { value: 'non_member' }
    await sidebar().store.load()
    expect(host.callsOf('readFieldDefinitions')).toEqual([])
  })

  it('a failed read of the options: the failure shown where Apply is, the decision stays', async () => {
    host.failures.readFieldDefinitions = hostError('GET /api/v2/ticket_fields/100.json', 'down')
    const { store } = sidebar()
    await store.load()
    expect(store.view().decision?.applies).toBe(true)
    expect(store.view().applyBlocker?.key).toBe('fieldsFailed')
  })
})

describe('a 429 while reading', () => {
  it('waits Retry-After, tells the agent which attempt follows, then decides', async () => {
    host.failures.readRequesterRecord = [tooMany(4), tooMany()]
    const waits: number[] = []
    const { store, notices } = sidebar({ sleep: async (ms) => void waits.push(ms) })
    await store.load()
    expect(waits).toEqual([4000, 2000])
    expect(notices).toContainEqual({ tone: 'info', key: 'rateLimited', params: { seconds: 4, attempt: 2, max: 3 } })
    expect(notices).toContainEqual({ tone: 'info', key: 'rateLimited', params: { seconds: 2, attempt: 3, max: 3 } })
    expect(store.current).toMatchObject({ status: { value: 'non_member' }, notice: null })
  })

  it('gives up after the tries allowed: no status, the 429 and a retry', async () => {
    host.failures.readRequesterRecord = [tooMany(1), tooMany(1)]
    const { store } = sidebar({ maxAttempts: 2 })
    await store.load()
    expect(host.callsOf('readRequesterRecord')).toHaveLength(2)
    expect(store.current).toMatchObject({ status: null, statusPending: false, notice: { key: 'failedStatus', failure: { status: 429 }, retry: 'load' } })
  })

  it('stops waiting for a requester no longer shown', async () => {
    host.failures.readRequesterRecord = [tooMany(5)]
    let wake = () => {}
    const { store } = sidebar({ sleep: () => new Promise<void>((resolve) => (wake = resolve)) })
    const first = store.load()
    await settle()
    host.records[2] = { id: 2, externalId: null, tags: [], userFields: { driver_status: 'member' } }
    host.requester = { id: 2, name: '이영희', externalId: null, tags: [] }
    await store.load()
    wake()
    await first
    // The first requester's record is not asked for again; the second one's answer stands.
    expect(host.callsOf('readRequesterRecord')).toEqual([[1], [2]])
    expect(store.current).toMatchObject({ status: { value: 'member' }, notice: null })
  })
})

describe('answers that come late', () => {
  it('drops a late failure of the previous requester’s record', async () => {
    const firstRecord = host.hold('readRequesterRecord')
    const { store } = sidebar()
    const first = store.load()
    await settle()
    host.requester = { id: 2, name: '이영희', externalId: null, tags: [] }
    host.records[2] = { id: 2, externalId: null, tags: [], userFields: { driver_status: 'non_member' } }
    await store.load()
    firstRecord.reject(hostError('GET /api/v2/users/1.json', 'gone'))
    await first
    expect(store.current.notice).toBeNull()
    expect(store.current.status?.value).toBe('non_member')
    expect(store.current.ticket?.requester?.id).toBe(2)
  })
})

describe('writing through the store', () => {
  async function ready() {
    host.userField = { value: 'non_member' }
    const { store } = sidebar()
    await store.load()
    store.pickDepth({ depths: ['대리_기사', '정산/수수료', '정산'], tag: 'settlement' })
    return store
  }

  it('a rejected insert: a message, not busy, nothing marked inserted', async () => {
    host.failures.insertText = hostError('invoke ticket.editor.insert', 'closed')
    const store = await ready()
    await store.insertStep('empathy')
    expect(store.current).toMatchObject({
      busy: null,
      inserted: [],
      notice: { tone: 'error', key: 'failedInsert', failure: { kind: 'host', message: 'closed' } },
    })
  })

  it('inserts a step once, however often it is clicked', async () => {
    const store = await ready()
    await Promise.all([store.insertStep('nonmember_notice'), store.insertStep('nonmember_notice')])
    await store.insertStep('nonmember_notice')
    expect(host.callsOf('insertText')).toHaveLength(1)
    expect(store.current.inserted).toEqual(['nonmember_notice'])
  })

  it('applies once per click while busy, then Undo puts the field back', async () => {
    const store = await ready()
    await Promise.all([store.apply(), store.apply()])
    expect(host.callsOf('setFieldValues')).toEqual([[{ 100: 'settlement' }]])
    expect(store.current).toMatchObject({ busy: null, notice: { key: 'applied' }, inserted: ['empathy', 'nonmember_notice', 'verification_steps_app'] })
    expect(store.view().applyBlocker?.key).toBe('nothingToDo')
    await store.undo()
    expect(host.fields[100]).toBeNull()
    expect(store.current).toMatchObject({ lastApply: null, notice: { key: 'undone' }, ticket: { consultationValues: { 100: null } } })
  })

  it('asks before overwriting a hand-set value, and overwrites when told', async () => {
    const store = await ready()
    host.fields[100] = 'by_hand'
    await store.apply()
    expect(store.current.confirmOverwrite).toEqual({ 100: 'by_hand' })
    expect(host.callsOf('setFieldValues')).toEqual([])
    await store.apply(true)
    expect(host.fields[100]).toBe('settlement')
    expect(store.current.confirmOverwrite).toBeNull()
  })

  it('a failure after the requester changed is rolled back, and not reported on the new requester', async () => {
    const store = await ready()
    const insert = host.hold('insertText')
    const applying = store.apply()
    await settle()
    host.requester = { id: 2, name: '이영희', externalId: null, tags: [] }
    await store.load()
    insert.reject(hostError('invoke ticket.editor.insert', 'closed'))
    await applying
    expect(host.fields[100]).toBeNull()
    expect(store.current).toMatchObject({ busy: null, notice: null, lastApply: null })
  })

  it('selects the follow-up from two typed numbers, and keeps the choice for an invalid one', () => {
    const { store } = sidebar()
    store.input('driverApp', '010-1234-5678')
    store.input('kakaoTalk', '010 1234 5678')
    expect(store.current.phoneMatch).toBe('same')
    store.input('kakaoTalk', '12')
    expect(store.current.phoneMatch).toBe('same')
    store.input('kakaoTalk', '010-9999-5678')
    expect(store.current.phoneMatch).toBe('different')
  })
})

describe('the per-depth layout', () => {
  it('loads its code with the fields’ definitions: full paths to pick, one tag per depth on Apply', async () => {
    host.userField = { value: 'non_member' }
    host.settings = { ...host.settings, consultation_layout: 'per_depth', consultation_field_ids: '11, 12, 13' }
    host.definitions = [
      { id: 11, title: '1', type: 'tagger', options: [{ name: '대리_기사', tag: 'd1' }] },
      { id: 12, title: '2', type: 'tagger', options: [{ name: '대리_기사::정산/수수료', tag: 'd2' }] },
      { id: 13, title: '3', type: 'tagger', options: [{ name: '대리_기사::정산/수수료::정산', tag: 'd3' }] },
    ]
    host.fields = { 11: null, 12: null, 13: null }
    const { store } = sidebar()
    await store.load()
    expect(store.view().choices).toEqual([{ depths: ['대리_기사', '정산/수수료', '정산'], tag: 'd3' }])
    store.pickDepth(store.view().choices[0]!)
    await store.apply()
    expect(host.fields).toEqual({ 11: 'd1', 12: 'd2', 13: 'd3' })
  })
})
