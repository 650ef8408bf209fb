/**
 * The Zendesk boundary: everything the app asks of Zendesk, over the ZAF SDK client, with every
 * SDK quirk absorbed here. Callers receive plain typed values and `ZendeskError`s.
 * One module (calls.ts only re-exports the failure side) keeps this code together in the bundle.
 */
import type { ZafClient, ZafGlobal, ZafRequestOptions, ZafResult } from './zaf'


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

// ---- Failures and the raw calls ----

/**
 * Why a call to Zendesk failed, in terms the sidebar can explain to an agent.
 * - `timeout`: the host never answered within our own limit (the SDK's limits are 5 s in the npm
 *   build and 5 min in the CDN build, and `request` has none at all).
 * - `host`: the host answered with an error (unknown path, closed ticket, rejected set/insert).
 * - `http`: a REST call answered with a non-2xx status.
 * - `not_json`: a REST call answered 2xx with a body that is not the JSON we asked for.
 */
export type ZendeskFailure =
  | { kind: 'timeout'; call: string; afterMs: number }
  | { kind: 'host'; call: string; message: string }
  | { kind: 'http'; call: string; status: number; message: string; retryAfterSeconds?: number }
  | { kind: 'not_json'; call: string; status: number }

export class ZendeskError extends Error {
  constructor(readonly failure: ZendeskFailure) {
    // For developers only: the UI words the failure itself. Holds no ticket or customer data.
    super(JSON.stringify(failure))
  }
}

const hostError = (call: string, message: string) => new ZendeskError({ kind: 'host', call, message })

/** Default time limit for one host call; generous for the CDN SDK, short enough for an agent. */
const DEFAULT_CALL_TIMEOUT_MS = 10_000

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value when it is a string; the SDK and the REST API may leave any field out. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** Rejects with a `timeout` failure when `promise` has not settled after `ms`. */
function withTimeout<T>(call: string, promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ZendeskError({ kind: 'timeout', call, afterMs: ms })), ms)
    promise.finally(() => clearTimeout(timer)).then(resolve, reject)
  })
}

/**
 * An SDK error as our failure, whether the SDK rejected with it or resolved with it (the SDK
 * turns a host error without a `name`, and the npm build's time-out, into a resolved value).
 */
function sdkFailure(call: string, reason: unknown, afterMs: number): ZendeskError {
  if (reason instanceof ZendeskError) return reason
  const error = isRecord(reason) ? reason : {}
  return error.name === 'TimeoutError'
    ? new ZendeskError({ kind: 'timeout', call, afterMs })
    : hostError(call, text(error.message) ?? text(error.msg) ?? text(reason) ?? 'unknown error')
}

/** One value per asked path, or the host's message for the paths it could not read. */
export interface GetResult {
  values: Record<string, unknown>
  errors: Record<string, string>
}

/** A REST answer as the host hands it over with `httpCompleteResponse`. */
export interface RestResponse<T> {
  status: number
  body: T
  headers: Record<string, string>
}

export type ZafCalls = ReturnType<typeof createZafCalls>

/**
 * The raw calls, with every SDK quirk absorbed: time limits, resolved errors, per-path errors in
 * an array `get`, REST failures with their status and `Retry-After`.
 */
export function createZafCalls(client: ZafClient, timeoutMs = DEFAULT_CALL_TIMEOUT_MS) {
  /** Runs get/set/invoke; resolves with the result and its per-path errors (message by path). */
  const hostCall = async (call: string, run: () => Promise<ZafResult>): Promise<[ZafResult, Record<string, string>]> => {
    const result: unknown = await withTimeout(call, Promise.resolve().then(run), timeoutMs).catch((reason: unknown) => {
      throw sdkFailure(call, reason, timeoutMs)
    })
    // A real result is an object of paths (and maybe `errors`), never `{ message }` alone.
    if (!isRecord(result) || result.name === 'TimeoutError' || (typeof result.message === 'string' && !('errors' in result))) {
      throw sdkFailure(call, result, timeoutMs)
    }
    const errors: Record<string, string> = {}
    for (const [path, error] of Object.entries((result as ZafResult).errors ?? {})) errors[path] = error.message ?? 'rejected'
    return [result, errors]
  }

  /** Sets or invokes; the first per-path error fails the whole call (callers check before writing). */
  const write = async (call: string, run: () => Promise<ZafResult>): Promise<void> => {
    const [failed] = Object.entries((await hostCall(call, run))[1])
    if (failed) throw hostError(call, failed.join(': '))
  }

  return {
    /** Reads several paths in one round trip; a path the host cannot read lands in `errors`. */
    async get(paths: string[]): Promise<GetResult> {
      const [result, errors] = await hostCall(`get ${paths.join(', ')}`, () => client.get(paths))
      const values: Record<string, unknown> = {}
      for (const path of paths) if (!(path in errors)) values[path] = result[path]
      return { values, errors }
    },

    set: (values: Record<string, unknown>) => write(`set ${Object.keys(values).join(', ')}`, () => client.set(values)),

    /** Invokes one action (e.g. `ticket.editor.insert`) with its arguments. */
    invoke: (action: string, ...args: unknown[]) => write(`invoke ${action}`, () => client.invoke(action, ...args)),

    /** A REST call performed by the host. Non-2xx answers become `http` failures. */
    async request<T>(options: ZafRequestOptions): Promise<RestResponse<T>> {
      const call = `${options.type ?? 'GET'} ${options.url}`
      // The host rejects a non-2xx answer with the same shape it resolves a 2xx one with.
      const request = client.request({ ...options, httpCompleteResponse: true }).catch((answer: unknown) => answer)
      const answer = await withTimeout(call, request, timeoutMs)
      const response = isRecord(answer) ? answer : {}
      const status = Number(response.status) || 0
      const body = response.responseJSON ?? parseJson(response.responseText)
      // Header names come lowercased, as XHR and fetch give them.
      const headers = (isRecord(response.headers) ? response.headers : {}) as Record<string, string>
      if (status < 200 || status > 299) {
        const message = restErrorMessage(body) ?? text(response.statusText) ?? ''
        throw new ZendeskError({ kind: 'http', call, status, message, retryAfterSeconds: parseRetryAfter(headers['retry-after']) })
      }
      if (body === undefined) throw new ZendeskError({ kind: 'not_json', call, status })
      return { status, body: body as T, headers }
    },
  }
}

function parseJson(json: unknown): unknown {
  try {
    return typeof json === 'string' ? JSON.parse(json) : undefined
  } catch {
    return undefined
  }
}

/** `Retry-After` is seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  const trimmed = value?.trim() ?? ''
  // Digits first: Date.parse would read a bare number as a year.
  const seconds = /^\d+$/.test(trimmed) ? Number(trimmed) : Math.ceil((Date.parse(trimmed) - now) / 1000)
  return Number.isNaN(seconds) ? undefined : Math.max(0, seconds)
}

/** Zendesk error bodies: `{ error, description }`, `{ error: { title, message } }` or `{ details }`. */
function restErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined
  const { error } = body
  return text(body.description) ?? (isRecord(error) ? [error.title, error.message].filter((part) => typeof part === 'string').join(': ') : text(error))
}

// ---- The ticket host ----

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

  const fieldValues = (fieldIds: number[], values: Record<string, unknown>): Record<number, string | null> =>
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

    insertText: (text) => calls.invoke('ticket.editor.insert', text),

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
