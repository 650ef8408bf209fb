/**
 * Beside the store, per frame (configuration, not the ticket): the help-center article the texts
 * follow, and the admin's settings check. This module is all that every frame ships of them: the
 * types, the trigger that loads their chunk (article-and-check-chunk.ts) in a frame that needs it
 * (`procedure_article_id` set, or an admin) once the decision is on screen, and the one line of
 * the view that sends the article's wording.
 */
import type { TextToSend } from '../article'
import type { Decision, StepId } from '../procedure'
import type { ZendeskFailure } from '../zendesk/calls'
import type { TicketHost } from '../zendesk/ticket-host'
import type { SidebarState } from './state'
import type { Sidebar } from './store'

/** One step against the article: its comparison, the article's wording, and what Insert sends. */
export interface ArticleStep {
  readonly status: 'same' | 'differs' | 'not_found' | 'ambiguous'
  /** The article's wording, where it was located (same or differs). */
  readonly article?: string
  /** With `texts_source=article`: what Insert and Apply send for the step, and whose wording. */
  readonly send?: TextToSend
}

/** The article as the sidebar shows it: compared step by step, or unreadable (a quiet note). */
export type ArticleView =
  { readonly readable: true; readonly steps: Readonly<Partial<Record<StepId, ArticleStep>>> } | { readonly readable: false; readonly failure?: ZendeskFailure }

/** One line of the settings check, in the admin's language (its texts come with its chunk). */
export interface CheckLine {
  /** `ok`, `fail`, or `note` for something not configured. */
  readonly status: 'ok' | 'fail' | 'note'
  readonly text: string
}

/** The settings check: running, or its lines. */
export interface SettingsCheckView {
  readonly running: boolean
  readonly lines: readonly CheckLine[]
}

/** How the chunk changes the sidebar's state: these two fields only. */
export type ArticleAndCheckUpdate = (patch: Pick<SidebarState, 'article' | 'settingsCheck'>) => void

/**
 * Loads the chunk (article-and-check-chunk.ts) in a frame that needs it: an article to compare,
 * or an admin's. The store calls this on each read of the ticket, once the settings and the role
 * are known; a frame with neither never loads it. The chunk reads the article only once the
 * decision is on screen, and starts once per sidebar.
 */
export function followArticleAndCheck(sidebar: Sidebar, host: TicketHost, update: ArticleAndCheckUpdate): void {
  const { settings, ticket } = sidebar.current
  // A chunk that cannot be downloaded leaves the built-in texts, as in any frame without it.
  if (settings?.article || ticket?.agentRole === 'admin')
    import('./article-and-check-chunk').then(
      (chunk) => chunk.start(sidebar, host, update),
      () => {},
    )
}

/** The decision with the article's wording in the steps it is sent for (`texts_source=article`). */
export function withArticleTexts(decision: Decision, article: ArticleView | undefined): Decision {
  if (!decision.applies || !article?.readable) return decision
  const { steps } = article
  return {
    ...decision,
    steps: decision.steps.map((step) => {
      const text = steps[step.id]?.send?.text
      return text && step.text ? { ...step, text } : step
    }),
  }
}
