import { describe, expect, it } from 'vitest'
import { Sidebar } from '../../src/sidebar/model'
import { hostError } from '../../src/zendesk/calls'
import type { RequesterRecord, TicketHost, TicketSnapshot } from '../../src/zendesk/ticket-host'

const SETTINGS = { member_source: 'user_field', member_user_field: 'driver_status', member_values: 'member', non_member_values: 'non_member', consultation_field_ids: '100' }

function snapshot(requesterId: number): TicketSnapshot {
  return {
    ticketId: 1,
    requester: { id: requesterId, name: 'x', externalId: null, tags: [] },
    agentLocale: 'en',
    ticketTags: [],
    requesterUserField: { available: false },
    customerMessages: [],
    consultationValues: {},
    unreadableFields: [],
  }
}

/** A host whose requester records answer when the test says so. */
function host(overrides: Partial<TicketHost> = {}) {
  let requesterId = 1
  const records: { userId: number; resolve: (record: RequesterRecord) => void; reject: (error: unknown) => void }[] = []
  const fake: TicketHost = {
    registered: async () => ({ settings: SETTINGS, ticketId: 1 }),
    readTicket: async () => snapshot(requesterId),
    readRequesterRecord: (userId) => new Promise((resolve, reject) => records.push({ userId, resolve, reject })),
    readFieldDefinitions: async () => [],
    readFieldValues: async () => ({}),
    setFieldValues: async () => {},
    insertText: async () => {},
    applyMacro: async () => {},
    addTags: async () => {},
    removeTags: async () => {},
    writeInternalNote: async () => {},
    onRequesterChanged: () => () => {},
    onFieldsChanged: () => () => {},
    resize: () => {},
    ...overrides,
  }
  return { fake, records, changeRequester: (id: number) => (requesterId = id) }
}

const record = (id: number, value: string): RequesterRecord => ({ id, externalId: null, tags: [], userFields: { driver_status: value } })
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('Sidebar', () => {
  it('drops a late failure of the previous requester’s record', async () => {
    const { fake, records, changeRequester } = host()
    const sidebar = new Sidebar(fake)
    const first = sidebar.load()
    await settle()
    changeRequester(2)
    const second = sidebar.load()
    await settle()
    records[1]!.resolve(record(2, 'non_member'))
    await second
    records[0]!.reject(hostError('GET /api/v2/users/1.json', 'gone'))
    await first
    expect(sidebar.current.notice).toBeNull()
    expect(sidebar.current.status?.value).toBe('non_member')
    expect(sidebar.current.ticket?.requester?.id).toBe(2)
  })

  it('a rejected insert: a message, not busy, nothing marked inserted', async () => {
    const { fake, records } = host({ insertText: async () => Promise.reject(hostError('invoke ticket.editor.insert', 'closed')) })
    const sidebar = new Sidebar(fake)
    const loading = sidebar.load()
    await settle()
    records[0]!.resolve(record(1, 'non_member'))
    await loading
    expect(sidebar.current.empathy).not.toBeNull()
    await sidebar.insertStep('empathy')
    expect(sidebar.current).toMatchObject({ busy: null, inserted: [], notice: { tone: 'error', key: 'failedInsert', failure: { kind: 'host', message: 'closed' } } })
  })
})
