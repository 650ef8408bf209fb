import type { MemberMarker } from './settings'
import type { RequesterRecord, TicketReadRequest, TicketSnapshot } from '../zendesk/ticket-host'

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

/** A status and why. */
export type Status = { status: RequesterStatusValue; evidence: StatusEvidence }

export type StatusReading =
  | ({ kind: 'known' } & Status)
  /** No requester yet (a new ticket) or one without an id: nothing to decide. */
  | { kind: 'no_requester' }
  /** The data API could not read the marker: read the requester's record (REST), then `finish` with it. */
  | { kind: 'needs_record'; userId: number; finish: (record: RequesterRecord) => Status }

type FieldMarker = Extract<MemberMarker, { source: 'user_field' }>

/** What the ticket's batched read must include for the marker to be read (the user field, for a user-field marker). */
export function markerReads(marker: MemberMarker | undefined): Pick<TicketReadRequest, 'userFieldKey'> {
  return { userFieldKey: marker?.source === 'user_field' ? marker.fieldKey : null }
}

const decided = (status: RequesterStatusValue, code: StatusEvidence['code'], params: Record<string, string> = {}): Status => ({
  status,
  evidence: { code, params },
})

/** Applies the configured member marker to a field value (from the data API or REST). */
export function statusFromFieldValue(marker: FieldMarker, value: unknown): Status {
  const shown = value == null ? '' : typeof value === 'string' ? value.trim() : JSON.stringify(value)
  const params = { field: marker.fieldKey, value: shown }
  // The REST record lists every user field of the account, empty ones as null: a key that is not
  // there at all is a setting naming a field that does not exist.
  if (value === undefined) return decided('unknown', 'field_missing', params)
  const normalised = shown.toLowerCase()
  const listed = (values: readonly string[]) => values.some((v) => v.toLowerCase() === normalised)
  if (normalised === '' || value === false) return decided('non_member', 'field_empty', params)
  if (listed(marker.memberValues)) return decided('member', 'field_member', params)
  if (listed(marker.nonMemberValues)) return decided('non_member', 'field_non_member', params)
  // A value the settings do not know: the agent decides, nothing is assumed.
  return decided('unknown', 'field_unknown_value', params)
}

/**
 * Reads the requester's status from what one batched `get` returned; asks for the REST record
 * only when the data API could not read the configured user field.
 */
export function readRequesterStatus(marker: MemberMarker, ticket: TicketSnapshot): StatusReading {
  const requester = ticket.requester
  if (!requester) return { kind: 'no_requester' }
  let status: Status
  if (marker.source === 'user_field') {
    const read = ticket.requesterUserField
    if (!read?.available)
      return { kind: 'needs_record', userId: requester.id, finish: (record) => statusFromFieldValue(marker, record.userFields[marker.fieldKey]) }
    status = statusFromFieldValue(marker, read.value)
  } else if (marker.source === 'external_id') {
    status = requester.externalId ? decided('member', 'external_id_present') : decided('non_member', 'external_id_absent')
  } else {
    const where = marker.source
    const tags = where === 'user_tag' ? requester.tags : ticket.ticketTags
    const found = marker.memberTags.find((tag) => tags.includes(tag))
    status = found ? decided('member', 'tag_present', { tag: found, where }) : decided('non_member', 'tag_absent', { tag: marker.memberTags.join(', '), where })
  }
  return { kind: 'known', ...status }
}
