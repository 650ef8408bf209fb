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
  /** A timed-out call, still under way: settles when the host answers at last (a write may land then). */
  declare settled?: Promise<unknown>
  constructor(readonly failure: ZendeskFailure) {
    // For developers only: the UI words the failure itself. Holds no ticket or customer data.
    super(JSON.stringify(failure))
  }
}

export const hostError = (call: string, message: string) => new ZendeskError({ kind: 'host', call, message })

/** Any error as a failure to explain: a ZendeskError's own, else one of the app itself (a bug). */
export function failureOf(error: unknown): ZendeskFailure {
  if (error instanceof ZendeskError) return error.failure
  return { kind: 'host', call: 'app', message: error instanceof Error ? error.message : String(error) }
}

/** Default time limit for one host call; generous for the CDN SDK, short enough for an agent. */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value when it is a string; the SDK and the REST API may leave any field out. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** Rejects with a `timeout` failure when `promise` has not settled after `ms`. */
export function withTimeout<T>(call: string, promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new ZendeskError({ kind: 'timeout', call, afterMs: ms }), { settled: promise.catch(() => 0) })), ms)
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
      // `autoRetry: false`: one retry policy, ours (retry.ts waits Retry-After and tells the agent;
      // a write whose outcome is unknown is only tried again by the agent, after a look), never
      // the host's own 429 retries stacked under it, unseen and uncounted.
      const request = client.request({ ...options, httpCompleteResponse: true, autoRetry: false }).catch((answer: unknown) => answer)
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
