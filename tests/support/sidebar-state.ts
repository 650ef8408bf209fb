/** A sidebar state as the store has it once a ticket is read, for tests of the pure parts (view, apply). */
import { parseSettings } from '../../src/sidebar/settings'
import { initialState, type SidebarState } from '../../src/sidebar/state'
import type { TicketSnapshot } from '../../src/zendesk/ticket-host'
import { FAKE_FIELD, FAKE_SETTINGS } from './fake-host'

export const TODAY = new Date('2026-11-25T09:00:00+09:00')

export function snapshot(change: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return {
    ticketId: 1,
    requester: { id: 1, name: '김민수', externalId: null, tags: [] },
    agentLocale: 'ko',
    ticketTags: [],
    requesterUserField: { available: true, value: 'non_member' },
    customerMessages: [],
    consultationValues: { 100: null },
    fieldDefinitions: [],
    ...change,
  }
}

/** A non-member's ticket, read, with the field's options loaded; `settings` change the installation's. */
export function readyState(patch: Partial<SidebarState> = {}, settings: Record<string, unknown> = {}): SidebarState {
  const parsed = parseSettings({ ...FAKE_SETTINGS, ...settings })
  if (!parsed.ok) throw new Error(`test settings do not parse: ${JSON.stringify(parsed.problems)}`)
  return {
    ...initialState('ko'),
    phase: 'ready',
    settings: parsed.settings,
    ticket: snapshot(),
    status: { value: 'non_member', evidence: { code: 'field_non_member', params: { field: 'driver_status', value: 'non_member' } } },
    fieldDefinitions: [FAKE_FIELD],
    ...patch,
  }
}
