/**
 * The local host's public surface: `window.__host` in the host page (read by the browser tests,
 * the scenario walks and the benchmark) and the config the server injects into the page.
 */
import type { SettingValue } from './fixtures/scenarios'

/** One app → host call, as the host saw it. Times are epoch ms (`performance.timeOrigin + now()`). */
export interface HostCall {
  /** Order of arrival, from 1. */
  seq: number
  /** Which frame made it: the sidebar app, or a probe frame (tests). */
  instance: string
  type: 'get' | 'set' | 'invoke' | 'request'
  /** get: the paths; set: the keys; invoke: the action names; request: `METHOD url`. */
  detail: string
  /** What was sent (get: paths; set/invoke: the object; request: the options). */
  params: unknown
  /** When the host received it. */
  sentAt: number
  /** When the host posted the answer; null while pending. */
  answeredAt: number | null
  /** False if the answer was an error (a per-path error, a failed request). */
  ok: boolean | null
  /** request: the HTTP status (0 when nothing answered). */
  status?: number
  /** The error message(s), if any. */
  error?: string
}

/** A message the host refused (not from an app frame, or from the wrong origin). */
export interface IgnoredMessage {
  origin: string
  reason: 'unknown-source' | 'wrong-origin' | 'wrong-app-guid' | 'not-json'
  data: string
  at: number
}

/** A consultation-type field as the ticket view shows it. */
export interface HostField {
  id: number
  title: string
  /** The stored value: the option's tag, or null. */
  value: string | null
  /** The option's name (`대리_기사::기타/이벤트::…`), or null. */
  name: string | null
  /** Whether the ticket form shows it (it is in `consultation_field_ids`). */
  shown: boolean
}

/** A comment added through `PUT /api/v2/tickets/:id.json`. */
export interface HostNote {
  body: string
  public: boolean
  /** Epoch ms. */
  at: number
}

/** The ticket as last saved (by the agent's Submit or a REST write): what a reload would show. */
export interface SavedTicket {
  tags: string[]
  status: string
  /** Consultation field id → option tag (null when empty). */
  fields: Record<string, string | null>
}

/** One press of Submit (or `__host.submit()`), and how it ended. */
export interface SubmitRecord {
  /** `saved`; `failed` (Zendesk could not save: `ticket.submit.fail`); `cancelled` by an app's `ticket.save` hook. */
  outcome: 'saved' | 'failed' | 'cancelled'
  /** The hook's message (a string it returned or an error's text), or why the save failed. */
  message?: string
  /** Which frames' `ticket.save` hooks answered, and how. */
  hooks: { instance: string; ok: boolean; message?: string }[]
  /** The events the host sent for this submit, in order. */
  events: string[]
  /** Epoch ms. */
  at: number
}

/** Everything in `window.__host` that is data, as one JSON-safe object. */
export interface HostSnapshot {
  scenario: string
  settings: Record<string, SettingValue>
  latencyMs: number
  appGuid: string
  appOrigin: string
  hostOrigin: string
  calls: HostCall[]
  ignored: IgnoredMessage[]
  /** When the host saw the app's handshake / posted `zaf.app.registered` (epoch ms). */
  handshakeAt: number | null
  registeredAt: number | null
  /** Event subscriptions of the app frame: event → subscriber count. */
  subscriptions: Record<string, number>
  /** Events the host sent to the app frame, in order (name only). */
  emitted: string[]
  /** Every connected frame (the app, probes) by instance name. */
  instances: Record<
    string,
    { appGuid: string; handshakeAt: number | null; registeredAt: number | null; subscriptions: Record<string, number>; emitted: string[] }
  >
  /** The draft as the agent sees it (paragraphs apart by a blank line, `\n` a line break). */
  draft: string
  /** The rich editor's HTML of the draft (`<p>` per paragraph, `<br>` per line break). */
  draftHtml: string
  /** The reply editor: `rich` (HTML sanitized) or `chat` (HTML turned into Markdown text). */
  composer: 'rich' | 'chat'
  /** `currentUser.role`. */
  role: string
  cursor: number
  fields: Record<string, HostField>
  tags: string[]
  notes: HostNote[]
  /** The ticket as last saved (Submit or a REST write); `fields`/`tags` are what is on screen. */
  saved: SavedTicket
  /** Saves by the agent's Submit that went through. */
  saves: number
  /** REST writes that landed on this ticket (each showed "Ticket updated"). */
  restUpdates: number
  /** Every Submit and how it ended. */
  submits: SubmitRecord[]
  /** The app iframe's size in CSS px. */
  frame: { width: number; height: number }
}

/** `window.__host`. */
export interface LocalHostApi {
  readonly scenario: string
  readonly settings: Record<string, SettingValue>
  readonly latencyMs: number
  readonly appGuid: string
  readonly appOrigin: string
  readonly calls: HostCall[]
  readonly ignored: IgnoredMessage[]
  readonly registeredAt: number | null
  readonly handshakeAt: number | null
  draft(): string
  /** The rich editor's HTML of the draft. */
  draftHtml(): string
  readonly composer: 'rich' | 'chat'
  cursor(): number
  fields(): Record<string, HostField>
  tags(): string[]
  notes(): HostNote[]
  /** The current path → value map `get` answers from (JSON-safe copy). */
  data(): Record<string, unknown>
  snapshot(): HostSnapshot
  /** Sends `zaf.<event>` to the app frame if it subscribed (or always with `force`); true if sent. */
  emit(event: string, data?: unknown, force?: boolean): boolean
  /** As if the agent typed: replaces the draft and puts the caret at `cursor` (default: the end). */
  setDraft(text: string, cursor?: number): void
  /** Moves the draft's caret. */
  setCursor(position: number): void
  /** Changes the ticket's requester (fires `ticket.requester.id.changed`). */
  changeRequester(userId: number | null): void
  /** Adds a hidden probe frame on the app origin with the SDK and `window.client = ZAFClient.init()`; resolves with its app_guid once registered. */
  addProbe(): Promise<string>
  /** Reloads the app iframe (a new handshake). */
  reloadApp(): void
  /** Presses Submit: the `ticket.save` hooks, then `ticket.submit.start` and `done`/`fail`, `always`. */
  submit(): Promise<SubmitRecord>
  /** Makes the next submit fail after `ticket.submit.start` (nothing saved). */
  failNextSubmit(message?: string): void
  /** Agent saves that went through, and REST writes that landed on the ticket. */
  saves(): number
  restUpdates(): number
  /** A new customer message arrives (HTML on an email ticket); fires `ticket.conversation.changed`. */
  addCustomerMessage(text: string): void
}

/** What the server injects into the host page (`window.__HOST_CONFIG__`). */
export interface HostPageConfig {
  /** Origin the app iframe is served from (the other loopback name). */
  appOrigin: string
  /** Path of the built app page. */
  appPath: string
  /** Path of the probe page (SDK only). */
  probePath: string
  /** The app's manifest name and version (metadata). */
  appName: string
  appVersion: string
  /** manifest.json's parameters (Zendesk sends every one, with its default when not set). */
  parameters: { name: string; type: string; default?: SettingValue }[]
}

declare global {
  interface Window {
    __host?: LocalHostApi
    __HOST_CONFIG__?: HostPageConfig
  }
}
