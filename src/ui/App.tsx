import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import { translator, type UiLanguage } from '../i18n'
import { Sidebar, type SidebarOptions } from '../sidebar/model'
import type { TicketHost } from '../zendesk/ticket-host'
import { SidebarScreen } from './SidebarScreen'

export interface AppProps {
  /** null when the page was not opened by Zendesk. */
  host: TicketHost | null
  /** Language to use before the agent's locale is known. */
  initialLanguage?: UiLanguage
  options?: SidebarOptions
}

/** The sidebar: one model per frame, re-rendered on every change of its state. */
export function App({ host, initialLanguage = 'en', options }: AppProps) {
  const sidebar = useMemo(() => (host ? new Sidebar(host, initialLanguage, options) : null), [host])
  const [, setVersion] = useState(0)
  const root = useRef<HTMLElement>(null)
  const lastHeight = useRef(0)

  useEffect(() => {
    if (!sidebar) return
    const unsubscribe = sidebar.subscribe(() => setVersion((version) => version + 1))
    const stop = sidebar.start()
    return () => {
      unsubscribe()
      stop()
    }
  }, [sidebar])

  // No layout jumps: the first resize waits for the decision (or its failure), later ones only
  // follow a real change of the content's height.
  const settled = sidebar ? sidebar.current.phase !== 'loading' && !sidebar.current.statusPending : false
  useLayoutEffect(() => {
    const height = root.current?.offsetHeight ?? 0
    if (host && settled && height > 0 && height !== lastHeight.current) {
      lastHeight.current = height
      host.resize(height)
    }
  })

  const language = sidebar?.current.language ?? initialLanguage
  const t = translator(language)
  return (
    <main ref={root} lang={language} class="sidebar">
      {sidebar ? <SidebarScreen sidebar={sidebar} t={t} language={language} /> : <p class="notice">{t('notInZendesk')}</p>}
    </main>
  )
}
