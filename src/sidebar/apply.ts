/**
 * What the sidebar writes to the ticket, over TicketHost: texts at the cursor, and Apply as one
 * transaction (consultation type, tags, texts) that undoes itself when a step fails; Undo restores
 * what an Apply changed. Apply writes no note: it leaves one pending, written after the agent's
 * own save (saved-note.ts). Also, as pure functions, the plan an Apply follows and the state after
 * it (the store only runs them).
 */
import { branchTag } from '../procedure'
import { failureOf, type ZendeskFailure } from '../zendesk/calls'
import type { TicketHost, TicketSnapshot } from '../zendesk/ticket-host'
import type { FieldWrite } from './consultation'
import type { AuditNote } from './saved-note'
import type { AppliedChange, SidebarState } from './state'
import type { Piece, SidebarView } from './view'

/** Inserts texts in order: consecutive texts in one insert, a step with a macro as that macro. */
export async function insertPieces(host: TicketHost, pieces: readonly Piece[]): Promise<void> {
  let texts: string[] = []
  const flush = async () => {
    if (texts.length) await host.insertText(texts.join('\n\n'))
    texts = []
  }
  for (const piece of pieces) {
    if (piece.macroId) {
      await flush()
      await host.applyMacro(piece.macroId)
    } else texts.push(piece.text)
  }
  await flush()
}

/** Everything one Apply does, decided before it starts. */
export interface ApplyPlan {
  /** The consultation type's option tags, by field id. */
  write: FieldWrite
  /** Tags to add (those the ticket does not have yet). */
  tags: string[]
  /** The texts to insert, in order. */
  pieces: readonly Piece[]
  /** The audit note this Apply leaves pending, when the setting asks for one. */
  note: AuditNote | null
  /** The previous Apply: a field still holding what it wrote was not set by hand. */
  lastApply: AppliedChange | null
  /** Overwrite a value the agent set by hand (they were asked). */
  overwrite: boolean
}

export type ApplyOutcome =
  /** A consultation field holds a value the agent set by hand: nothing written, ask first. */
  | { kind: 'ask'; current: FieldWrite }
  | { kind: 'applied'; change: AppliedChange }
  /** A step failed: what was done is undone, or, when that failed too, `leftApplied` says what stays. */
  | { kind: 'failed'; failure: ZendeskFailure; leftApplied: AppliedChange | null }

/** The plan for Apply now, or null when Apply cannot run (see the view's blocker). */
export function planFor(state: SidebarState, view: SidebarView, overwrite: boolean): ApplyPlan | null {
  const { decision, resolution } = view
  const { settings, ticket } = state
  if (!decision?.applies || view.applyBlocker || !resolution?.ok || !settings || !ticket) return null
  const { pending } = view
  return {
    write: resolution.write,
    // The branch's reporting tag first (Explore counts branches by it; re-inquiry evidence reads it).
    tags: [branchTag(decision.branch.number), ...settings.extraTags].filter((tag) => !ticket.ticketTags.includes(tag)),
    pieces: pending,
    // Pending until the save (a new ticket gets its number then); the steps of an earlier Apply not saved yet stay in it.
    note: settings.auditNote
      ? {
          input: {
            decision,
            identity: view.identityCheck,
            inserted: [...(state.auditNote?.status === 'pending' ? state.auditNote.input.inserted : []), ...pending.map((piece) => piece.id)],
          },
          status: 'pending',
        }
      : null,
    lastApply: state.lastApply,
    overwrite,
  }
}

/** A value the agent set by hand that Apply would replace (not one this app wrote). */
function handSetConflict(current: FieldWrite, write: FieldWrite, lastApply: AppliedChange | null): boolean {
  return Object.entries(write).some(([id, tag]) => {
    const now = current[+id] ?? null
    return now !== null && now !== tag && now !== (lastApply?.written[+id] ?? null)
  })
}

/**
 * Applies a plan: reads the fields (to ask before overwriting a hand-set value), sets them, adds
 * the tags, inserts the texts; all or nothing.
 */
export async function applyPlan(host: TicketHost, plan: ApplyPlan): Promise<ApplyOutcome> {
  const change: AppliedChange = { previous: {}, written: plan.write, addedTags: [] }
  let fieldsWritten = false
  try {
    const previous = (change.previous = await host.readFieldValues(Object.keys(plan.write).map(Number)))
    if (!plan.overwrite && handSetConflict(previous, plan.write, plan.lastApply)) return { kind: 'ask', current: previous }
    await host.setFieldValues(plan.write)
    fieldsWritten = true
    change.addedTags = plan.tags
    await host.addTags(plan.tags)
    await insertPieces(host, plan.pieces)
  } catch (error) {
    const rolledBack =
      !fieldsWritten ||
      (await restore(host, change).then(
        () => true,
        () => false,
      ))
    return { kind: 'failed', failure: failureOf(error), leftApplied: rolledBack ? null : change }
  }
  return { kind: 'applied', change }
}

/** The ticket as shown once the app changed it: these field values, the tags as `tags` makes them. */
function changed({ ticket }: SidebarState, values: FieldWrite, tags: (tags: string[]) => string[]): TicketSnapshot | null {
  return ticket && { ...ticket, consultationValues: { ...ticket.consultationValues, ...values }, ticketTags: tags(ticket.ticketTags) }
}

/** The state after an Apply: what it wrote and a message, or the question to ask first. */
export function afterApply(state: SidebarState, plan: ApplyPlan, outcome: ApplyOutcome): Partial<SidebarState> {
  if (outcome.kind === 'ask') return { busy: null, confirmOverwrite: outcome.current }
  if (outcome.kind === 'failed') {
    const { leftApplied } = outcome
    return {
      busy: null,
      ...(leftApplied ? { lastApply: leftApplied } : {}),
      notice: { tone: 'error', key: leftApplied ? 'failedApplyPartial' : 'failedApply', failure: outcome.failure },
    }
  }
  const { change } = outcome
  return {
    busy: null,
    inserted: [...state.inserted, ...plan.pieces.map((piece) => piece.id)],
    lastApply: change,
    ticket: changed(state, change.written, (tags) => [...tags, ...change.addedTags]),
    auditNote: plan.note ?? state.auditNote,
    notice: { tone: 'success', key: 'applied' },
  }
}

/** Puts back the field values and removes the tags of an Apply (its rollback, and Undo). */
export async function restore(host: TicketHost, { previous, addedTags }: AppliedChange): Promise<void> {
  await host.setFieldValues(previous)
  await host.removeTags(addedTags)
}

/** The state after Undo: the field values and tags as they were before the Apply, and no note pending. */
export function afterUndo(state: SidebarState, undone: AppliedChange): Partial<SidebarState> {
  return {
    busy: null,
    lastApply: null,
    ticket: changed(state, undone.previous, (tags) => tags.filter((tag) => !undone.addedTags.includes(tag))),
    auditNote: state.auditNote?.status === 'pending' ? null : state.auditNote,
    notice: { tone: 'success', key: 'undone' },
  }
}
