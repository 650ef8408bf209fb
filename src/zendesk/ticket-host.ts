import { withTimeout, ZafCalls, ZendeskError } from './calls'
import type { ZafClient, ZafGlobal } from './zaf'

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
  consultationFieldIds?: number[]
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
  readFieldDefinitions(fieldIds: number[]): Promise<FieldDefinition[]>
  /** Current tags of the given dropdown fields. */
  readFieldValues(fieldIds: number[]): Promise<Record<number, string | null>>
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
  onFieldsChanged(fieldIds: number[], handler: () => void): () => void
  /** Fits the iframe to the content's height. */
  resize(heightPx: number): void
}

function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

/** Reads a ZAF user object defensively: any field may be missing on odd or anonymous users. */
export function toRequester(raw: unknown): Requester | null {
  if (!isRecord(raw)) return null
  const id = asNumber(raw.id)
  if (id === null) return null
  return {
    id,
    name: typeof raw.name === 'string' ? raw.name : '',
    externalId: typeof raw.externalId === 'string' && raw.externalId !== '' ? raw.externalId : null,
    tags: stringList(raw.tags),
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' }

/** A comment's HTML as plain text: the hint only needs the words, never the markup. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function isCustomer(author: unknown, requester: Requester | null): boolean {
  if (!isRecord(author)) return false
  if (requester && asNumber(author.id) === requester.id) return true
  return author.role === 'end-user' || author.role === 'end_user'
}

/**
 * The customer's recent messages, newest first: the messaging conversation when the ticket has
 * one (Agent Workspace chats), else the comments the requester wrote.
 */
export function recentCustomerMessages(conversation: unknown, comments: unknown, requester: Requester | null, limit = 3): string[] {
  const out: string[] = []
  if (Array.isArray(conversation)) {
    for (let i = conversation.length - 1; i >= 0 && out.length < limit; i--) {
      const entry: unknown = conversation[i]
      if (!isRecord(entry) || !isCustomer(entry.author, requester)) continue
      const message = entry.message
      if (isRecord(message) && typeof message.content === 'string' && message.content.trim() !== '') {
        out.push(message.contentType === 'text/html' ? htmlToText(message.content) : message.content.trim())
      }
    }
  }
  if (out.length === 0 && Array.isArray(comments)) {
    for (let i = comments.length - 1; i >= 0 && out.length < limit; i--) {
      const comment: unknown = comments[i]
      if (!isRecord(comment) || !isCustomer(comment.author, requester)) continue
      if (typeof comment.value === 'string' && comment.value.trim() !== '') out.push(htmlToText(comment.value))
    }
  }
  return out
}

const fieldPath = (id: number) => `ticket.customField:custom_field_${id}`

function toFieldDefinition(id: number, body: unknown): FieldDefinition {
  const field = isRecord(body) && isRecord(body.ticket_field) ? body.ticket_field : null
  if (!field) throw new ZendeskError({ kind: 'host', call: `GET /api/v2/ticket_fields/${id}.json`, message: 'no ticket_field in the answer' })
  const options = Array.isArray(field.custom_field_options) ? field.custom_field_options : []
  return {
    id,
    title: typeof field.title === 'string' ? field.title : String(id),
    type: typeof field.type === 'string' ? field.type : 'unknown',
    options: options.flatMap((option: unknown) =>
      isRecord(option) && typeof option.name === 'string' && typeof option.value === 'string'
        ? [{ name: option.name, tag: option.value }]
        : [],
    ),
  }
}

function toRequesterRecord(id: number, body: unknown): RequesterRecord {
  const user = isRecord(body) && isRecord(body.user) ? body.user : null
  if (!user) throw new ZendeskError({ kind: 'host', call: `GET /api/v2/users/${id}.json`, message: 'no user in the answer' })
  return {
    id,
    externalId: typeof user.external_id === 'string' && user.external_id !== '' ? user.external_id : null,
    tags: stringList(user.tags),
    userFields: isRecord(user.user_fields) ? user.user_fields : {},
  }
}

/** The boundary over a real (or test double) ZAF client. */
export function createTicketHost(client: ZafClient, timeoutMs?: number): TicketHost {
  const calls = new ZafCalls(client, timeoutMs)
  // Per app instance: a requester's record and a field's definition are read once.
  const requesterRecords = new Map<number, Promise<RequesterRecord>>()
  const fieldDefinitions = new Map<number, Promise<FieldDefinition>>()

  const cached = <K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> => {
    let entry = cache.get(key)
    if (!entry) {
      entry = load()
      cache.set(key, entry)
      // A failed read may be retried later: forget it.
      entry.catch(() => cache.delete(key))
    }
    return entry
  }

  return {
    async registered() {
      const [context, metadata] = await withTimeout(
        'app.registered',
        Promise.all([client.context(), client.metadata()]),
        calls.timeoutMs,
      )
      return { settings: metadata.settings ?? {}, ticketId: asNumber(context.ticketId) }
    },

    async readTicket(request = {}) {
      const fieldIds = request.consultationFieldIds ?? []
      const userFieldPath = request.userFieldKey ? `ticket.requester.customField:${request.userFieldKey}` : null
      const paths = [
        'ticket.id',
        'ticket.requester',
        'currentUser.locale',
        'ticket.tags',
        'ticket.conversation',
        'ticket.comments',
        ...(userFieldPath ? [userFieldPath] : []),
        ...fieldIds.map(fieldPath),
      ]
      const { values, errors } = await calls.get(paths)
      if (errors['ticket.requester'] && errors['currentUser.locale']) {
        throw new ZendeskError({ kind: 'host', call: 'get ticket.requester', message: errors['ticket.requester'] })
      }
      const requester = toRequester(values['ticket.requester'])
      const locale = values['currentUser.locale']
      const consultationValues: Record<number, string | null> = {}
      const unreadableFields: number[] = []
      for (const id of fieldIds) {
        if (errors[fieldPath(id)] !== undefined) unreadableFields.push(id)
        const value = values[fieldPath(id)]
        consultationValues[id] = typeof value === 'string' && value !== '' ? value : null
      }
      return {
        ticketId: asNumber(values['ticket.id']),
        requester,
        agentLocale: typeof locale === 'string' ? locale : 'en',
        ticketTags: stringList(values['ticket.tags']),
        requesterUserField: userFieldPath
          ? errors[userFieldPath] !== undefined || !requester
            ? { available: false }
            : { available: true, value: values[userFieldPath] }
          : null,
        customerMessages: recentCustomerMessages(values['ticket.conversation'], values['ticket.comments'], requester),
        consultationValues,
        unreadableFields,
      }
    },

    readRequesterRecord(userId) {
      return cached(requesterRecords, userId, async () => {
        const response = await calls.request<unknown>({ url: `/api/v2/users/${userId}.json`, type: 'GET' })
        return toRequesterRecord(userId, response.body)
      })
    },

    readFieldDefinitions(fieldIds) {
      return Promise.all(
        fieldIds.map((id) =>
          cached(fieldDefinitions, id, async () => {
            const response = await calls.request<unknown>({ url: `/api/v2/ticket_fields/${id}.json`, type: 'GET' })
            return toFieldDefinition(id, response.body)
          }),
        ),
      )
    },

    async readFieldValues(fieldIds) {
      const { values, errors } = await calls.get(fieldIds.map(fieldPath))
      const out: Record<number, string | null> = {}
      for (const id of fieldIds) {
        const error = errors[fieldPath(id)]
        if (error !== undefined) throw new ZendeskError({ kind: 'host', call: `get ${fieldPath(id)}`, message: error })
        const value = values[fieldPath(id)]
        out[id] = typeof value === 'string' && value !== '' ? value : null
      }
      return out
    },

    async setFieldValues(values) {
      const update: Record<string, string | null> = {}
      for (const [id, tag] of Object.entries(values)) update[fieldPath(Number(id))] = tag
      await calls.set(update)
    },

    insertText(text) {
      return calls.invoke('ticket.editor.insert', text)
    },

    applyMacro(macroId) {
      return calls.invoke('macro', macroId)
    },

    addTags(tags) {
      return tags.length ? calls.invoke('ticket.tags.add', tags) : Promise.resolve()
    },

    removeTags(tags) {
      return tags.length ? calls.invoke('ticket.tags.remove', tags) : Promise.resolve()
    },

    async writeInternalNote(ticketId, body) {
      await calls.request({
        url: `/api/v2/tickets/${ticketId}.json`,
        type: 'PUT',
        contentType: 'application/json',
        data: JSON.stringify({ ticket: { comment: { body, public: false } } }),
      })
    },

    onRequesterChanged(handler) {
      client.on('ticket.requester.id.changed', handler)
      return () => client.off('ticket.requester.id.changed', handler)
    },

    onFieldsChanged(fieldIds, handler) {
      const events = fieldIds.map((id) => `ticket.custom_field_${id}.changed`)
      for (const event of events) client.on(event, handler)
      return () => {
        for (const event of events) client.off(event, handler)
      }
    },

    resize(heightPx) {
      // A failed resize only leaves the frame at its old height: nothing to tell the agent.
      calls.invoke('resize', { width: '100%', height: `${Math.ceil(heightPx)}px` }).catch(() => undefined)
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
