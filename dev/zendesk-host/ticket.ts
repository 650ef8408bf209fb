/**
 * The ticket as the local host holds it: the path → value map that `get` answers from, the draft
 * with its caret, tags, consultation fields, comments added through REST. It applies ZAF's
 * `get` / `set` / `invoke` and the agent's own edits, and reports which ZAF events each change
 * fires. No DOM: the page renders it, the protocol talks about it.
 *
 * As on Zendesk, what `set`/`invoke` change is only on screen until the agent saves
 * (`commitSave`): `saved` holds the ticket as last saved (by the agent, or by a REST write).
 * The draft is edited as the reply editor does (editor.ts): `ticket.editor.insert` takes HTML,
 * and `ticket.comment.text` answers the editor's HTML (rich text) or plain text (chat composer).
 */
import { CONSULTATION_FIELD_IDS, MACROS, TICKET_FIELDS, USERS, AGENT, commentHtml, macroCommentText, toZafConversation } from './fixtures/fixtures'
import type { ChatLine, ZafComment, ZafConversationEntry, ZendeskUser } from './fixtures/fixtures'
import type { ZendeskTicketField } from './fixtures/consultation'
import { customFieldPath, isRequesterPath, parseFieldIds, requesterData, zafData } from './fixtures/scenarios'
import type { HostScenario, SettingValue, ZafDataOptions } from './fixtures/scenarios'
import { draftToHtml, htmlToDraft, insertHtml, insertParts, parseEditorHtml } from './editor'
import type { ComposerMode } from './editor'
import type { HostField, HostNote, SavedTicket } from './types'
import { valueText } from './fixtures/value-text'

/** A per-path error, as ZAF puts it in `result.errors[path]`. */
export interface ZafPathError {
  name: string
  message: string
  path: string
}

/** What `get` / `set` / `invoke` answer: values by path plus per-path `errors`. */
export interface ZafAnswer {
  errors: Record<string, ZafPathError>
  [path: string]: unknown
}

/** A ZAF event the change fires (`ticket.tags.changed`, …), sent only to subscribers. */
export interface TicketEvent {
  name: string
  data: unknown
}

const WRITABLE = new Set(['ticket.tags', 'ticket.comment.text', 'ticket.comment.type', 'ticket.status', 'ticket.subject'])
const DRAFT_PATH = 'ticket.comment.text'

/** How the host page opens the ticket, beyond the scenario. */
export interface TicketOptions extends ZafDataOptions {
  /** The reply editor: rich text (default) or the chat composer. */
  composer?: ComposerMode
}
const CUSTOM_FIELD = /^ticket\.customField:custom_field_(\d+)$/

function pathError(path: string, message: string, name = 'APIUnavailable'): ZafPathError {
  return { name, message, path }
}

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T))

function asTagList(value: unknown): string[] | null {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean)
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.flatMap((v) => v.split(/\s+/)).filter(Boolean)
  return null
}

export class TicketState {
  /** The path → value map `get` answers from. */
  readonly data: Record<string, unknown>
  readonly settings: Record<string, SettingValue>
  readonly composer: ComposerMode
  /** Caret in the draft (UTF-16 index). Insertions go here. */
  cursor: number
  readonly notes: HostNote[] = []
  /** The ticket as last saved: what a reload or the REST API would show. */
  saved: SavedTicket
  /** Agent saves (Submit) that went through. */
  saves = 0
  /** REST writes (`PUT /api/v2/tickets/:id.json`) that landed on this ticket ("Ticket updated"). */
  restUpdates = 0
  private text: string
  private readonly fieldsById = new Map<number, ZendeskTicketField>(TICKET_FIELDS.map((f) => [f.id, f]))
  private readonly listeners = new Set<(events: TicketEvent[]) => void>()
  private nextCommentId = 7100001
  private nextMessageMinute = 0

  constructor(
    readonly scenario: HostScenario,
    settings: Record<string, SettingValue>,
    overrides: Record<string, unknown> = {},
    options: TicketOptions = {},
  ) {
    this.settings = settings
    this.composer = options.composer ?? 'rich'
    this.data = { ...zafData(scenario, options), ...overrides, 'ticket.comment.useRichText': this.composer === 'rich' }
    this.text = typeof this.data[DRAFT_PATH] === 'string' ? this.data[DRAFT_PATH] : ''
    this.cursor = this.text.length
    this.syncDraft()
    this.saved = this.onScreen()
  }

  /** The draft as the agent sees it: paragraphs apart by a blank line, line breaks as `\n`. */
  get draft(): string {
    return this.text
  }

  /** The rich editor's HTML of the draft. */
  get draftHtml(): string {
    return draftToHtml(this.text)
  }

  /** What `get ticket.comment.text` answers (and `comment.text.changed` carries). */
  private draftAnswer(): string {
    return this.composer === 'rich' ? this.draftHtml : this.text
  }

  private syncDraft(): void {
    this.data[DRAFT_PATH] = this.draftAnswer()
  }

  /** Replaces the draft text and caret; returns the event the change fires. */
  private writeDraft(text: string, cursor: number): TicketEvent {
    this.text = text
    this.cursor = Math.max(0, Math.min(cursor, text.length))
    this.syncDraft()
    return { name: 'comment.text.changed', data: this.draftAnswer() }
  }

  /** The saved-able part of the ticket as it is on screen now. */
  private onScreen(): SavedTicket {
    return {
      tags: this.tags,
      status: valueText(this.data['ticket.status'] ?? ''),
      fields: Object.fromEntries(CONSULTATION_FIELD_IDS.map((id) => [String(id), (this.data[customFieldPath(id)] as string | null | undefined) ?? null])),
    }
  }

  get tags(): string[] {
    return [...((this.data['ticket.tags'] as string[] | undefined) ?? [])]
  }

  /** Listens to every change (the page re-renders, the protocol forwards the events). */
  onChange(listener: (events: TicketEvent[]) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(events: TicketEvent[]): void {
    for (const listener of this.listeners) listener(events)
  }

  // -------------------------------------------------------------------------------------------
  // ZAF get / set / invoke
  // -------------------------------------------------------------------------------------------

  get(paths: readonly string[]): ZafAnswer {
    const answer: ZafAnswer = { errors: {} }
    for (const path of paths) {
      if (typeof path !== 'string') continue
      if (Object.prototype.hasOwnProperty.call(this.data, path)) answer[path] = clone(this.data[path])
      else answer.errors[path] = pathError(path, `Could not find handler for: "${path}"`)
    }
    return answer
  }

  set(values: Record<string, unknown>): ZafAnswer {
    const answer: ZafAnswer = { errors: {} }
    const events: TicketEvent[] = []
    for (const [path, value] of Object.entries(values)) {
      const error = this.setOne(path, value, events)
      if (error) answer.errors[path] = error
      else answer[path] = clone(this.data[path])
    }
    if (events.length > 0) this.changed(events)
    return answer
  }

  private setOne(path: string, value: unknown, events: TicketEvent[]): ZafPathError | null {
    const field = CUSTOM_FIELD.exec(path)
    if (field) return this.setField(Number(field[1]), value, events)
    if (!Object.prototype.hasOwnProperty.call(this.data, path)) return pathError(path, `Could not find handler for: "${path}"`)
    if (!WRITABLE.has(path)) return pathError(path, 'is read-only', 'InvalidOperation')
    switch (path) {
      case 'ticket.tags': {
        const tags = asTagList(value)
        if (!tags) return pathError(path, 'expects a list of tags', 'InvalidValue')
        this.data[path] = [...new Set(tags)]
        events.push({ name: 'ticket.tags.changed', data: this.tags })
        return null
      }
      case 'ticket.comment.text': {
        if (typeof value !== 'string') return pathError(path, 'expects text', 'InvalidValue')
        // Rich text takes HTML (sanitized as an insert is); the chat composer takes plain text.
        const text = this.composer === 'rich' ? htmlToDraft(value) : value
        events.push(this.writeDraft(text, text.length))
        return null
      }
      case 'ticket.comment.type':
        if (value !== 'publicReply' && value !== 'internalNote') return pathError(path, 'expects publicReply or internalNote', 'InvalidValue')
        this.data[path] = value
        events.push({ name: 'comment.type.changed', data: value })
        return null
      case 'ticket.status':
        if (!['new', 'open', 'pending', 'hold', 'solved'].includes(String(value))) return pathError(path, `"${String(value)}" is not a status`, 'InvalidValue')
        this.data[path] = value
        events.push({ name: 'ticket.status.changed', data: value })
        return null
      default:
        this.data[path] = value
        events.push({ name: `${path}.changed`, data: value })
        return null
    }
  }

  private setField(fieldId: number, value: unknown, events: TicketEvent[]): ZafPathError | null {
    const path = customFieldPath(fieldId)
    const field = this.fieldsById.get(fieldId)
    if (!field) return pathError(path, `Could not find handler for: "${path}"`)
    const tag = value === null || value === undefined || value === '' ? null : valueText(value)
    if (tag !== null && !field.custom_field_options.some((o) => o.value === tag)) {
      return pathError(path, `"${tag}" is not an option of field ${fieldId} (${field.title})`, 'InvalidValue')
    }
    this.data[path] = tag
    events.push({ name: `ticket.custom_field_${fieldId}.changed`, data: tag })
    return null
  }

  /**
   * Ticket-level actions: `ticket.editor.insert`, `comment.appendText`, `ticket.tags.add`,
   * `ticket.tags.remove`, `macro`. Returns null for an action the ticket does not know (the
   * protocol handles the frame's own actions such as `resize`).
   */
  invoke(name: string, args: readonly unknown[]): ZafAnswer | null {
    const answer: ZafAnswer = { errors: {} }
    const fail = (message: string, errorName = 'InvalidValue') => {
      answer.errors[name] = pathError(name, message, errorName)
      return answer
    }
    switch (name) {
      case 'ticket.editor.insert': {
        const html = args[0]
        if (typeof html !== 'string') return fail('expects the HTML to insert')
        this.insertAtCursor(html)
        return answer
      }
      case 'comment.appendText':
      case 'ticket.comment.appendText': {
        const text = args[0]
        if (typeof text !== 'string') return fail('expects the text to append')
        this.append(text)
        return answer
      }
      case 'comment.appendHtml':
      case 'ticket.comment.appendHtml': {
        const html = args[0]
        if (typeof html !== 'string') return fail('expects the HTML to append')
        // Appended content is its own paragraphs at the end of the draft.
        const parts = parseEditorHtml(html, this.composer).map((part) => ({ ...part, block: true }))
        const edit = insertParts(this.text, this.text.length, parts)
        this.changed([this.writeDraft(edit.draft, edit.cursor)])
        return answer
      }
      case 'ticket.tags.add':
      case 'ticket.tags.remove': {
        const tags = asTagList(args.length > 1 ? args : args[0])
        if (!tags || tags.length === 0) return fail('expects a tag or a list of tags')
        this.changeTags(name.endsWith('add') ? tags : [], name.endsWith('remove') ? tags : [])
        return answer
      }
      case 'macro': {
        const id = Number(args[0])
        const found = Object.values(MACROS).find((m) => m.id === id)
        if (!found) return fail(`macro ${String(args[0])} not found`, 'RecordNotFound')
        this.append(macroCommentText(found))
        return answer
      }
      default:
        return null
    }
  }

  /**
   * `ticket.editor.insert`: the HTML sanitized (or turned into Markdown in the chat composer) and
   * inserted at the caret; what is already there stays (a selection is not replaced).
   */
  insertAtCursor(html: string): void {
    const edit = insertHtml(this.text, this.cursor, html, this.composer)
    this.changed([this.writeDraft(edit.draft, edit.cursor)])
  }

  /** Appends plain text on a new line (as a macro's comment does). */
  append(text: string): void {
    const draft = this.text
    const joined = draft === '' || draft.endsWith('\n') ? draft + text : `${draft}\n${text}`
    this.changed([this.writeDraft(joined, joined.length)])
  }

  changeTags(add: readonly string[], remove: readonly string[]): void {
    const next = [...new Set([...this.tags, ...add])].filter((t) => !remove.includes(t))
    this.data['ticket.tags'] = next
    this.changed([{ name: 'ticket.tags.changed', data: next }])
  }

  // -------------------------------------------------------------------------------------------
  // The agent's own edits (the ticket view)
  // -------------------------------------------------------------------------------------------

  typeDraft(text: string, cursor: number): void {
    this.changed([this.writeDraft(text, cursor)])
  }

  moveCursor(cursor: number): void {
    this.cursor = Math.max(0, Math.min(cursor, this.text.length))
  }

  /**
   * A new message from the customer while the ticket is open: added to `ticket.conversation`
   * (HTML on an email ticket) and `ticket.comments`, then `ticket.conversation.changed` fires.
   */
  addCustomerMessage(text: string, at: number = Date.now()): ZafConversationEntry {
    const requester = this.requester
    const html = this.scenario.channel === 'email' ? commentHtml(text) : undefined
    const line: ChatLine = { from: 'end-user', text, ...(html === undefined ? {} : { html }), at: new Date(at + this.nextMessageMinute++).toISOString() }
    const [entry] = toZafConversation([line], requester, this.scenario.channel)
    this.addToConversation(
      entry!,
      { id: requester?.id ?? null, name: requester?.name ?? '알 수 없음', role: 'end-user' },
      line.at,
      html ?? commentHtml(text),
      true,
    )
    return entry!
  }

  private addToConversation(entry: ZafConversationEntry, author: ZafComment['author'], at: string, value: string, isPublic: boolean): void {
    const conversation = [...((this.data['ticket.conversation'] as ZafConversationEntry[] | undefined) ?? []), entry]
    this.data['ticket.conversation'] = conversation
    this.data['ticket.comments'] = [
      ...((this.data['ticket.comments'] as ZafComment[] | undefined) ?? []),
      { id: this.nextCommentId++, author, value, public: isPublic, created_at: at },
    ]
    // Subscribers get the conversation; apps are told to read it again rather than trust this.
    this.changed([{ name: 'ticket.conversation.changed', data: clone(conversation) }])
  }

  /**
   * The agent's save went through: the draft becomes a comment (a public reply also joins a
   * messaging conversation), the editor empties, and what is on screen is now saved. Returns
   * the update the ticket page sends to the REST API.
   */
  commitSave(at: number): { ticket: Record<string, unknown> } {
    const body = this.text.trim()
    const isPublic = this.data['ticket.comment.type'] !== 'internalNote'
    const update: Record<string, unknown> = {
      tags: this.tags,
      status: this.data['ticket.status'],
      custom_fields: CONSULTATION_FIELD_IDS.map((id) => ({ id, value: this.data[customFieldPath(id)] ?? null })),
    }
    if (body) {
      const value = this.composer === 'rich' ? this.draftHtml : commentHtml(this.text)
      update.comment = { html_body: value, public: isPublic }
      const author = { id: AGENT.id, name: AGENT.name, role: 'agent' as const }
      const when = new Date(at).toISOString()
      if (isPublic && this.scenario.channel === 'messaging') {
        const [entry] = toZafConversation([{ from: 'agent', text: this.text, at: when }], this.requester, 'messaging')
        this.addToConversation(entry!, author, when, value, true)
      } else {
        this.data['ticket.comments'] = [
          ...((this.data['ticket.comments'] as ZafComment[] | undefined) ?? []),
          { id: this.nextCommentId++, author, value, public: isPublic, created_at: when },
        ]
      }
    }
    this.saves++
    this.saved = this.onScreen()
    this.changed([this.writeDraft('', 0)])
    return { ticket: update }
  }

  pickField(fieldId: number, tag: string | null): void {
    this.set({ [customFieldPath(fieldId)]: tag })
  }

  changeRequester(userId: number | null): void {
    const user: ZendeskUser | null = userId === null ? null : (Object.values(USERS).find((u) => u.id === userId) ?? null)
    for (const path of Object.keys(this.data)) if (isRequesterPath(path)) delete this.data[path]
    Object.assign(this.data, requesterData(user, this.scenario.userFieldsReadable))
    this.changed([{ name: 'ticket.requester.id.changed', data: user?.id ?? null }])
  }

  get requester(): ZendeskUser | null {
    const id = this.data['ticket.requester.id']
    return Object.values(USERS).find((u) => u.id === id) ?? null
  }

  /** Applies an accepted `PUT /api/v2/tickets/:id.json` body to the view (comment, tags, fields, status). */
  applyTicketUpdate(body: unknown, at: number): void {
    if (typeof body !== 'object' || body === null) return
    const update = (body as { ticket?: Record<string, unknown> }).ticket
    if (typeof update !== 'object' || update === null) return
    const events: TicketEvent[] = []
    const comment = update.comment as { body?: unknown; html_body?: unknown; public?: unknown } | undefined
    const text = comment ? (comment.body ?? comment.html_body) : undefined
    if (typeof text === 'string') {
      const isPublic = comment?.public !== false
      this.notes.push({ body: text, public: isPublic, at })
      const entry: ZafComment = {
        id: this.nextCommentId++,
        author: { id: AGENT.id, name: AGENT.name, role: 'agent' },
        value: commentHtml(text),
        public: isPublic,
        created_at: new Date(at).toISOString(),
      }
      this.data['ticket.comments'] = [...((this.data['ticket.comments'] as ZafComment[] | undefined) ?? []), entry]
    }
    const tagList = asTagList(update.tags)
    const add = asTagList(update.additional_tags) ?? []
    const remove = asTagList(update.remove_tags) ?? []
    if (tagList || add.length > 0 || remove.length > 0) {
      const next = [...new Set([...(tagList ?? this.tags), ...add])].filter((t) => !remove.includes(t))
      this.data['ticket.tags'] = next
      events.push({ name: 'ticket.tags.changed', data: next })
    }
    const savedFields = { ...this.saved.fields }
    if (Array.isArray(update.custom_fields)) {
      for (const entry of update.custom_fields as { id?: unknown; value?: unknown }[]) {
        const id = Number(entry.id)
        if (this.fieldsById.has(id)) {
          const value = entry.value === null || entry.value === undefined ? null : valueText(entry.value)
          this.data[customFieldPath(id)] = value
          savedFields[String(id)] = value
          events.push({ name: `ticket.custom_field_${id}.changed`, data: value })
        }
      }
    }
    if (typeof update.status === 'string') {
      this.data['ticket.status'] = update.status
      events.push({ name: 'ticket.status.changed', data: update.status })
    }
    // A REST write is saved at once, whatever the agent has not saved yet.
    this.restUpdates++
    const now = this.onScreen()
    this.saved = {
      tags: tagList || add.length > 0 || remove.length > 0 ? now.tags : this.saved.tags,
      status: typeof update.status === 'string' ? now.status : this.saved.status,
      fields: savedFields,
    }
    this.changed(events)
  }

  // -------------------------------------------------------------------------------------------
  // Views of the state
  // -------------------------------------------------------------------------------------------

  /** The consultation fields shown on the ticket form (`consultation_field_ids`), in that order. */
  shownFieldIds(): number[] {
    return parseFieldIds(this.settings.consultation_field_ids).filter((id) => this.fieldsById.has(id))
  }

  fields(): Record<string, HostField> {
    const shown = new Set(this.shownFieldIds())
    const out: Record<string, HostField> = {}
    for (const field of TICKET_FIELDS) {
      const value = (this.data[customFieldPath(field.id)] as string | null | undefined) ?? null
      const option = field.custom_field_options.find((o) => o.value === value)
      out[String(field.id)] = { id: field.id, title: field.title, value, name: option?.name ?? null, shown: shown.has(field.id) }
    }
    return out
  }

  field(fieldId: number): ZendeskTicketField | undefined {
    return this.fieldsById.get(fieldId)
  }

  /** A JSON-safe copy of the map (`undefined` values become null). */
  snapshotData(): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const [path, value] of Object.entries(this.data)) out[path] = value === undefined ? null : clone(value)
    return out
  }
}
