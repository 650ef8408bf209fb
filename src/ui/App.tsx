import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { resolveLanguage, translator, type UiLanguage } from '../i18n'
import type { TicketHost, TicketSnapshot } from '../zendesk/ticket-host'
import { ZendeskError } from '../zendesk/calls'
import { RequesterHeader } from './RequesterHeader'

type State =
  | { phase: 'loading' }
  | { phase: 'ready'; ticket: TicketSnapshot }
  | { phase: 'failed'; message: string }

export interface AppProps {
  /** null when the page was not opened by Zendesk. */
  host: TicketHost | null
  /** Language to use before the agent's locale is known. */
  initialLanguage?: UiLanguage
}

/** The sidebar: registers with Zendesk, reads the ticket, shows who is asking. */
export function App({ host, initialLanguage = 'en' }: AppProps) {
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [language, setLanguage] = useState<UiLanguage>(initialLanguage)
  const root = useRef<HTMLElement>(null)
  const lastHeight = useRef(0)
  const t = translator(language)

  useEffect(() => {
    if (!host) return
    let current = true
    // A late answer for an earlier read must not paint over a newer one.
    let generation = 0
    const load = async () => {
      const mine = ++generation
      try {
        await host.registered()
        const ticket = await host.readTicket()
        if (!current || mine !== generation) return
        setLanguage(resolveLanguage(ticket.agentLocale))
        setState({ phase: 'ready', ticket })
      } catch (error) {
        if (!current || mine !== generation) return
        setState({ phase: 'failed', message: error instanceof ZendeskError ? error.message : String(error) })
      }
    }
    void load()
    const unsubscribe = host.onRequesterChanged(() => void load())
    return () => {
      current = false
      unsubscribe()
    }
  }, [host])

  // Resize only when the content's height really changed: no layout jumps.
  useLayoutEffect(() => {
    const height = root.current?.offsetHeight ?? 0
    if (host && height > 0 && height !== lastHeight.current) {
      lastHeight.current = height
      host.resize(height)
    }
  })

  let body
  if (!host) body = <p class="notice">{t('notInZendesk')}</p>
  else if (state.phase === 'loading') body = <p class="muted">{t('loading')}</p>
  else if (state.phase === 'failed') body = <p class="notice notice--error">{t('hostError', { message: state.message })}</p>
  else body = <RequesterHeader requester={state.ticket.requester} t={t} />

  return (
    <main ref={root} lang={language} class="sidebar">
      {body}
    </main>
  )
}
