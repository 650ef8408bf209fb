/**
 * The one test double of TicketHost for the sidebar's own tests (store, apply): a small ticket
 * in memory (fields, tags, the draft, notes) that every call reads and changes, a log of the
 * calls in order, and a way to make any call fail or wait until the test lets it answer.
 */
import type { RequestedTicket } from '../../src/procedure'
import { ZendeskError } from '../../src/zendesk/calls'
import type {
  FieldDefinition,
  HelpCenterArticle,
  Installation,
  MacroRecord,
  RequesterRecord,
  TicketHost,
  TicketSnapshot,
  UserFieldDefinition,
} from '../../src/zendesk/ticket-host'

/** Settings of a plain installation: a user-field marker, one nested consultation field (100). */
export const FAKE_SETTINGS = {
  member_source: 'user_field',
  member_user_field: 'driver_status',
  member_values: 'member',
  non_member_values: 'non_member',
  consultation_field_ids: '100',
}

/** Field 100's options: the two paths the tests use. */
export const FAKE_FIELD: FieldDefinition = {
  id: 100,
  title: '상담유형',
  type: 'tagger',
  options: [
    { name: '대리_기사::정산/수수료::정산', tag: 'settlement' },
    { name: '대리_기사::기타/이벤트::비회원문의::기타', tag: 'nonmember_other' },
  ],
}

export type HostMethod = Exclude<keyof TicketHost, 'resize'>
/** A call as the host received it: its name and arguments. */
export type HostCall = [HostMethod, ...unknown[]]

/** A promise the test settles by hand. */
export interface Deferred<T> {
  promise: Promise<T>
  resolve: (value: T) => void
  reject: (error: unknown) => void
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

export class FakeHost implements TicketHost {
  readonly calls: HostCall[] = []
  settings: Record<string, unknown> = { ...FAKE_SETTINGS }
  ticketId: number | null = 1
  requester: TicketSnapshot['requester'] = { id: 1, name: '김민수', externalId: null, tags: [] }
  /** The requester's user field as the data API reads it; `undefined`: not readable (REST needed). */
  userField: { value: unknown } | undefined = undefined
  /** The requester records REST answers with, by user id. */
  records: Record<number, RequesterRecord> = { 1: { id: 1, externalId: null, tags: [], userFields: { driver_status: 'non_member' } } }
  customerMessages: string[] = []
  agentLocale = 'ko'
  /** What REST (or the frames' cache) answers for field definitions. */
  definitions: FieldDefinition[] = [FAKE_FIELD]
  /** What the data API answers with the ticket (`ticketFields:custom_field_<id>`); none by default. */
  ticketFields: FieldDefinition[] = []
  /** Whether a re-read (`readFieldDefinitions(ids, true)`) is allowed, as the frames' cache decides. */
  rereadAllowed = true
  fields: Record<number, string | null> = { 100: null }
  tags: string[] = []
  /** What was inserted into the reply editor, in order (texts and `macro:<id>`). */
  draft: string[] = []
  notes: { ticketId: number; body: string }[] = []
  /** The requester's tickets, as `readRequestedTickets` answers (newest first). */
  requested: RequestedTicket[] = []
  /**
   * Calls that fail: the error they reject with every time, or a list for the next calls in turn
   * (an error, or null to answer), after which they answer.
   */
  readonly failures: Partial<Record<HostMethod, unknown>> = {}
  /** Calls the test answers by hand: the next call of that name waits on the deferred given. */
  readonly held: Partial<Record<HostMethod, Deferred<unknown>[]>> = {}
  readonly requesterHandlers = new Set<() => void>()
  /** `currentUser.role` (unset: the host did not say). */
  agentRole: string | undefined = undefined
  /** Help-center article bodies by id (locale `ko`); another id answers 404. */
  articles: Record<number, string> = {}
  userFields: UserFieldDefinition[] = [{ key: 'driver_status', type: 'dropdown', options: ['member', 'non_member'] }]
  /** Macros by id; another id answers 404. */
  macros: Record<number, MacroRecord> = {}
  readonly savedHandlers = new Set<() => void>()
  readonly conversationHandlers = new Set<() => void>()

  /** Records the call, then fails, waits or answers. */
  private async answer<T>(method: HostMethod, args: unknown[], value: () => T): Promise<T> {
    this.calls.push([method, ...args])
    const failure = this.failures[method]
    const error: unknown = Array.isArray(failure) ? failure.shift() : failure
    if (error !== undefined && error !== null) throw error
    const hold = this.held[method]?.shift()
    if (hold) await hold.promise
    return value()
  }

  /** The next call of `method` waits until the returned deferred is resolved (or rejects with it). */
  hold(method: HostMethod): Deferred<unknown> {
    const d = deferred<unknown>()
    ;(this.held[method] ??= []).push(d)
    return d
  }

  /** The calls of one kind, their arguments only. */
  callsOf(method: HostMethod): unknown[][] {
    return this.calls.filter(([name]) => name === method).map(([, ...args]) => args)
  }

  registered(): Promise<Installation> {
    return this.answer('registered', [], () => ({ settings: this.settings }))
  }

  readTicket(request: Parameters<TicketHost['readTicket']>[0] = {}): Promise<TicketSnapshot> {
    return this.answer('readTicket', [request], () => {
      const ids = request.consultationFieldIds ?? []
      return {
        ticketId: this.ticketId,
        requester: this.requester,
        agentLocale: this.agentLocale,
        ticketTags: [...this.tags],
        requesterUserField: request.userFieldKey ? (this.userField ? { available: true, value: this.userField.value } : { available: false }) : null,
        customerMessages: this.customerMessages,
        consultationValues: Object.fromEntries(ids.map((id) => [id, this.fields[id] ?? null])),
        fieldDefinitions: this.ticketFields.filter((field) => ids.includes(field.id)),
        ...(this.agentRole === undefined ? {} : { agentRole: this.agentRole }),
      }
    })
  }

  readRequesterRecord(userId: number): Promise<RequesterRecord> {
    return this.answer('readRequesterRecord', [userId], () => {
      const record = this.records[userId]
      if (!record) throw new Error(`no record ${userId}`)
      return record
    })
  }

  readFieldDefinitions(fieldIds: readonly number[], again?: boolean): Promise<FieldDefinition[] | null> {
    const args = again ? [fieldIds, again] : [fieldIds]
    return this.answer('readFieldDefinitions', args, () =>
      again && !this.rereadAllowed ? null : this.definitions.filter((field) => fieldIds.includes(field.id)),
    )
  }

  readFieldValues(fieldIds: readonly number[]): Promise<Record<number, string | null>> {
    return this.answer('readFieldValues', [fieldIds], () => Object.fromEntries(fieldIds.map((id) => [id, this.fields[id] ?? null])))
  }

  setFieldValues(values: Record<number, string | null>): Promise<void> {
    return this.answer('setFieldValues', [values], () => void Object.assign(this.fields, values))
  }

  insertText(text: string): Promise<void> {
    return this.answer('insertText', [text], () => void this.draft.push(text))
  }

  applyMacro(macroId: number): Promise<void> {
    return this.answer('applyMacro', [macroId], () => void this.draft.push(`macro:${macroId}`))
  }

  addTags(tags: string[]): Promise<void> {
    return this.answer('addTags', [tags], () => void this.tags.push(...tags.filter((tag) => !this.tags.includes(tag))))
  }

  removeTags(tags: string[]): Promise<void> {
    return this.answer('removeTags', [tags], () => void (this.tags = this.tags.filter((tag) => !tags.includes(tag))))
  }

  writeInternalNote(ticketId: number, body: string): Promise<void> {
    return this.answer('writeInternalNote', [ticketId, body], () => void this.notes.push({ ticketId, body }))
  }

  onRequesterChanged(handler: () => void): () => void {
    this.requesterHandlers.add(handler)
    return () => this.requesterHandlers.delete(handler)
  }

  onFieldsChanged(): () => void {
    return () => {}
  }

  resize(): void {}

  readArticle(locale: string, articleId: number): Promise<HelpCenterArticle> {
    return this.answer('readArticle', [locale, articleId], () => {
      const body = locale === 'ko' ? this.articles[articleId] : undefined
      if (body === undefined) throw notFound(`GET /api/v2/help_center/${locale}/articles/${articleId}.json`)
      return { id: articleId, body }
    })
  }

  readUserFields(): Promise<UserFieldDefinition[]> {
    return this.answer('readUserFields', [], () => this.userFields)
  }

  readMacro(macroId: number): Promise<MacroRecord> {
    return this.answer('readMacro', [macroId], () => {
      const macro = this.macros[macroId]
      if (!macro) throw notFound(`GET /api/v2/macros/${macroId}.json`)
      return macro
    })
  }

  onSaved(handler: () => void): () => void {
    this.savedHandlers.add(handler)
    return () => this.savedHandlers.delete(handler)
  }

  onConversationChanged(handler: () => void): () => void {
    this.conversationHandlers.add(handler)
    return () => this.conversationHandlers.delete(handler)
  }

  /** Looks for the marker in the notes the ticket holds (what the server would answer). */
  hasComment(ticketId: number, marker: string): Promise<boolean> {
    return this.answer('hasComment', [ticketId, marker], () => this.notes.some((note) => note.ticketId === ticketId && note.body.includes(marker)))
  }

  /** Zendesk reports the ticket saved (`ticket.submit.done`). */
  saved(): void {
    for (const handler of this.savedHandlers) handler()
  }

  /** A new customer message: the conversation changes (`ticket.conversation.changed`). */
  customerSays(text: string): void {
    this.customerMessages = [text, ...this.customerMessages]
    for (const handler of this.conversationHandlers) handler()
  }

  readRequestedTickets(userId: number): Promise<RequestedTicket[]> {
    return this.answer('readRequestedTickets', [userId], () => this.requested)
  }
}

/** What the host's REST call rejects with for a record that does not exist. */
export const notFound = (call: string) => new ZendeskError({ kind: 'http', call, status: 404, message: 'Not found' })
