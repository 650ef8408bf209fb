/**
 * The shape of the ZAF SDK client as this app uses it. The SDK ships no types; this file is the
 * only place that describes it, and only src/zendesk/ imports it.
 */

/** What `get`, `set` and `invoke` resolve with: one key per path, plus per-path errors. */
export interface ZafResult {
  errors?: Record<string, { message?: string; name?: string; path?: string }>
  [path: string]: unknown
}

/** Options of `client.request` (run by the host, not by the iframe). */
export interface ZafRequestOptions {
  url: string
  type?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  contentType?: string
  data?: string
  /** Resolve with { status, headers, responseJSON, responseText } instead of the body alone. */
  httpCompleteResponse?: boolean
  cors?: boolean
  /** Whether the host retries a 429 itself (zaf-toolbox types it; behaviour undocumented). */
  autoRetry?: boolean
}

/** Context sent with `app.registered` and returned by `client.context()`. */
export interface ZafContext {
  instanceGuid?: string
  product?: string
  location?: string
  ticketId?: number
  account?: { subdomain?: string }
}

/** Metadata sent with `app.registered`: the installation's settings among it. */
export interface ZafMetadata {
  appId?: number
  installationId?: number
  name?: string
  version?: string
  settings?: Record<string, unknown>
}

export interface ZafClient {
  get(paths: string | string[]): Promise<ZafResult>
  set(path: string | Record<string, unknown>, value?: unknown): Promise<ZafResult>
  invoke(name: string | Record<string, string[]>, ...args: unknown[]): Promise<ZafResult>
  on(event: string, handler: (data: never) => void, context?: unknown): void
  off(event: string, handler: (data: never) => void): void
  trigger(event: string, data?: unknown): void
  request(options: ZafRequestOptions | string): Promise<unknown>
  context(): Promise<ZafContext>
  metadata(): Promise<ZafMetadata>
}

/** The global the SDK script defines (`<script src=".../zaf_sdk.min.js">`). */
export interface ZafGlobal {
  init(callback?: (context: ZafContext) => void): ZafClient | false
}
