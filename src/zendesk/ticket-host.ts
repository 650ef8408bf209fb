import { ZafCalls, withTimeout } from './calls'
import type { ZafClient, ZafGlobal } from './zaf'

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

/** One read of the ticket: who asked, and the agent's locale. */
export interface TicketSnapshot {
  requester: Requester | null
  agentLocale: string
}

/**
 * Everything the rest of the app may ask of Zendesk. Implementations live in this folder only;
 * callers receive plain typed values and `ZendeskError`s.
 */
export interface TicketHost {
  /** Resolves once Zendesk has registered the app (settings and context come with it). */
  registered(): Promise<Installation>
  /** Reads the requester and the agent's locale in one round trip. */
  readTicket(): Promise<TicketSnapshot>
  /** Calls `handler` when the ticket's requester changes; returns the unsubscribe function. */
  onRequesterChanged(handler: () => void): () => void
  /** Fits the iframe to the content's height. */
  resize(heightPx: number): void
}

function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** Reads a ZAF user object defensively: any field may be missing on odd or anonymous users. */
export function toRequester(raw: unknown): Requester | null {
  if (typeof raw !== 'object' || raw === null) return null
  const user = raw as Record<string, unknown>
  const id = asNumber(user.id)
  if (id === null) return null
  return {
    id,
    name: typeof user.name === 'string' ? user.name : '',
    externalId: typeof user.externalId === 'string' && user.externalId !== '' ? user.externalId : null,
    tags: Array.isArray(user.tags) ? user.tags.filter((tag): tag is string => typeof tag === 'string') : [],
  }
}

/** The boundary over a real (or test double) ZAF client. */
export function createTicketHost(client: ZafClient, timeoutMs?: number): TicketHost {
  const calls = new ZafCalls(client, timeoutMs)
  return {
    async registered() {
      const [context, metadata] = await withTimeout(
        'app.registered',
        Promise.all([client.context(), client.metadata()]),
        calls.timeoutMs,
      )
      return { settings: metadata.settings ?? {}, ticketId: asNumber(context.ticketId) }
    },
    async readTicket() {
      const { values } = await calls.get(['ticket.requester', 'currentUser.locale'])
      const locale = values['currentUser.locale']
      return {
        requester: toRequester(values['ticket.requester']),
        agentLocale: typeof locale === 'string' ? locale : 'en',
      }
    },
    onRequesterChanged(handler) {
      client.on('ticket.requester.id.changed', handler)
      return () => client.off('ticket.requester.id.changed', handler)
    },
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
