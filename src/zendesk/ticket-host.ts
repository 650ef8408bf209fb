import { createZafCalls, DEFAULT_CALL_TIMEOUT_MS, hostError, isRecord, text, withTimeout } from './calls'
import { editorHtml } from './editor-html'
import type { ZafClient, ZafGlobal } from './zaf'
import type { RequestedTicket } from '../procedure'

/** The ticket's requester, as plain values. */
export interface Requester {
  id: number
  name: string
  externalId: string | null
  tags: string[]
}

/** What the sidebar learns at registration: the installation's settings. */
export interface Installation {
  settings: Record<string, unknown>
  ticketId: number | null
}

/** What to read besides the requester: the member marker's user field and the 상담유형 fields. */
export interface TicketReadRequest {
  userFieldKey?: string | null
  consultationFieldIds?: readonly number[]
}

/** A user field's value as the data API gave it, or `unavailable` when the host could not read it. */
export type UserFieldRead = { available: true; value: unknown } | { available: false }

/** One read of the ticket, in one round trip. */
export interface TicketSnapshot {
  ticketId: number | null
  requester: Requester | null
  agentLocale: string
  ticketTags: string[]
  /** The requester's user field named in the request, when asked for. */
  requesterUserField: UserFieldRead | null
  /** The customer's last few messages as plain text, newest first (chat/messaging, else comments). */
  customerMessages: string[]
  /** Current tag of each consultation-type field (null when empty). */
  consultationValues: Record<number, string | null>
  /** Consultation fields the host could not read (unknown field id). */
  unreadableFields: number[]
}

/** The requester's record from the REST API (`/api/v2/users/{id}.json`). */
export interface RequesterRecord {
  id: number
  externalId: string | null
  tags: string[]
  userFields: Record<string, unknown>
}

/** One option of a dropdown ("tagger") field: `name` joins nested levels with `::`. */
export interface FieldOption {
  name: string
  tag: string
}

/** A dropdown field's definition from `/api/v2/ticket_fields/{id}.json`. */
export interface FieldDefinition {
  id: number
  title: string
  type: string
  options: FieldOption[]
}

/**
 * Everything the rest of the app may ask of Zendesk. Implementations live in this folder only;
 * callers receive plain typed values and `ZendeskError`s.
 */
export interface TicketHost {
  /** Resolves once Zendesk has registered the app (settings and context come with it). */
  registered(): Promise<Installation>
  /** Reads the requester, the agent's locale, tags, the latest message and field values at once. */
  readTicket(request?: TicketReadRequest): Promise<TicketSnapshot>
  /** The requester's record through REST; one call per requester per app instance. */
  readRequesterRecord(userId: number): Promise<RequesterRecord>
  /** Dropdown definitions through REST; each field fetched at most once per app instance. */
  readFieldDefinitions(fieldIds: readonly number[]): Promise<FieldDefinition[]>
  /** Current tags of the given dropdown fields. */
  readFieldValues(fieldIds: readonly number[]): Promise<Record<number, string | null>>
  /** Sets the given dropdown fields to option tags (null clears), in one call. */
  setFieldValues(values: Record<number, string | null>): Promise<void>
  /** Inserts text at the cursor of the reply editor (never replaces the draft). */
  insertText(text: string): Promise<void>
  /** Applies an existing Zendesk macro to the ticket. */
  applyMacro(macroId: number): Promise<void>
  addTags(tags: string[]): Promise<void>
  removeTags(tags: string[]): Promise<void>
  /** Adds an internal (private) comment to a saved ticket without touching the draft. */
  writeInternalNote(ticketId: number, body: string): Promise<void>
  /** Calls `handler` when the ticket's requester changes; returns the unsubscribe function. */
  onRequesterChanged(handler: () => void): () => void
  /** Calls `handler` when the agent changes one of these fields by hand. */
  onFieldsChanged(fieldIds: readonly number[], handler: () => void): () => void
  /** Fits the iframe to the content's height. */
  resize(heightPx: number): void
  /** The requester's tickets, newest first, one page (REST); a failed read is not retried. */
  readRequestedTickets(userId: number): Promise<RequestedTicket[]>
}

function asNumber(value: unknown): number | null {
  return Number.isFinite(value) ? (value as number) : null
}

/** A string that says something, else null (Zendesk leaves empty strings in unset fields). */
function filled(value: unknown): string | null {
  return text(value) || null
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

/** Reads a ZAF user object defensively: any field may be missing on odd or anonymous users. */
export function toRequester(raw: unknown): Requester | null {
  if (!isRecord(raw)) return null
  const id = asNumber(raw.id)
  return id === null ? null : { id, name: text(raw.name) ?? '', externalId: filled(raw.externalId), tags: stringList(raw.tags) }
}

/** The entities Zendesk writes in comment HTML; the two left out (`#39`, `apos`) are apostrophes. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' }

/** A comment's HTML as plain text: the hint only needs the words, never the markup. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : []
}

/** Something said on the ticket: its raw text, and whether that text is HTML. */
type Said = [words: unknown, html: boolean]

/**
 * The customer's recent messages, newest first: the messaging conversation when the ticket has
 * one (Agent Workspace chats), else the comments the requester wrote.
 */
export function recentCustomerMessages(conversation: unknown, comments: unknown, requester: Requester | null, limit = 3): string[] {
  const byCustomer = ({ author }: Record<string, unknown>) =>
    isRecord(author) && ((requester && author.id === requester.id) || author.role === 'end-user' || author.role === 'end_user')
  // Blank texts are skipped, and only the few kept are converted: a long ticket holds much HTML.
  const newest = (said: Said[]) =>
    said
      .filter(([words]) => text(words)?.trim())
      .slice(-limit)
      .reverse()
      .map(([words, html]) => (html ? htmlToText(words as string) : (words as string).trim()))
  const chat = newest(
    records(conversation)
      .filter(byCustomer)
      .map(({ message }): Said => (isRecord(message) ? [message.content, message.contentType === 'text/html'] : [null, false])),
  )
  return chat.length ? chat : newest(records(comments).filter(byCustomer).map(({ value }): Said => [value, true]))
}

const fieldPath = (id: number) => `ticket.customField:custom_field_${id}`

/** The boundary over a real (or test double) ZAF client. */
export function createTicketHost(client: ZafClient, timeoutMs = DEFAULT_CALL_TIMEOUT_MS): TicketHost {
  const calls = createZafCalls(client, timeoutMs)

  // Per app instance, each REST record (a requester, a field definition) is read once.
  const restReads = new Map<string, Promise<unknown>>()
  const readOnce = <T>(url: string, key: string, convert: (record: Record<string, unknown>) => T): Promise<T> => {
    let read = restReads.get(url) as Promise<T> | undefined
    if (!read) {
      read = calls.request({ url, type: 'GET' }).then(({ body }) => {
        const record = isRecord(body) ? body[key] : null
        if (!isRecord(record)) throw hostError(`GET ${url}`, `no ${key} in the answer`)
        return convert(record)
      })
      restReads.set(url, read)
      // A failed read may be retried later: forget it.
      read.catch(() => restReads.delete(url))
    }
    return read
  }

  const fieldValues = (fieldIds: readonly number[], values: Record<string, unknown>): Record<number, string | null> =>
    Object.fromEntries(fieldIds.map((id) => [id, filled(values[fieldPath(id)])]))

  const listen = (events: string[], handler: () => void) => {
    for (const event of events) client.on(event, handler)
    return () => {
      for (const event of events) client.off(event, handler)
    }
  }

  const changeTags = async (action: string, tags: string[]) => {
    if (tags.length) await calls.invoke(action, tags)
  }

  return {
    async registered() {
      const [context, metadata] = await withTimeout('app.registered', Promise.all([client.context(), client.metadata()]), timeoutMs)
      return { settings: metadata.settings ?? {}, ticketId: asNumber(context.ticketId) }
    },

    async readTicket({ userFieldKey, consultationFieldIds = [] } = {}) {
      const userFieldPath = userFieldKey ? `ticket.requester.customField:${userFieldKey}` : null
      const { values, errors } = await calls.get([
        'ticket.id',
        'ticket.requester',
        'currentUser.locale',
        'ticket.tags',
        'ticket.conversation',
        'ticket.comments',
        ...(userFieldPath ? [userFieldPath] : []),
        ...consultationFieldIds.map(fieldPath),
      ])
      const requesterError = errors['ticket.requester']
      if (requesterError && errors['currentUser.locale']) throw hostError('get ticket.requester', requesterError)
      const requester = toRequester(values['ticket.requester'])
      return {
        ticketId: asNumber(values['ticket.id']),
        requester,
        agentLocale: text(values['currentUser.locale']) ?? 'en',
        ticketTags: stringList(values['ticket.tags']),
        requesterUserField: userFieldPath
          ? userFieldPath in errors || !requester
            ? { available: false }
            : { available: true, value: values[userFieldPath] }
          : null,
        customerMessages: recentCustomerMessages(values['ticket.conversation'], values['ticket.comments'], requester),
        consultationValues: fieldValues(consultationFieldIds, values),
        unreadableFields: consultationFieldIds.filter((id) => fieldPath(id) in errors),
      }
    },

    readRequesterRecord: (userId) =>
      readOnce(`/api/v2/users/${userId}.json`, 'user', (user) => ({
        id: userId,
        externalId: filled(user.external_id),
        tags: stringList(user.tags),
        userFields: isRecord(user.user_fields) ? user.user_fields : {},
      })),

    readFieldDefinitions: (fieldIds) =>
      Promise.all(
        fieldIds.map((id) =>
          readOnce(`/api/v2/ticket_fields/${id}.json`, 'ticket_field', (field) => ({
            id,
            title: text(field.title) ?? String(id),
            type: text(field.type) ?? 'unknown',
            options: records(field.custom_field_options).flatMap(({ name, value }) =>
              typeof name === 'string' && typeof value === 'string' ? [{ name, tag: value }] : [],
            ),
          })),
        ),
      ),

    async readFieldValues(fieldIds) {
      const { values, errors } = await calls.get(fieldIds.map(fieldPath))
      const [unreadable] = Object.entries(errors)
      if (unreadable) throw hostError(`get ${unreadable[0]}`, unreadable[1])
      return fieldValues(fieldIds, values)
    },

    setFieldValues: (values) => calls.set(Object.fromEntries(Object.entries(values).map(([id, tag]) => [fieldPath(Number(id)), tag]))),

    // HTML, never plain text: each insert is its own paragraphs, its line breaks survive.
    insertText: (text) => calls.invoke('ticket.editor.insert', editorHtml(text)),

    applyMacro: (macroId) => calls.invoke('macro', macroId),

    addTags: (tags) => changeTags('ticket.tags.add', tags),

    removeTags: (tags) => changeTags('ticket.tags.remove', tags),

    async writeInternalNote(ticketId, body) {
      await calls.request({
        url: `/api/v2/tickets/${ticketId}.json`,
        type: 'PUT',
        contentType: 'application/json',
        data: JSON.stringify({ ticket: { comment: { body, public: false } } }),
      })
    },

    onRequesterChanged: (handler) => listen(['ticket.requester.id.changed'], handler),

    onFieldsChanged: (fieldIds, handler) => listen(fieldIds.map((id) => `ticket.custom_field_${id}.changed`), handler),

    resize(heightPx) {
      // A failed resize only leaves the frame at its old height: nothing to tell the agent.
      calls.invoke('resize', { width: '100%', height: `${Math.ceil(heightPx)}px` }).catch(() => undefined)
    },

    async readRequestedTickets(userId) {
      const { body } = await calls.request({ url: `/api/v2/users/${userId}/tickets/requested.json?sort_by=created_at&sort_order=desc`, type: 'GET' })
      return records(isRecord(body) ? body.tickets : null).map(({ id, created_at, tags }) => ({ id: asNumber(id) ?? NaN, createdAt: text(created_at) ?? '', tags: stringList(tags) }))
    },
  }
}

/**
 * Connects to Zendesk through the SDK global. Returns null when the page was not opened by
 * Zendesk (no `origin`/`app_guid` in the URL, or no SDK script loaded).
 */
export function connectToZendesk(global: { ZAFClient?: ZafGlobal } = window as { ZAFClient?: ZafGlobal }): TicketHost | null {
  const client = global.ZAFClient?.init()
  return client ? createTicketHost(client) : null
}
