import { createZafCalls, DEFAULT_CALL_TIMEOUT_MS, hostError, isRecord, text, withTimeout } from './calls'
import type { DefinitionsCache, DefinitionsCacheOptions } from './definitions-cache'
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

/** What the sidebar learns at registration: the installation's settings (the ticket's id comes with the ticket's read). */
export interface Installation {
  settings: Record<string, unknown>
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
  /** The customer's last few messages as plain text, newest first (`ticket.conversation`). */
  customerMessages: string[]
  /** Current tag of each consultation-type field (null when empty). */
  consultationValues: Record<number, string | null>
  /**
   * The consultation fields as the data API describes them (`ticketFields:custom_field_<id>`),
   * in the same round trip: option labels as names, disabled and hidden options left out. Whether
   * a label is the whole nested path is not the host's to say: the caller checks. A field missing
   * here could not be read (an unknown field id, say).
   */
  fieldDefinitions: FieldDefinition[]
  /** `currentUser.role`: `admin`, `agent` or a custom role; unset when the host did not say. */
  agentRole?: string
}

/** The requester's record from the REST API (`/api/v2/users/{id}.json`). */
export interface RequesterRecord {
  id: number
  externalId: string | null
  tags: string[]
  userFields: Record<string, unknown>
}

/** One option of a dropdown ("tagger") field: `name` joins nested levels with `::`, as the agent reads it. */
export interface FieldOption {
  name: string
  tag: string
  /**
   * The name as the admin typed it (REST `raw_name`), where it differs: `name` comes rendered in
   * the agent's language through dynamic content, so a configured Korean path matches this one.
   */
  rawName?: string
}

/** A dropdown field's definition from REST `/api/v2/ticket_fields/{id}.json`, the data API or the frames' cache. */
export interface FieldDefinition {
  id: number
  /** REST's title, for people reading a definition: the sidebar shows none (the data API's is left out). */
  title?: string
  /** Zendesk's field type (`tagger` for a dropdown). */
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
  /**
   * Dropdown definitions from the frames' cache, else through REST (each field at most once per
   * app instance). With `again`, when a configured path was not found in what the cache served:
   * read afresh through REST, or null when this frame may not (once per frame, never for a
   * frame's own read or a copy that was itself such a re-read).
   */
  readFieldDefinitions(fieldIds: readonly number[], again?: boolean): Promise<FieldDefinition[] | null>
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
  /** A help-center article's published body (`/api/v2/help_center/{locale}/articles/{id}.json`); once per app instance. */
  readArticle(locale: string, articleId: number): Promise<HelpCenterArticle>
  /** The account's user fields (`/api/v2/user_fields.json`: its first page, 100 fields). */
  readUserFields(): Promise<UserFieldDefinition[]>
  /** A macro (`/api/v2/macros/{id}.json`); once per app instance, as the field definitions. */
  readMacro(macroId: number): Promise<MacroRecord>
  /** Calls `handler` each time Zendesk reports the ticket saved (`ticket.submit.done`, not `.fail`). */
  onSaved(handler: () => void): () => void
  /** Calls `handler` when the conversation changes; read it again (`readTicket`), the event's data is not trusted. */
  onConversationChanged(handler: () => void): () => void
  /** Whether one of the ticket's newest comments, as the server holds them, contains `marker`. */
  hasComment(ticketId: number, marker: string): Promise<boolean>
  /** The requester's tickets, newest first, one page (REST); a failed read is not retried. */
  readRequestedTickets(userId: number): Promise<RequestedTicket[]>
}

/** A help-center article as the sidebar reads it: its HTML body (configuration, never personal data). */
export interface HelpCenterArticle {
  id: number
  body: string
}

/** A user field: its key, type (`dropdown`, `text`, …) and, for a dropdown, its option values (tags). */
export interface UserFieldDefinition {
  key: string
  type: string
  options: string[]
}

/** A macro: whether it exists as that id is the answer itself; `active` says whether agents can apply it. */
export interface MacroRecord {
  id: number
  title: string
  active: boolean
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

export function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : []
}

/**
 * The customer's recent messages, newest first, from `ticket.conversation`: Zendesk documents it
 * for both workspaces and every channel (email entries are `text/html`), so `ticket.comments`,
 * every comment's HTML of a long ticket, is not read in the one round trip.
 */
export function recentCustomerMessages(conversation: unknown, requester: Requester | null, limit = 3): string[] {
  return (
    records(conversation)
      .filter(({ author }) => isRecord(author) && ((requester && author.id === requester.id) || author.role === 'end-user' || author.role === 'end_user'))
      .flatMap(({ message }) => (isRecord(message) && text(message.content)?.trim() ? [message] : []))
      // Only the few kept are converted: a long email ticket holds much HTML.
      .slice(-limit)
      .reverse()
      .map(({ content, contentType }) => (contentType === 'text/html' ? htmlToText(String(content)) : String(content).trim()))
  )
}

const fieldPath = (id: number) => `ticket.customField:custom_field_${id}`

const definitionPath = (id: number) => `ticketFields:custom_field_${id}`

/** The boundary over a real (or test double) ZAF client; `cache` replaces the frames' cache's defaults (tests). */
export function createTicketHost(client: ZafClient, timeoutMs = DEFAULT_CALL_TIMEOUT_MS, cache?: DefinitionsCacheOptions): TicketHost {
  const calls = createZafCalls(client, timeoutMs)
  // The cache's scope: option names are rendered per account and in the agent's language.
  let account = ''
  let language = ''
  let definitions: DefinitionsCache | undefined

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

  // Calls only some frames make (the article, the admin's check, the audit note): their code loads with the first.
  const configuration = () => import('./configuration-reads').then((reads) => reads.configurationReads(calls, readOnce))
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
      account = String(context.account?.subdomain)
      return { settings: metadata.settings ?? {} }
    },

    async readTicket({ userFieldKey, consultationFieldIds = [] } = {}) {
      const userFieldPath = userFieldKey ? `ticket.requester.customField:${userFieldKey}` : null
      const { values, errors } = await calls.get([
        'ticket.id',
        'ticket.requester',
        'currentUser.locale',
        'currentUser.role',
        'ticket.tags',
        'ticket.conversation',
        ...(userFieldPath ? [userFieldPath] : []),
        ...consultationFieldIds.flatMap((id) => [fieldPath(id), definitionPath(id)]),
      ])
      const requesterError = errors['ticket.requester']
      if (requesterError && errors['currentUser.locale']) throw hostError('get ticket.requester', requesterError)
      const requester = toRequester(values['ticket.requester'])
      language = text(values['currentUser.locale']) ?? 'en'
      return {
        ticketId: asNumber(values['ticket.id']),
        requester,
        agentLocale: language,
        ticketTags: stringList(values['ticket.tags']),
        requesterUserField: userFieldPath
          ? userFieldPath in errors || !requester
            ? { available: false }
            : { available: true, value: values[userFieldPath] }
          : null,
        customerMessages: recentCustomerMessages(values['ticket.conversation'], requester),
        consultationValues: fieldValues(consultationFieldIds, values),
        fieldDefinitions: consultationFieldIds.flatMap((id) => {
          const field = values[definitionPath(id)]
          if (!isRecord(field)) return []
          // A disabled or hidden option is not the agent's to pick.
          const options = records(field.optionValues).flatMap(({ label, value, isEnabled, isVisible }) =>
            typeof label === 'string' && typeof value === 'string' && isEnabled !== false && isVisible !== false ? [{ name: label, tag: value }] : [],
          )
          return [{ id, type: String(field.type), options }]
        }),
        agentRole: text(values['currentUser.role']),
      }
    },

    readRequesterRecord: (userId) =>
      readOnce(`/api/v2/users/${userId}.json`, 'user', (user) => ({
        id: userId,
        externalId: filled(user.external_id),
        tags: stringList(user.tags),
        userFields: isRecord(user.user_fields) ? user.user_fields : {},
      })),

    async readFieldDefinitions(fieldIds, again) {
      // A chunk of its own: a frame whose data API names whole paths never needs it. One cache per
      // frame (its re-read allowance is the frame's), made once the scope is known.
      const lazy = await import('./definitions-cache')
      return (definitions ??= lazy.createDefinitionsCache({ scope: `${account}|${language}`, ...cache }))(
        fieldIds,
        () => Promise.all(fieldIds.map((id) => readOnce(`/api/v2/ticket_fields/${id}.json`, 'ticket_field', (field) => lazy.restDefinition(id, field)))),
        again,
      )
    },

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

    // Only a frame with the audit note writes one: its code loads with the first note.
    writeInternalNote: (ticketId, body) => configuration().then((reads) => reads.writeInternalNote(ticketId, body)),

    onRequesterChanged: (handler) => listen(['ticket.requester.id.changed'], handler),

    onFieldsChanged: (fieldIds, handler) =>
      listen(
        fieldIds.map((id) => `ticket.custom_field_${id}.changed`),
        handler,
      ),

    resize(heightPx) {
      // A failed resize only leaves the frame at its old height: nothing to tell the agent.
      calls.invoke('resize', { width: '100%', height: `${Math.ceil(heightPx)}px` }).catch(() => undefined)
    },

    readArticle: (locale, id) => configuration().then((reads) => reads.readArticle(locale, id)),
    readUserFields: () => configuration().then((reads) => reads.readUserFields()),
    readMacro: (id) => configuration().then((reads) => reads.readMacro(id)),

    onSaved: (handler) => listen(['ticket.submit.done'], handler),

    onConversationChanged: (handler) => listen(['ticket.conversation.changed'], handler),

    hasComment: (ticketId, marker) => configuration().then((reads) => reads.hasComment(ticketId, marker)),

    async readRequestedTickets(userId) {
      const { body } = await calls.request({ url: `/api/v2/users/${userId}/tickets/requested.json?sort_by=created_at&sort_order=desc`, type: 'GET' })
      return records(isRecord(body) ? body.tickets : null).map(({ id, created_at, tags }) => ({
        id: asNumber(id) ?? NaN,
        createdAt: text(created_at) ?? '',
        tags: stringList(tags),
      }))
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
