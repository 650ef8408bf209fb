/**
 * The audit note, written once after the agent's own save. Apply only records what it did (a
 * pending note, apply.ts); when Zendesk reports the ticket saved (`ticket.submit.done`) this
 * builds the note from the values read back then and writes it. Nothing is written before, on a
 * failed save, or when the agent leaves unsaved: the pending note lives in the frame's memory and
 * goes with it. This module and the builder are a chunk of their own, which the store fetches
 * only to write a note: frames without the setting never load them.
 */
import { loadLanguage, rareTextsFailed, translator } from '../i18n'
import { failureOf, ZendeskError, type ZendeskFailure } from '../zendesk/calls'
import type { FieldDefinition, TicketHost } from '../zendesk/ticket-host'
import { buildAuditNote, type AuditNoteInput } from './audit-note'
import { consultationFieldIds, type ConsultationFields } from './settings'
import type { SidebarState } from './state'

/** What Apply knows for the note; the consultation type and tags come from the saved ticket. */
export type NoteInput = Pick<AuditNoteInput, 'decision' | 'identity' | 'inserted'>

export interface AuditNote {
  input: NoteInput
  /**
   * A line only this note carries, made at its first write and kept for every retry: how a retry
   * finds a note that landed after all. Random, so no other comment of the ticket has it.
   */
  marker?: string
  /** `no_ticket`: saved, but the ticket has no number to write to, so nothing is written. */
  status: 'pending' | 'writing' | 'written' | 'failed' | 'no_ticket'
  failure?: ZendeskFailure | null
}

/**
 * A note's write that timed out and is still under way (the host's `request` has no time limit
 * of its own): a retry waits for it, up to {@link LANDING_WAIT_MS}, before it looks, or a write
 * that lands after the look would be written twice.
 */
let underWay: Promise<unknown> | undefined
export const LANDING_WAIT_MS = 30_000

/** The saved consultation type as depth names (a tag the field does not know stands as itself). */
export function pathOfValues(fields: ConsultationFields, definitions: FieldDefinition[], values: Record<number, string | null>): string[] {
  return consultationFieldIds(fields).flatMap((id) => {
    const tag = values[id]
    const name = definitions.find((field) => field.id === id)?.options.find((option) => option.tag === tag)?.name ?? tag
    // A nested option's name is the whole path; a per-depth one adds its own depth.
    const parts = name ? name.split('::').map((part) => part.trim()) : []
    return fields.layout === 'nested' ? parts : parts.slice(-1)
  })
}

/**
 * Writes the note of the saved ticket and reports how it went: reads back what was saved (the
 * ticket's number too, which a new ticket has only once saved), builds the note from it and writes
 * it. After a failure the PUT may have landed all the same (a time-out says nothing about the
 * server), so a retry looks for the note's marker among the ticket's newest comments first.
 */
export async function writeSavedNote(
  host: TicketHost,
  { settings, fieldDefinitions, language }: SidebarState,
  note: AuditNote,
  report: (patch: Partial<AuditNote>) => void,
): Promise<void> {
  const marker = note.marker ?? `nmh-${Math.random().toString(36).slice(2)}`
  const say = (status: AuditNote['status'], failure?: ZendeskFailure) => report({ status, failure, marker })
  say('writing')
  try {
    const fields = settings?.consultationFields
    const saved = await host.readTicket({ consultationFieldIds: consultationFieldIds(fields) })
    const { ticketId } = saved
    if (ticketId === null) return say('no_ticket')
    // The note's words are rare texts (split.ts): every frame does without them.
    await loadLanguage(language, true)
    if (rareTextsFailed(language)) throw new Error('texts not loaded')
    const body = buildAuditNote(
      {
        ...note.input,
        consultationPath: fields ? pathOfValues(fields, fieldDefinitions ?? [], saved.consultationValues) : [],
        tags: settings?.extraTags.filter((tag) => saved.ticketTags.includes(tag)) ?? [],
        marker,
      },
      translator(language),
    )
    if (note.marker && underWay) await Promise.race([underWay, new Promise((done) => setTimeout(done, LANDING_WAIT_MS))])
    if (!(note.marker && (await host.hasComment(ticketId, marker)))) await host.writeInternalNote(ticketId, body)
    say('written')
  } catch (error) {
    underWay = error instanceof ZendeskError ? error.settled : undefined
    say('failed', failureOf(error))
  }
}
