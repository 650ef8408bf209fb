/**
 * The article-and-check chunk's root (loaded by article-and-check.ts only in a frame that needs
 * it): reads and compares the article once the decision is on screen, gives the admin's check its
 * action (the check's own chunk loads on the click), and puts the views in their places
 * (ui/extensions.ts). The views come with the chunk because nothing else shows them.
 */
import { ArticleNotice, ArticleUnreadable } from '../ui/ArticleNotice'
import { extensions } from '../ui/extensions'
import { SettingsCheck } from '../ui/SettingsCheck'
import type { TicketHost } from '../zendesk/ticket-host'
import type { ArticleAndCheckUpdate } from './article-and-check'
import { articleView } from './article-texts'
import type { Sidebar } from './store'

/** Each started sidebar's check (one per frame; tests run several in one page). */
const checks = new WeakMap<Sidebar, () => void>()

// The views, once: they find their sidebar's check by the sidebar they are shown for (none
// before start(): no button that would do nothing).
extensions.step = ArticleNotice
extensions.foot = ({ state, sidebar }) => [ArticleUnreadable({ state }), SettingsCheck({ state, onCheck: checks.get(sidebar) })]

/** Starts the article and the check for one sidebar, once (later calls, after a requester change, do nothing). */
export function start(sidebar: Sidebar, host: TicketHost, update: ArticleAndCheckUpdate): void {
  const { settings } = sidebar.current
  if (!settings || checks.has(sidebar)) return
  // The admin's check, on a click: its chunk then, and the frame's one read of the article
  // (shared with the step cards).
  checks.set(
    sidebar,
    () =>
      void import('./settings-check').then(
        (chunk) => chunk.showSettingsCheck(sidebar, host, update, () => articleView(host, settings)),
        (error: unknown) => update({ settingsCheck: { running: false, lines: [{ status: 'fail', text: String(error) }] } }),
      ),
  )

  // The article once a decision with texts is on screen (a requester change may bring one).
  const follow = () => {
    const { status, statusPending } = sidebar.current
    if (!settings.article || statusPending || !status || status.value === 'member') return false
    void articleView(host, settings).then((article) => update({ article }))
    return true
  }
  if (!follow()) {
    const stop = sidebar.subscribe(() => follow() && stop())
  }
  // Renders the views now in place (the admin's button).
  update({})
}
