import type { ZafClient, ZafContext, ZafMetadata, ZafRequestOptions, ZafResult } from '../../src/zendesk/zaf'

type Handler = (data: never) => void

/** A recorded call to the fake client, in order. */
export type FakeCall =
  | { type: 'get'; paths: string[] }
  | { type: 'set'; values: Record<string, unknown> }
  | { type: 'invoke'; action: string; args: unknown[] }
  | { type: 'request'; options: ZafRequestOptions }

/**
 * A test double of the ZAF SDK client. It answers `get` from a map of paths, records `set`,
 * `invoke` and `request`, and can reproduce the SDK's quirks: per-path `errors` in an array `get`,
 * host errors that *resolve* (an error without a `name`), the npm build's resolved time-out
 * object, and calls that never answer. `request` is performed through `fetch`, as the host does,
 * so msw answers it in tests.
 */
export class FakeZafClient implements ZafClient {
  readonly calls: FakeCall[] = []
  /** Values `get` answers with, by path. A missing path answers with a per-path error. */
  data: Record<string, unknown>
  /** Paths whose `get`/`set`/`invoke` misbehave, and how; `set:<path>` (or `get:`/`invoke:`) for one kind of call only. */
  faults: Record<string, 'resolve-error' | 'timeout-object' | 'never' | 'reject'> = {}
  /** Base URL for `request` (msw intercepts it). */
  baseUrl = 'https://example.zendesk.com'
  context_: ZafContext = { instanceGuid: 'guid-1', product: 'support', location: 'ticket_sidebar', ticketId: 101 }
  metadata_: ZafMetadata = { appId: 1, installationId: 2, settings: {} }
  private handlers = new Map<string, Handler[]>()

  constructor(data: Record<string, unknown> = {}) {
    this.data = data
  }

  private fault(op: 'get' | 'set' | 'invoke', paths: string[]): Promise<ZafResult> | null {
    for (const path of paths) {
      switch (this.faults[`${op}:${path}`] ?? this.faults[path]) {
        case 'resolve-error':
          // What the SDK hands over when the host's error has no `name`.
          return Promise.resolve({ message: `Could not read ${path}` } as unknown as ZafResult)
        case 'timeout-object':
          return Promise.resolve({ name: 'TimeoutError', message: `Timeout when invoking "${path}"` } as unknown as ZafResult)
        case 'never':
          return new Promise<ZafResult>(() => undefined)
        case 'reject':
          return Promise.reject(Object.assign(new Error(`"${path}" rejected`), { name: 'Error' }))
        default:
      }
    }
    return null
  }

  get(paths: string | string[]): Promise<ZafResult> {
    const list = Array.isArray(paths) ? paths : [paths]
    this.calls.push({ type: 'get', paths: list })
    const fault = this.fault('get', list)
    if (fault) return fault
    const result: ZafResult = { errors: {} }
    for (const path of list) {
      if (path in this.data) result[path] = this.data[path]
      else result.errors![path] = { message: `No such path "${path}"`, name: 'APIUnavailable', path }
    }
    return Promise.resolve(result)
  }

  set(path: string | Record<string, unknown>, value?: unknown): Promise<ZafResult> {
    const values = typeof path === 'string' ? { [path]: value } : path
    this.calls.push({ type: 'set', values })
    const fault = this.fault('set', Object.keys(values))
    if (fault) return fault
    Object.assign(this.data, values)
    return Promise.resolve({ errors: {}, ...values })
  }

  invoke(action: string | Record<string, string[]>, ...args: unknown[]): Promise<ZafResult> {
    const name = typeof action === 'string' ? action : Object.keys(action)[0]!
    this.calls.push({ type: 'invoke', action: name, args })
    const fault = this.fault('invoke', [name])
    if (fault) return fault
    return Promise.resolve({ errors: {} })
  }

  on(event: string, handler: Handler): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler])
  }

  off(event: string, handler: Handler): void {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((h) => h !== handler),
    )
  }

  trigger(event: string, data?: unknown): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as (d: unknown) => void)(data)
  }

  /** Number of handlers listening to an event (to check unsubscribing). */
  listeners(event: string): number {
    return this.handlers.get(event)?.length ?? 0
  }

  async request(options: ZafRequestOptions | string): Promise<unknown> {
    const opts = typeof options === 'string' ? { url: options } : options
    this.calls.push({ type: 'request', options: opts })
    const init: RequestInit = { method: opts.type ?? 'GET' }
    if (opts.data !== undefined) init.body = opts.data
    if (opts.contentType) init.headers = { 'content-type': opts.contentType }
    const response = await fetch(new URL(opts.url, this.baseUrl), init)
    const responseText = await response.text()
    let responseJSON: unknown
    try {
      responseJSON = JSON.parse(responseText)
    } catch {
      responseJSON = undefined
    }
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => (headers[name] = value))
    const complete = { status: response.status, statusText: response.statusText, headers, responseText, responseJSON }
    // The host rejects non-2xx answers with the same shape; it resolves 2xx with the body alone
    // unless `httpCompleteResponse` was asked for.
    if (!response.ok) throw complete
    return opts.httpCompleteResponse ? complete : responseJSON
  }

  context(): Promise<ZafContext> {
    return Promise.resolve(this.context_)
  }

  metadata(): Promise<ZafMetadata> {
    return Promise.resolve(this.metadata_)
  }
}
