/**
 * The host side of the ZAF v2 postMessage protocol, as zendesk_app_framework_sdk 2.0.x speaks it
 * (node_modules/zendesk_app_framework_sdk/lib/client.js):
 *
 * - the iframe posts JSON strings `{ key: 'iframe.handshake', message: { version }, appGuid,
 *   instanceGuid }`; the host answers `{ key: 'zaf.app.registered', message: { context, metadata } }`
 *   (the SDK holds every other message back until then);
 * - `{ id, request: 'get' | 'set' | 'invoke', params }` → `{ id, result }` (per-path failures in
 *   `result.errors`) or `{ id, error: { name, message } }`;
 * - `iframe.on:<event>` / `iframe.off:<event>` with `{ subscriberCount }` subscribe the frame to
 *   `{ key: 'zaf.<event>', message: data }`;
 * - `request:<n>` with the request's options: the HOST performs it and answers with the events
 *   `zaf.request:<n>.done` / `zaf.request:<n>.fail` and `message: { responseArgs: [...] }`;
 * - a hook (`ticket.save`): the host posts `{ key: 'zaf.ticket.save', needsReply: true }`, the
 *   SDK runs the frame's handlers and answers `iframe.reply:ticket.save`, with `error: { msg }`
 *   when one returned `false` or a string, threw, or its promise rejected (a promise that
 *   resolves to `false` is a yes: the SDK passes it as a success).
 *
 * One connection per app frame. The page's single `message` listener routes each message to the
 * connection whose frame sent it (`event.source`) and refuses it unless `event.origin` is that
 * frame's origin, the same checks the SDK makes the other way round.
 */
import type { TicketState, ZafAnswer } from './ticket'
import type { HostCall, IgnoredMessage } from './types'

/** `client.request` options (jQuery-style, as Zendesk takes them). */
export interface HostRequestOptions {
  url: string
  type?: string
  method?: string
  contentType?: string | false
  data?: unknown
  headers?: Record<string, string>
  dataType?: string
  httpCompleteResponse?: boolean
  cors?: boolean
}

/** How the host answers a `request:<n>`: which event and its `responseArgs`. */
export interface RequestOutcome {
  outcome: 'done' | 'fail'
  responseArgs: unknown[]
  status: number
  error?: string
}

export interface ConnectionOptions {
  /** Label in the call log: 'app' or 'probe-<n>'. */
  instance: string
  frame: HTMLIFrameElement
  appOrigin: string
  appGuid: string
  state: TicketState
  context(): Record<string, unknown>
  metadata(): Record<string, unknown>
  /** Delay of every answer, read at each answer. */
  latencyMs(): number
  performRequest(options: HostRequestOptions): Promise<RequestOutcome>
  /** The shared call log (appended to). */
  calls: HostCall[]
  nextSeq(): number
  /** Something in the log or the registration changed (the page re-renders). */
  onActivity?(): void
  onResize?(size: { width: string | null; height: string | null }): void
}

/** A frame's answer to a hook: go on, or stop (with the message the app gave, if a string). */
export interface HookAnswer {
  ok: boolean
  message?: string
}

/** Epoch ms, sub-millisecond: comparable across frames. */
export const now = (): number => performance.timeOrigin + performance.now()

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `120` → `120px`, `'120'` → `120px`, `'100%'` stays. */
function cssSize(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return `${value}px`
  if (typeof value === 'string' && value.trim() !== '') return /^\d+(\.\d+)?$/.test(value.trim()) ? `${value.trim()}px` : value.trim()
  return null
}

function errorText(answer: ZafAnswer): string | undefined {
  const messages = Object.values(answer.errors).map((e) => `${e.path}: ${e.message}`)
  return messages.length > 0 ? messages.join('; ') : undefined
}

export class ZafHostConnection {
  readonly subscriptions = new Map<string, number>()
  readonly emitted: string[] = []
  handshakeAt: number | null = null
  registeredAt: number | null = null
  private readonly registeredWaiters: (() => void)[] = []
  /** Hooks asked and not answered yet, by event. */
  private readonly replyWaiters = new Map<string, (answer: HookAnswer) => void>()

  constructor(readonly options: ConnectionOptions) {}

  get frame(): HTMLIFrameElement {
    return this.options.frame
  }

  /** Forgets the frame's subscriptions and registration (before reloading the frame). */
  reset(): void {
    this.subscriptions.clear()
    // A reloaded frame never answers what its old page was asked: that is a no.
    for (const [event, waiter] of this.replyWaiters) waiter({ ok: false, message: `the frame reloaded before answering ${event}` })
    this.replyWaiters.clear()
    this.handshakeAt = null
    this.registeredAt = null
    this.options.onActivity?.()
  }

  /** Resolves once the host has answered a handshake. */
  whenRegistered(): Promise<void> {
    return this.registeredAt !== null ? Promise.resolve() : new Promise((resolve) => this.registeredWaiters.push(resolve))
  }

  /**
   * Routes one message event. Returns why it was refused, or null if it was handled.
   * Callers check `event.source` first (to pick the connection).
   */
  receive(event: MessageEvent): IgnoredMessage['reason'] | null {
    if (event.origin !== this.options.appOrigin) return 'wrong-origin'
    let data: unknown = event.data
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data)
      } catch {
        return 'not-json'
      }
    }
    if (!isRecord(data)) return 'not-json'
    if (data.appGuid !== undefined && data.appGuid !== this.options.appGuid) return 'wrong-app-guid'
    void this.dispatch(data)
    return null
  }

  private post(message: Record<string, unknown>): void {
    // Target the app's origin: if the frame navigated elsewhere, nothing is delivered.
    this.options.frame.contentWindow?.postMessage(JSON.stringify(message), this.options.appOrigin)
  }

  private async answerDelay(): Promise<void> {
    const ms = this.options.latencyMs()
    if (ms > 0) await sleep(ms)
  }

  /** Sends `zaf.<event>` if the frame subscribed to it (or always, with `force`). */
  emit(event: string, data?: unknown, force = false): boolean {
    if (!force && !(this.subscriptions.get(event) ?? 0)) return false
    this.emitted.push(event)
    this.post({ key: `zaf.${event}`, message: data })
    this.options.onActivity?.()
    return true
  }

  /**
   * Asks the frame's handlers of a hook (`ticket.save`) and resolves with their verdict; no
   * answer within `timeoutMs` is a no. A frame with no handler is not asked (the SDK would say yes).
   */
  ask(event: string, data: unknown, timeoutMs: number): Promise<HookAnswer> {
    if (!(this.subscriptions.get(event) ?? 0)) return Promise.resolve({ ok: true })
    this.emitted.push(event)
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.replyWaiters.get(event) !== done) return
        this.replyWaiters.delete(event)
        resolve({ ok: false, message: `no answer to ${event} within ${timeoutMs} ms` })
      }, timeoutMs)
      const done = (answer: HookAnswer) => {
        clearTimeout(timer)
        resolve(answer)
      }
      this.replyWaiters.set(event, done)
      this.post({ key: `zaf.${event}`, message: data, needsReply: true })
      this.options.onActivity?.()
    })
  }

  private log(type: HostCall['type'], detail: string, params: unknown): HostCall {
    const call: HostCall = { seq: this.options.nextSeq(), instance: this.options.instance, type, detail, params, sentAt: now(), answeredAt: null, ok: null }
    this.options.calls.push(call)
    this.options.onActivity?.()
    return call
  }

  private settle(call: HostCall, ok: boolean, error?: string, status?: number): void {
    call.answeredAt = now()
    call.ok = ok
    if (error !== undefined) call.error = error
    if (status !== undefined) call.status = status
    this.options.onActivity?.()
  }

  private async dispatch(data: Record<string, unknown>): Promise<void> {
    if (typeof data.request === 'string' && data.id !== undefined) return this.answerRequest(data.id, data.request, data.params)
    const key = typeof data.key === 'string' ? data.key : ''
    if (key === 'iframe.handshake') return this.register()
    if (key.startsWith('iframe.on:') || key.startsWith('iframe.off:')) {
      const event = key.slice(key.indexOf(':') + 1)
      const count =
        isRecord(data.message) && typeof data.message.subscriberCount === 'number' ? data.message.subscriberCount : key.startsWith('iframe.on:') ? 1 : 0
      if (count > 0) this.subscriptions.set(event, count)
      else this.subscriptions.delete(event)
      this.options.onActivity?.()
      return
    }
    if (/^request:\d+$/.test(key)) return this.answerRest(key, data.message)
    if (key.startsWith('iframe.reply:')) {
      const event = key.slice('iframe.reply:'.length)
      const waiter = this.replyWaiters.get(event)
      if (!waiter) return
      this.replyWaiters.delete(event)
      const error = isRecord(data.error) ? data.error : null
      waiter(error ? { ok: false, ...(typeof error.msg === 'string' ? { message: error.msg } : {}) } : { ok: true })
      this.options.onActivity?.()
      return
    }
    // `iframe.trigger:<event>` (to other instances) and `iframe.reply:<key>`: nothing to do here.
  }

  private async register(): Promise<void> {
    // Subscriptions are kept: a second `ZAFClient.init()` in the same page handshakes again
    // while the first client still listens. `reset()` clears them when the frame is reloaded.
    this.handshakeAt = now()
    this.registeredAt = null
    this.options.onActivity?.()
    await this.answerDelay()
    this.post({ key: 'zaf.app.registered', message: { context: this.options.context(), metadata: this.options.metadata() } })
    this.registeredAt = now()
    this.post({ key: 'zaf.app.activated', message: { firstLoad: true } })
    this.options.onActivity?.()
    for (const resolve of this.registeredWaiters.splice(0)) resolve()
  }

  private async answerRequest(id: unknown, request: string, params: unknown): Promise<void> {
    let answer: ZafAnswer | null = null
    let call: HostCall
    if (request === 'get' && Array.isArray(params)) {
      const paths = params.filter((p): p is string => typeof p === 'string')
      call = this.log('get', paths.join(', '), paths)
      answer = this.options.state.get(paths)
    } else if (request === 'set' && isRecord(params)) {
      call = this.log('set', Object.keys(params).join(', '), params)
      answer = this.options.state.set(params)
    } else if (request === 'invoke' && isRecord(params)) {
      call = this.log('invoke', Object.keys(params).join(', '), params)
      answer = this.invoke(params)
    } else {
      call = this.log(request === 'set' ? 'set' : request === 'invoke' ? 'invoke' : 'get', `${request} (malformed)`, params)
    }
    await this.answerDelay()
    if (answer) {
      this.post({ id, result: answer })
      const error = errorText(answer)
      this.settle(call, error === undefined, error)
    } else {
      const message = `"${request}" with these params is not supported by the host`
      this.post({ id, error: { name: 'APIUnavailable', message } })
      this.settle(call, false, message)
    }
  }

  private invoke(params: Record<string, unknown>): ZafAnswer {
    const answer: ZafAnswer = { errors: {} }
    for (const [name, rawArgs] of Object.entries(params)) {
      const args = Array.isArray(rawArgs) ? rawArgs : [rawArgs]
      if (name === 'resize') {
        const size = isRecord(args[0]) ? args[0] : {}
        const width = cssSize(size.width)
        const height = cssSize(size.height)
        if (width === null && height === null) {
          answer.errors[name] = { name: 'InvalidValue', message: 'expects { width, height }', path: name }
          continue
        }
        if (width !== null) this.options.frame.style.width = width
        if (height !== null) this.options.frame.style.height = height
        this.options.onResize?.({ width, height })
        continue
      }
      const result = this.options.state.invoke(name, args)
      if (result === null) {
        answer.errors[name] = { name: 'APIUnavailable', message: `Could not find handler for: "${name}"`, path: name }
        continue
      }
      Object.assign(answer.errors, result.errors)
    }
    return answer
  }

  private async answerRest(key: string, rawOptions: unknown): Promise<void> {
    const options: HostRequestOptions = isRecord(rawOptions) && typeof rawOptions.url === 'string' ? (rawOptions as unknown as HostRequestOptions) : { url: '' }
    const method = (options.type ?? options.method ?? 'GET').toUpperCase()
    const call = this.log('request', `${method} ${options.url}`, rawOptions)
    const outcome = await this.options.performRequest(options)
    await this.answerDelay()
    this.post({ key: `zaf.${key}.${outcome.outcome}`, message: { responseArgs: outcome.responseArgs } })
    this.settle(call, outcome.outcome === 'done', outcome.error, outcome.status)
  }
}
