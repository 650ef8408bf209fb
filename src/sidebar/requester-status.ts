import type { MemberMarker } from './settings'
import type { RequesterRecord, TicketSnapshot } from '../zendesk/ticket-host'

/** member / non-member / unknown, as the procedure module names them. */
export type RequesterStatusValue = 'member' | 'non_member' | 'unknown'

/**
 * Why the status is what it is, for the header ("user field driver_status = non_member").
 * `code` is a message key; `params` fill it.
 */
export interface StatusEvidence {
  code:
    | 'field_missing'
    | 'field_member'
    | 'field_non_member'
    | 'field_empty'
    | 'field_unknown_value'
    | 'tag_present'
    | 'tag_absent'
    | 'external_id_present'
    | 'external_id_absent'
  params: Record<string, string>
}

export type StatusReading =
  | { kind: 'known'; status: RequesterStatusValue; evidence: StatusEvidence }
  /** No requester yet (a new ticket) or one without an id: nothing to decide. */
  | { kind: 'no_requester' }
  /** The data API could not read the marker: the requester's record (REST) is needed. */
  | { kind: 'needs_record'; userId: number }

function fieldValueText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.trim()
  return JSON.stringify(value)
}

/** Applies the configured member marker to a field value (from the data API or REST). */
export function statusFromFieldValue(marker: Extract<MemberMarker, { source: 'user_field' }>, value: unknown): {
  status: RequesterStatusValue
  evidence: StatusEvidence
} {
  const shown = fieldValueText(value)
  const params = { field: marker.fieldKey, value: shown }
  // The REST record lists every user field of the account, empty ones as null: a key that is not
  // there at all is a setting naming a field that does not exist.
  if (value === undefined) return { status: 'unknown', evidence: { code: 'field_missing', params } }
  const normalised = shown.toLowerCase()
  if (normalised === '' || value === false) return { status: 'non_member', evidence: { code: 'field_empty', params } }
  if (marker.memberValues.some((v) => v.toLowerCase() === normalised)) {
    return { status: 'member', evidence: { code: 'field_member', params } }
  }
  if (marker.nonMemberValues.some((v) => v.toLowerCase() === normalised)) {
    return { status: 'non_member', evidence: { code: 'field_non_member', params } }
  }
  // A value the settings do not know: the agent decides, nothing is assumed.
  return { status: 'unknown', evidence: { code: 'field_unknown_value', params } }
}

/**
 * Reads the requester's status from what one batched `get` returned; asks for the REST record
 * only when the data API could not read the configured user field.
 */
export function readRequesterStatus(marker: MemberMarker, ticket: TicketSnapshot): StatusReading {
  const requester = ticket.requester
  if (!requester) return { kind: 'no_requester' }
  switch (marker.source) {
    case 'user_field': {
      const read = ticket.requesterUserField
      if (!read || !read.available) return { kind: 'needs_record', userId: requester.id }
      return { kind: 'known', ...statusFromFieldValue(marker, read.value) }
    }
    case 'user_tag':
    case 'ticket_tag': {
      const tags = marker.source === 'user_tag' ? requester.tags : ticket.ticketTags
      const found = marker.memberTags.find((tag) => tags.includes(tag))
      return found
        ? { kind: 'known', status: 'member', evidence: { code: 'tag_present', params: { tag: found, where: marker.source } } }
        : {
            kind: 'known',
            status: 'non_member',
            evidence: { code: 'tag_absent', params: { tag: marker.memberTags.join(', '), where: marker.source } },
          }
    }
    case 'external_id':
      return requester.externalId
        ? { kind: 'known', status: 'member', evidence: { code: 'external_id_present', params: {} } }
        : { kind: 'known', status: 'non_member', evidence: { code: 'external_id_absent', params: {} } }
  }
}

/** Finishes a `needs_record` reading with the requester's REST record. */
export function statusFromRecord(
  marker: Extract<MemberMarker, { source: 'user_field' }>,
  record: RequesterRecord,
): { status: RequesterStatusValue; evidence: StatusEvidence } {
  return statusFromFieldValue(marker, record.userFields[marker.fieldKey])
}
