import { describe, expect, it } from 'vitest'
import { markerReads, readRequesterStatus } from '../../src/sidebar/requester-status'
import type { RequesterRecord } from '../../src/zendesk/ticket-host'
import type { MemberMarker } from '../../src/sidebar/settings'
import type { TicketSnapshot } from '../../src/zendesk/ticket-host'

const fieldMarker = { source: 'user_field', fieldKey: 'driver_status', memberValues: ['member'], nonMemberValues: ['non_member'] } as const

function ticket(change: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return {
    ticketId: 1,
    requester: { id: 5, name: '김민수', externalId: null, tags: [] },
    agentLocale: 'ko',
    ticketTags: [],
    requesterUserField: { available: true, value: 'non_member' },
    customerMessages: [],
    consultationValues: {},
    fieldDefinitions: [],
    ...change,
  }
}

describe('readRequesterStatus', () => {
  it.each<[string, MemberMarker, Partial<TicketSnapshot>, string, string]>([
    ['field = member', fieldMarker, { requesterUserField: { available: true, value: 'member' } }, 'member', 'field_member'],
    ['field = MEMBER (case)', fieldMarker, { requesterUserField: { available: true, value: 'MEMBER' } }, 'member', 'field_member'],
    ['field = non_member', fieldMarker, {}, 'non_member', 'field_non_member'],
    ['field empty', fieldMarker, { requesterUserField: { available: true, value: null } }, 'non_member', 'field_empty'],
    ['field value unknown to the settings', fieldMarker, { requesterUserField: { available: true, value: 'suspended' } }, 'unknown', 'field_unknown_value'],
    [
      'user tag present',
      { source: 'user_tag', memberTags: ['verified'] },
      { requester: { id: 5, name: '', externalId: null, tags: ['vip', 'verified'] } },
      'member',
      'tag_present',
    ],
    ['user tag absent', { source: 'user_tag', memberTags: ['verified'] }, {}, 'non_member', 'tag_absent'],
    ['ticket tag present', { source: 'ticket_tag', memberTags: ['verified'] }, { ticketTags: ['verified'] }, 'member', 'tag_present'],
    [
      'ticket tag on the user only',
      { source: 'ticket_tag', memberTags: ['verified'] },
      { requester: { id: 5, name: '', externalId: null, tags: ['verified'] } },
      'non_member',
      'tag_absent',
    ],
    ['external id present', { source: 'external_id' }, { requester: { id: 5, name: '', externalId: 'drv-1', tags: [] } }, 'member', 'external_id_present'],
    ['external id absent', { source: 'external_id' }, {}, 'non_member', 'external_id_absent'],
  ])('%s', (_, marker, change, status, code) => {
    const reading = readRequesterStatus(marker, ticket(change))
    expect(reading).toMatchObject({ kind: 'known', status, evidence: { code } })
  })

  it('decides nothing without a requester (a new ticket)', () => {
    expect(readRequesterStatus(fieldMarker, ticket({ requester: null }))).toEqual({ kind: 'no_requester' })
  })

  it('asks for the REST record when the data API could not read the field, and says how to finish with it', () => {
    const reading = readRequesterStatus(fieldMarker, ticket({ requesterUserField: { available: false } }))
    expect(reading).toMatchObject({ kind: 'needs_record', userId: 5 })
    if (reading.kind !== 'needs_record') throw new Error('expected a record to read')
    expect(reading.finish({ id: 5, externalId: null, tags: [], userFields: { driver_status: 'member' } })).toEqual({
      status: 'member',
      evidence: { code: 'field_member', params: { field: 'driver_status', value: 'member' } },
    })
  })

  /** The status a needs_record reading finishes with, from this record. */
  const statusFromRecord = (marker: typeof fieldMarker, record: RequesterRecord) => {
    const reading = readRequesterStatus(marker, ticket({ requesterUserField: { available: false } }))
    if (reading.kind !== 'needs_record') throw new Error('expected a record to read')
    return reading.finish(record)
  }

  it('finishes from the REST record', () => {
    expect(statusFromRecord(fieldMarker, { id: 5, externalId: null, tags: [], userFields: { driver_status: 'member' } })).toEqual({
      status: 'member',
      evidence: { code: 'field_member', params: { field: 'driver_status', value: 'member' } },
    })
    expect(statusFromRecord(fieldMarker, { id: 5, externalId: null, tags: [], userFields: { driver_status: null } }).status).toBe('non_member')
  })

  it('calls a field the record does not have a setting problem, not a non-member', () => {
    expect(statusFromRecord(fieldMarker, { id: 5, externalId: null, tags: [], userFields: { other: 'x' } })).toEqual({
      status: 'unknown',
      evidence: { code: 'field_missing', params: { field: 'driver_status', value: '' } },
    })
  })
})

describe('markerReads', () => {
  it.each<[MemberMarker | undefined, string | null]>([
    [fieldMarker, 'driver_status'],
    [{ source: 'user_tag', memberTags: ['verified'] }, null],
    [{ source: 'ticket_tag', memberTags: ['verified'] }, null],
    [{ source: 'external_id' }, null],
    // Broken settings: no marker, nothing extra to read.
    [undefined, null],
  ])('%j reads the user field %s', (marker, userFieldKey) => {
    expect(markerReads(marker)).toEqual({ userFieldKey })
  })
})
