/**
 * The audit note after the agent's own save: Apply leaves it pending, `ticket.submit.done` writes
 * it once from the values read back then; a failed save, an Undo, leaving (another requester)
 * write nothing; a failed write is tried again only after looking for it.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { buildAuditNote } from '../../src/sidebar/audit-note'
import { pathOfValues } from '../../src/sidebar/saved-note'
import { Sidebar } from '../../src/sidebar/store'
import { translator } from '../../src/i18n'
import { viewOf } from '../../src/sidebar/view'
import { ZendeskError } from '../../src/zendesk/calls'
import { deferred, FakeHost, settle } from '../support/fake-host'
import { readyState, TODAY } from '../support/sidebar-state'

let host: FakeHost
beforeEach(() => {
  host = new FakeHost()
  host.userField = { value: 'non_member' }
  host.settings = { ...host.settings, audit_note: true, extra_tags: 'nonmember_helper' }
})

const timeout = new ZendeskError({ kind: 'timeout', call: 'PUT /api/v2/tickets/1.json', afterMs: 10_000 })

/** A started sidebar (it follows the saves), Applied with the settlement path picked. */
async function applied() {
  const store = new Sidebar(host, 'ko', { today: () => TODAY, sleep: async () => {} })
  const stop = store.start()
  await settle()
  await settle()
  store.pickDepth({ depths: ['대리_기사', '정산/수수료', '정산'], tag: 'settlement' })
  await store.apply()
  return { store, stop }
}

/** Zendesk reports the ticket saved; resolves once the note's write has settled. */
async function submitDone(store: Sidebar) {
  host.saved()
  for (let i = 0; i < 20 && store.current.auditNote?.status === 'writing'; i++) await settle()
}

describe('the audit note waits for the agent’s save', () => {
  it('Apply writes nothing and says the note comes after the save', async () => {
    const { store } = await applied()
    expect(host.fields[100]).toBe('settlement')
    expect(host.callsOf('writeInternalNote')).toEqual([])
    expect(store.current.auditNote).toMatchObject({ status: 'pending' })
  })

  it('is written once, after ticket.submit.done, from the values read back then', async () => {
    const { store } = await applied()
    // Before saving, the agent changes the consultation type by hand: the saved value counts.
    host.fields[100] = 'nonmember_other'
    await submitDone(store)
    expect(host.notes).toHaveLength(1)
    const [note] = host.notes
    expect(note!.ticketId).toBe(1)
    expect(note!.body).toContain('대리_기사 ▶ 기타/이벤트 ▶ 비회원문의 ▶ 기타')
    expect(note!.body).not.toContain('정산/수수료')
    expect(note!.body).toContain('nonmember_helper')
    expect(store.current.auditNote?.marker).toMatch(/^nmh-[a-z0-9]+$/)
    expect(note!.body.split('\n').at(-1)).toBe(`[${store.current.auditNote!.marker}]`)
    // The read back came after the save and before the write.
    const order = host.calls.map(([name]) => name)
    expect(order.lastIndexOf('readTicket')).toBeLessThan(order.indexOf('writeInternalNote'))
    expect(store.current.auditNote?.status).toBe('written')
    // A second save writes no second note.
    await submitDone(store)
    expect(host.notes).toHaveLength(1)
  })

  it('a tag the agent removed before saving is not in the note', async () => {
    const { store } = await applied()
    host.tags = []
    await submitDone(store)
    expect(host.notes[0]!.body).not.toContain('nonmember_helper')
  })

  it('no save (the frame unloads, or ticket.submit.fail): no note, the note stays pending', async () => {
    const { store, stop } = await applied()
    await settle()
    expect(host.notes).toEqual([])
    expect(store.current.auditNote?.status).toBe('pending')
    // The frame goes: its listeners go with it, a later save event reaches nothing.
    stop()
    host.saved()
    await settle()
    expect(host.calls.filter(([name]) => name === 'writeInternalNote' || name === 'hasComment')).toEqual([])
  })

  it('Undo before the save cancels the pending note', async () => {
    const { store } = await applied()
    await store.undo()
    expect(store.current.auditNote).toBeNull()
    await submitDone(store)
    expect(host.notes).toEqual([])
  })

  it('another requester (the agent left the ticket unsaved): the pending note is dropped', async () => {
    const { store } = await applied()
    host.requester = { id: 2, name: '이영희', externalId: null, tags: [] }
    for (const handler of host.requesterHandlers) handler()
    await settle()
    expect(store.current.auditNote).toBeNull()
    await submitDone(store)
    expect(host.notes).toEqual([])
  })

  it('a later Apply while the note is being written: its own note stays pending for the next save', async () => {
    const { store } = await applied()
    const write = host.hold('writeInternalNote')
    host.saved()
    await settle()
    expect(store.current.auditNote?.status).toBe('writing')
    const first = store.current.auditNote!
    // The agent picks another depth and applies again before the write has answered.
    store.pickDepth({ depths: ['대리_기사', '기타/이벤트', '비회원문의', '기타'], tag: 'nonmember_other' })
    await store.apply()
    write.resolve(undefined)
    await settle()
    await settle()
    expect(store.current.auditNote).toMatchObject({ status: 'pending' })
    expect(store.current.auditNote!.input).not.toBe(first.input)
    expect(store.current.auditNote!.marker).toBeUndefined()
    await submitDone(store)
    expect(host.notes.map((note) => note.body.includes('비회원문의'))).toEqual([false, true])
  })

  it('an answer for a requester no longer shown is dropped', async () => {
    const { store } = await applied()
    const read = host.hold('readTicket')
    host.saved()
    await settle()
    host.requester = { id: 2, name: '이영희', externalId: null, tags: [] }
    for (const handler of host.requesterHandlers) handler()
    read.resolve(undefined)
    for (let i = 0; i < 5; i++) await settle()
    expect(store.current.auditNote).toBeNull()
  })

  it('with the setting off: no note, nothing said', async () => {
    host.settings = { ...host.settings, audit_note: false }
    const { store } = await applied()
    await submitDone(store)
    expect(store.current.auditNote).toBeNull()
    expect(host.callsOf('writeInternalNote')).toEqual([])
  })

  it('a ticket that still has no number after the save: not written, and said so', async () => {
    host.ticketId = null
    const { store } = await applied()
    expect(store.current.auditNote?.status).toBe('pending')
    await submitDone(store)
    expect(store.current.auditNote?.status).toBe('no_ticket')
    expect(host.callsOf('writeInternalNote')).toEqual([])
  })

  it('a new ticket gets its number with the save: the note is written to it', async () => {
    host.ticketId = null
    const { store } = await applied()
    host.ticketId = 42
    await submitDone(store)
    expect(host.notes.map((note) => note.ticketId)).toEqual([42])
  })
})

describe('a write that fails', () => {
  it('a time-out that landed after all: the retry looks first and writes no second note', async () => {
    const { store } = await applied()
    host.failures.writeInternalNote = [timeout]
    await submitDone(store)
    expect(store.current.auditNote).toMatchObject({ status: 'failed', failure: { kind: 'timeout' } })
    // The server had it all the same.
    const body = host.callsOf('writeInternalNote')[0]![1] as string
    host.notes.push({ ticketId: 1, body })
    const { marker } = store.current.auditNote!
    expect(body.split('\n').at(-1)).toBe(`[${marker}]`)
    await store.writeNote()
    expect(host.callsOf('hasComment')).toEqual([[1, marker]])
    expect(store.current.auditNote!.marker).toBe(marker)
    expect(host.callsOf('writeInternalNote')).toHaveLength(1)
    expect(host.notes).toHaveLength(1)
    expect(store.current.auditNote?.status).toBe('written')
  })

  it('a time-out that did not land: the retry looks, finds nothing, writes it once', async () => {
    const { store } = await applied()
    host.failures.writeInternalNote = [timeout]
    await submitDone(store)
    await store.writeNote()
    expect(host.callsOf('hasComment')).toHaveLength(1)
    expect(host.notes).toHaveLength(1)
    expect(store.current.auditNote?.status).toBe('written')
  })

  it('a failed look: still failed, nothing written, another retry looks again', async () => {
    const { store } = await applied()
    host.failures.writeInternalNote = [timeout]
    await submitDone(store)
    host.failures.hasComment = [new ZendeskError({ kind: 'http', call: 'GET comments', status: 503, message: '' })]
    await store.writeNote()
    expect(store.current.auditNote).toMatchObject({ status: 'failed', failure: { status: 503 } })
    expect(host.callsOf('writeInternalNote')).toHaveLength(1)
    await store.writeNote()
    expect(host.callsOf('hasComment')).toHaveLength(2)
    expect(host.notes).toHaveLength(1)
  })

  it('the next save tries a failed note again, looking first', async () => {
    const { store } = await applied()
    host.failures.writeInternalNote = [timeout]
    await submitDone(store)
    await submitDone(store)
    expect(host.callsOf('hasComment')).toHaveLength(1)
    expect(host.notes).toHaveLength(1)
  })

  it('a failure before anything was sent is tried again the same way: looked for first, written once', async () => {
    const { store } = await applied()
    host.failures.readTicket = [timeout]
    await submitDone(store)
    expect(store.current.auditNote?.status).toBe('failed')
    expect(host.callsOf('writeInternalNote')).toEqual([])
    await store.writeNote()
    expect(host.notes).toHaveLength(1)
  })

  it('a write still under way when the retry is clicked: the retry waits for its answer, then looks, and writes no second note', async () => {
    const { store } = await applied()
    const answer = deferred<void>()
    // Our time limit passed; the PUT itself is still on its way (the host's request has none).
    host.failures.writeInternalNote = [Object.assign(new ZendeskError(timeout.failure), { settled: answer.promise })]
    await submitDone(store)
    expect(store.current.auditNote?.status).toBe('failed')
    const retry = store.writeNote()
    for (let i = 0; i < 10; i++) await settle()
    // Not looked yet: a look now would miss a note that lands a moment later.
    expect(host.callsOf('hasComment')).toEqual([])
    expect(store.current.auditNote?.status).toBe('writing')
    // The host answers at last: the note landed.
    host.notes.push({ ticketId: 1, body: host.callsOf('writeInternalNote')[0]![1] as string })
    answer.resolve(undefined)
    await retry
    expect(host.callsOf('hasComment')).toHaveLength(1)
    expect(host.callsOf('writeInternalNote')).toHaveLength(1)
    expect(host.notes).toHaveLength(1)
    expect(store.current.auditNote?.status).toBe('written')
  })

  it('one write at a time: a retry clicked twice writes once', async () => {
    const { store } = await applied()
    host.failures.writeInternalNote = [timeout]
    await submitDone(store)
    await Promise.all([store.writeNote(), store.writeNote()])
    expect(host.callsOf('writeInternalNote')).toHaveLength(2)
    expect(host.notes).toHaveLength(1)
  })
})

describe('the note’s words', () => {
  const t = translator('ko')
  const decision = () => {
    const state = readyState({ pickedDepth: { depths: ['대리_기사', '정산/수수료', '정산'], tag: 'settlement' } })
    const found = viewOf(state, TODAY).decision
    if (!found?.applies) throw new Error('the test state decides nothing')
    return found
  }

  it('the branch, the saved path, the reasons with codes, the steps sent, the saved tags, the marker last', () => {
    const body = buildAuditNote(
      {
        decision: decision(),
        consultationPath: ['대리_기사', '정산/수수료', '정산'],
        identity: null,
        inserted: ['empathy', 'nonmember_notice'],
        tags: ['nonmember_helper'],
        marker: 'nmh-abc123',
      },
      t,
    )
    const lines = body.split('\n')
    expect(lines[0]).toBe(t('note_title'))
    expect(body).toContain('분기 1')
    expect(body).toContain(`${t('note_consultation')}: 대리_기사 ▶ 정산/수수료 ▶ 정산`)
    for (const reason of decision().reasons) expect(body).toContain(`[${reason.code}]`)
    expect(body).toContain(`${t('note_sent')}: empathy, nonmember_notice`)
    expect(body).toContain(`${t('note_tags')}: nonmember_helper`)
    expect(lines.at(-1)).toBe('[nmh-abc123]')
  })

  it('no saved path and no tags: says none, and no tags line', () => {
    const body = buildAuditNote({ decision: decision(), consultationPath: [], identity: null, inserted: [], tags: [], marker: 'nmh-x' }, t)
    expect(body).toContain(`${t('note_consultation')}: ${t('note_none')}`)
    expect(body).not.toContain(t('note_tags'))
  })

  it('the marker is kept as it is, even where its digits look like a date', () => {
    const body = buildAuditNote({ decision: decision(), consultationPath: [], identity: null, inserted: [], tags: [], marker: 'nmh-19900102' }, t)
    expect(body.split('\n').at(-1)).toBe('[nmh-19900102]')
  })

  it('reads the saved tags as depth names, nested or per depth', () => {
    const nested = { layout: 'nested', fieldId: 100 } as const
    const definitions = [{ id: 100, title: '', type: 'tagger', options: [{ name: '대리_기사::정산/수수료::정산', tag: 'settlement' }] }]
    expect(pathOfValues(nested, definitions, { 100: 'settlement' })).toEqual(['대리_기사', '정산/수수료', '정산'])
    expect(pathOfValues(nested, definitions, { 100: null })).toEqual([])
    expect(pathOfValues(nested, definitions, { 100: 'unknown_tag' })).toEqual(['unknown_tag'])
    const perDepth = { layout: 'per_depth', fieldIds: [1, 2, 3] } as const
    const fields = [
      { id: 1, title: '', type: 'tagger', options: [{ name: '대리_기사', tag: 'd1' }] },
      { id: 2, title: '', type: 'tagger', options: [{ name: '대리_기사::기타/이벤트', tag: 'd2' }] },
      { id: 3, title: '', type: 'tagger', options: [{ name: '이벤트', tag: 'd3' }] },
    ]
    expect(pathOfValues(perDepth, fields, { 1: 'd1', 2: 'd2', 3: 'd3' })).toEqual(['대리_기사', '기타/이벤트', '이벤트'])
    expect(pathOfValues(perDepth, fields, { 1: 'd1', 2: 'd2', 3: null })).toEqual(['대리_기사', '기타/이벤트'])
  })
})
