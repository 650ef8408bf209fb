/**
 * How the host page performs an app's `client.request`: with `fetch` against its own origin,
 * where the server answers `/api/v2/*` from the fixture handlers (with the open scenario's
 * faults). Answers are shaped as Zendesk hands them to the SDK:
 *
 * - `httpCompleteResponse: true`: `done` or `fail` (non-2xx) with
 *   `[{ status, statusText, headers, responseJSON, responseText }]`;
 * - otherwise jQuery's shapes: `done` with `[body, 'success', xhr]`, `fail` with
 *   `[xhr, 'error' | 'parsererror', statusText]`.
 *
 * Nothing leaves the machine: a URL on `*.zendesk.com` is answered locally, any other origin
 * fails with status 0.
 */
import type { HostRequestOptions, RequestOutcome } from './protocol'

/** The header that tells the server which scenario's faults apply. */
export const SCENARIO_HEADER = 'x-local-host-scenario'
/** The header naming the page load (faults with `times` count per page load). */
export const SESSION_HEADER = 'x-local-host-session'

export interface RestContext {
  hostOrigin: string
  scenarioId: string
  sessionId: string
  /** Called with the request body of every accepted `PUT /api/v2/tickets/:id.json`. */
  onTicketUpdate?(ticketId: number, body: unknown): void
  /** Who is calling (fixtures/caller.ts): the agent's locale, the account's kind of option raw names. */
  callerHeaders?: Record<string, string>
}

interface CompleteResponse {
  status: number
  statusText: string
  headers: Record<string, string>
  responseJSON: unknown
  responseText: string
}

function encodeForm(data: Record<string, unknown>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(data)) params.append(key, typeof value === 'string' ? value : JSON.stringify(value))
  return params.toString()
}

function failure(options: HostRequestOptions, status: number, statusText: string, responseText: string): RequestOutcome {
  const complete: CompleteResponse = { status, statusText, headers: {}, responseJSON: undefined, responseText }
  return {
    outcome: 'fail',
    status,
    error: `${statusText}: ${responseText}`,
    responseArgs: options.httpCompleteResponse ? [complete] : [{ ...complete, readyState: status === 0 ? 0 : 4 }, 'error', statusText],
  }
}

export async function performRequest(options: HostRequestOptions, context: RestContext): Promise<RequestOutcome> {
  let url: URL
  try {
    url = new URL(options.url, context.hostOrigin)
  } catch {
    return failure(options, 0, 'error', `invalid URL ${String(options.url)}`)
  }
  if (url.origin !== context.hostOrigin) {
    if (url.hostname.endsWith('.zendesk.com')) url = new URL(url.pathname + url.search, context.hostOrigin)
    else return failure(options, 0, 'error', `offline: the local host does not reach ${url.origin}`)
  }
  const method = (options.type ?? options.method ?? 'GET').toUpperCase()
  const headers = new Headers(options.headers ?? {})
  headers.set('accept', 'application/json, text/javascript, */*; q=0.01')
  headers.set('x-requested-with', 'XMLHttpRequest')
  headers.set(SCENARIO_HEADER, context.scenarioId)
  headers.set(SESSION_HEADER, context.sessionId)
  for (const [name, value] of Object.entries(context.callerHeaders ?? {})) headers.set(name, value)
  let body: string | undefined
  if (options.data !== undefined && options.data !== null) {
    if (method === 'GET' || method === 'HEAD') {
      const query = typeof options.data === 'string' ? options.data : encodeForm(options.data as Record<string, unknown>)
      if (query) url.search += (url.search ? '&' : '?') + query
    } else {
      const contentType = options.contentType === false ? undefined : (options.contentType ?? 'application/x-www-form-urlencoded; charset=UTF-8')
      if (contentType) headers.set('content-type', contentType)
      if (typeof options.data === 'string') body = options.data
      else body = contentType?.includes('json') ? JSON.stringify(options.data) : encodeForm(options.data as Record<string, unknown>)
    }
  }

  let response: Response
  try {
    response = await fetch(url, body === undefined ? { method, headers } : { method, headers, body })
  } catch (error) {
    return failure(options, 0, 'error', error instanceof Error ? error.message : String(error))
  }
  const responseText = await response.text()
  let responseJSON: unknown
  let parseError: string | undefined
  if (responseText.trim() !== '') {
    try {
      responseJSON = JSON.parse(responseText)
    } catch (error) {
      parseError = error instanceof Error ? `${error.name}: ${error.message}` : 'SyntaxError'
    }
  }
  const responseHeaders: Record<string, string> = {}
  response.headers.forEach((value, name) => (responseHeaders[name.toLowerCase()] = value))
  const complete: CompleteResponse = { status: response.status, statusText: response.statusText, headers: responseHeaders, responseJSON, responseText }
  const ok = (response.status >= 200 && response.status < 300) || response.status === 304

  if (ok && method === 'PUT' && body !== undefined) {
    const ticket = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(url.pathname)
    if (ticket) {
      try {
        context.onTicketUpdate?.(Number(ticket[1]), JSON.parse(body))
      } catch {
        // A body the server accepted but we cannot read: nothing to show.
      }
    }
  }

  if (options.httpCompleteResponse) {
    return ok
      ? { outcome: 'done', status: response.status, responseArgs: [complete] }
      : { outcome: 'fail', status: response.status, error: `HTTP ${response.status} ${responseText.slice(0, 200)}`, responseArgs: [complete] }
  }
  const xhr = { ...complete, readyState: 4 }
  const wantsJson = options.dataType === 'json' || (responseHeaders['content-type'] ?? '').includes('json')
  if (ok && wantsJson && parseError) {
    return { outcome: 'fail', status: response.status, error: `parsererror ${parseError}`, responseArgs: [xhr, 'parsererror', parseError] }
  }
  if (ok) return { outcome: 'done', status: response.status, responseArgs: [responseJSON ?? responseText, 'success', xhr] }
  return {
    outcome: 'fail',
    status: response.status,
    error: `HTTP ${response.status} ${responseText.slice(0, 200)}`,
    responseArgs: [xhr, 'error', response.statusText],
  }
}
