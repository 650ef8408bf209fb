/**
 * The ticket as the local host holds it: the path → value map that `get` answers from, the draft
 * with its caret, tags, consultation fields, comments added through REST. It applies ZAF's
 * `get` / `set` / `invoke` and the agent's own edits, and reports which ZAF events each change
 * fires. No DOM: the page renders it, the protocol talks about it.
 */
import { MACROS, TICKET_FIELDS, USERS, AGENT, commentHtml, macroCommentText } from './fixtures/fixtures'
import type { ZafComment, ZendeskUser } from './fixtures/fixtures'
import type { ZendeskTicketField } from './fixtures/consultation'
import { customFieldPath, isRequesterPath, parseFieldIds, requesterData, zafData } from './fixtures/scenarios'
import type { HostScenario, SettingValue } from './fixtures/scenarios'
import type { HostField, HostNote } from './types'

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
const CUSTOM_FIELD = /^ticket\.customField:custom_field_(\d+)$/

function pathError(path: string, message: string, name = 'APIUnavailable'): ZafPathError {
  return { name, message, path }
}

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T))

function asTagList(value: unknown): string[] | null {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean)
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return (value as string[]).flatMap((v) => v.split(/\s+/)).filter(Boolean)
  return null
}

export class TicketState {
  /** The path → value map `get` answers from. */
  readonly data: Record<string, unknown>
  readonly settings: Record<string, SettingValue>
  /** Caret in the draft (UTF-16 index). Insertions go here. */
  cursor: number
  readonly notes: HostNote[] = []
  private readonly fieldsById = new Map<number, ZendeskTicketField>(TICKET_FIELDS.map((f) => [f.id, f]))
  private readonly listeners = new Set<(events: TicketEvent[]) => void>()
  private nextCommentId = 7100001

  constructor(
    readonly scenario: HostScenario,
    settings: Record<string, SettingValue>,
    overrides: Record<string, unknown> = {},
  ) {
    this.settings = settings
    this.data = { ...zafData(scenario), ...overrides }
    this.cursor = this.draft.length
  }

  get draft(): string {
    const text = this.data['ticket.comment.text']
    return typeof text === 'string' ? text : ''
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
      case 'ticket.comment.text':
        if (typeof value !== 'string') return pathError(path, 'expects text', 'InvalidValue')
        this.data[path] = value
        this.cursor = value.length
        events.push({ name: 'comment.text.changed', data: value })
        return null
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
    const tag = value === null || value === undefined || value === '' ? null : String(value)
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
        const text = args[0]
        if (typeof text !== 'string') return fail('expects the text to insert')
        this.insertAtCursor(text)
        return answer
      }
      case 'comment.appendText':
      case 'ticket.comment.appendText': {
        const text = args[0]
        if (typeof text !== 'string') return fail('expects the text to append')
        this.append(text)
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

  /** Inserts at the caret; what is already there stays (a selection is not replaced). */
  insertAtCursor(text: string): void {
    const draft = this.draft
    const at = Math.max(0, Math.min(this.cursor, draft.length))
    this.data['ticket.comment.text'] = draft.slice(0, at) + text + draft.slice(at)
    this.cursor = at + text.length
    this.changed([{ name: 'comment.text.changed', data: this.draft }])
  }

  /** Appends on a new line (as a macro's comment does). */
  append(text: string): void {
    const draft = this.draft
    const joined = draft === '' || draft.endsWith('\n') ? draft + text : `${draft}\n${text}`
    this.data['ticket.comment.text'] = joined
    this.cursor = joined.length
    this.changed([{ name: 'comment.text.changed', data: joined }])
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
    this.data['ticket.comment.text'] = text
    this.cursor = cursor
    this.changed([{ name: 'comment.text.changed', data: text }])
  }

  moveCursor(cursor: number): void {
    this.cursor = Math.max(0, Math.min(cursor, this.draft.length))
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
    if (Array.isArray(update.custom_fields)) {
      for (const entry of update.custom_fields as { id?: unknown; value?: unknown }[]) {
        const id = Number(entry.id)
        if (this.fieldsById.has(id)) {
          this.data[customFieldPath(id)] = entry.value === null || entry.value === undefined ? null : String(entry.value)
          events.push({ name: `ticket.custom_field_${id}.changed`, data: this.data[customFieldPath(id)] })
        }
      }
    }
    if (typeof update.status === 'string') {
      this.data['ticket.status'] = update.status
      events.push({ name: 'ticket.status.changed', data: update.status })
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
