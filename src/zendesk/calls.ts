import type { ZafClient, ZafResult, ZafRequestOptions } from './zaf'

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
  override readonly name = 'ZendeskError'
  constructor(readonly failure: ZendeskFailure) {
    super(describeFailure(failure))
  }
}

/** A short English description, for developers (never shown raw to agents: the UI translates). */
export function describeFailure(failure: ZendeskFailure): string {
  switch (failure.kind) {
    case 'timeout':
      return `${failure.call}: no answer after ${failure.afterMs} ms`
    case 'host':
      return `${failure.call}: ${failure.message}`
    case 'http':
      return `${failure.call}: HTTP ${failure.status} ${failure.message}`
    case 'not_json':
      return `${failure.call}: HTTP ${failure.status} with a body that is not JSON`
  }
}

/** Default time limit for one host call; generous for the CDN SDK, short enough for an agent. */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The SDK turns some host errors into a *resolved* value: an error without a `name` is rejected
 * as a plain object, which its own clean-up handler then returns as a result; the npm build's
 * time-out does the same with a `TimeoutError`-like object. A real result is an object of paths
 * (and maybe `errors`), never `{ message }` alone.
 */
function resolvedError(value: unknown): { message: string; timeout: boolean } | null {
  if (!isRecord(value)) return { message: 'the host answered with no result', timeout: false }
  if (value.name === 'TimeoutError') return { message: String(value.message ?? 'timeout'), timeout: true }
  if (typeof value.message === 'string' && !('errors' in value)) {
    return { message: value.message, timeout: false }
  }
  return null
}

function errorMessage(reason: unknown): string {
  if (reason instanceof Error) return reason.message
  if (isRecord(reason) && typeof reason.message === 'string') return reason.message
  if (isRecord(reason) && typeof reason.msg === 'string') return reason.msg
  return typeof reason === 'string' ? reason : 'unknown error'
}

/** Rejects with a `timeout` failure when `promise` has not settled after `ms`. */
export function withTimeout<T>(call: string, promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ZendeskError({ kind: 'timeout', call, afterMs: ms })), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (reason: unknown) => {
        clearTimeout(timer)
        reject(reason)
      },
    )
  })
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

/**
 * The raw calls, with every SDK quirk absorbed: time limits, resolved errors, per-path errors in
 * an array `get`, REST failures with their status and `Retry-After`.
 */
export class ZafCalls {
  constructor(
    private readonly client: ZafClient,
    readonly timeoutMs: number = DEFAULT_CALL_TIMEOUT_MS,
  ) {}

  /** Reads several paths in one round trip; a path the host cannot read lands in `errors`. */
  async get(paths: string[]): Promise<GetResult> {
    const call = `get ${paths.join(', ')}`
    const result = await this.settle(call, () => this.client.get(paths))
    const errors: Record<string, string> = {}
    const values: Record<string, unknown> = {}
    for (const path of paths) {
      const error = result.errors?.[path]
      if (error) errors[path] = error.message ?? 'unreadable'
      else values[path] = result[path]
    }
    return { values, errors }
  }

  /** Sets paths; any per-path error makes the whole call fail (callers check before writing). */
  async set(values: Record<string, unknown>): Promise<void> {
    const call = `set ${Object.keys(values).join(', ')}`
    const result = await this.settle(call, () => this.client.set(values))
    const failed = Object.entries(result.errors ?? {})
    if (failed.length > 0) {
      const [path, error] = failed[0]!
      throw new ZendeskError({ kind: 'host', call, message: `${path}: ${error.message ?? 'rejected'}` })
    }
  }

  /** Invokes one action (e.g. `ticket.editor.insert`) with its arguments. */
  async invoke(action: string, ...args: unknown[]): Promise<void> {
    const call = `invoke ${action}`
    const result = await this.settle(call, () => this.client.invoke(action, ...args))
    const error = result.errors?.[action]
    if (error) throw new ZendeskError({ kind: 'host', call, message: error.message ?? 'rejected' })
  }

  /** A REST call performed by the host. Non-2xx answers become `http` failures. */
  async request<T>(options: ZafRequestOptions): Promise<RestResponse<T>> {
    const call = `${options.type ?? 'GET'} ${options.url}`
    let raw: unknown
    try {
      raw = await withTimeout(call, this.client.request({ ...options, httpCompleteResponse: true }), this.timeoutMs)
    } catch (reason) {
      if (reason instanceof ZendeskError) throw reason
      throw new ZendeskError(httpFailure(call, reason))
    }
    const response = isRecord(raw) ? raw : {}
    const status = typeof response.status === 'number' ? response.status : 200
    if (status < 200 || status >= 300) throw new ZendeskError(httpFailure(call, raw))
    const body = response.responseJSON ?? parseJson(response.responseText)
    if (body === undefined) throw new ZendeskError({ kind: 'not_json', call, status })
    return { status, body: body as T, headers: normaliseHeaders(response.headers) }
  }

  private async settle(call: string, run: () => Promise<ZafResult>): Promise<ZafResult> {
    let value: unknown
    try {
      value = await withTimeout(call, Promise.resolve().then(run), this.timeoutMs)
    } catch (reason) {
      if (reason instanceof ZendeskError) throw reason
      if (isRecord(reason) && reason.name === 'TimeoutError') {
        throw new ZendeskError({ kind: 'timeout', call, afterMs: this.timeoutMs })
      }
      throw new ZendeskError({ kind: 'host', call, message: errorMessage(reason) })
    }
    const error = resolvedError(value)
    if (error?.timeout) throw new ZendeskError({ kind: 'timeout', call, afterMs: this.timeoutMs })
    if (error) throw new ZendeskError({ kind: 'host', call, message: error.message })
    return value as ZafResult
  }
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function normaliseHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (isRecord(headers)) {
    for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = String(value)
  }
  return out
}

/** `Retry-After` is seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000))
}

function httpFailure(call: string, raw: unknown): ZendeskFailure {
  const response = isRecord(raw) ? raw : {}
  const status = typeof response.status === 'number' ? response.status : 0
  const headers = normaliseHeaders(response.headers)
  const body = response.responseJSON ?? parseJson(response.responseText)
  const message = describeRestError(body) ?? (typeof response.statusText === 'string' ? response.statusText : '')
  const retryAfterSeconds = parseRetryAfter(headers['retry-after'])
  return retryAfterSeconds === undefined
    ? { kind: 'http', call, status, message }
    : { kind: 'http', call, status, message, retryAfterSeconds }
}

/** Zendesk error bodies: `{ error, description }`, `{ error: { title, message } }` or `{ details }`. */
function describeRestError(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined
  const { error, description } = body
  if (typeof description === 'string') return description
  if (isRecord(error)) return [error.title, error.message].filter((part) => typeof part === 'string').join(': ')
  if (typeof error === 'string') return error
  return undefined
}
