/**
 * Beside the store, per frame (both are configuration, not the ticket): the help-center article
 * the texts follow, and the admin's settings check. Their code is a chunk of its own each, loaded
 * only where it is needed: the article's in a frame with `procedure_article_id` set, once the
 * decision is on screen; the check's when an admin clicks "Check settings". This module is what
 * every frame ships of them, so it stays small.
 */
import type { StepComparison, TextToSend } from '../article'
import type { Decision, StepId } from '../procedure'
import { failureOf, type ZendeskFailure } from '../zendesk/calls'
import type { TicketHost } from '../zendesk/ticket-host'
import type { Settings } from './settings'
import type { SidebarState } from './state'
import type { Sidebar } from './store'

/** One step against the article: its comparison, the article's wording, and what Insert sends. */
export interface ArticleStep {
  readonly status: StepComparison['status']
  /** The article's wording, where it was located (same or differs). */
  readonly article?: string
  /** With `texts_source=article`: what Insert and Apply send for the step, and whose wording. */
  readonly send?: TextToSend
}

/** The article as the sidebar shows it: compared step by step, or unreadable (a quiet note). */
export type ArticleView =
  | { readonly readable: true; readonly steps: Readonly<Partial<Record<StepId, ArticleStep>>> }
  | { readonly readable: false; readonly failure?: ZendeskFailure }

/** One line of the settings check, already in the admin's language (its texts come with its chunk). */
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

type Update = (patch: Pick<SidebarState, 'article' | 'settingsCheck'>) => void

/** Reads the article once per frame, through its chunk; never rejects. */
export type ArticleReader = () => Promise<ArticleView>

const checks = new WeakMap<Sidebar, () => void>()

/**
 * Follows one sidebar for the frame's life (the store's start() calls it once): reads and
 * compares the article after the decision is on screen, in parallel with the rest, never in its
 * way; and readies the settings check for {@link checkSettings}.
 */
export function followArticleAndCheck(sidebar: Sidebar, host: TicketHost, update: Update): void {
  let reading: Promise<ArticleView> | undefined
  const readArticle = (settings: Settings) =>
    (reading ??= import('./article-texts').then(
      (chunk) => chunk.readArticleView(host, settings),
      (error: unknown): ArticleView => ({ readable: false, failure: failureOf(error) }),
    ))

  const stop = sidebar.subscribe(() => {
    const { settings, status } = sidebar.current
    // The decision is on screen once the status is known; a member's shows no texts to compare.
    if (!settings?.article || !status || status.value === 'member') return
    stop()
    void readArticle(settings).then((article) => update({ article }))
  })

  checks.set(sidebar, () => {
    const { settings, language, settingsCheck } = sidebar.current
    if (!settings || settingsCheck?.running) return
    update({ settingsCheck: { running: true, lines: [] } })
    void import('./settings-check')
      .then((chunk) => chunk.runSettingsCheck(host, settings, language, () => readArticle(settings)))
      .catch((error: unknown): CheckLine[] => [{ status: 'fail', text: String(error) }])
      .then((lines) => update({ settingsCheck: { running: false, lines } }))
  })
}

/** Runs the settings check of this sidebar (an admin's click); a second click while it runs does nothing. */
export function checkSettings(sidebar: Sidebar): void {
  checks.get(sidebar)?.()
}

/** The decision with the article's wording in the steps it sends so (`texts_source=article`). */
export function withArticleTexts(decision: Decision, article: ArticleView | undefined): Decision {
  if (!decision.applies || !article?.readable) return decision
  const steps = decision.steps.map((step) => {
    const text = article.steps[step.id]?.send?.text
    return text === undefined || step.text === undefined ? step : { ...step, text }
  })
  return { ...decision, steps }
}
