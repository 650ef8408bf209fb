import { Component, createRef } from 'preact'
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

/**
 * The sidebar: one model per frame, re-rendered on every change of its state. A class, not
 * hooks: the frame has one component with state, and preact's hooks would ship for it alone.
 */
export class App extends Component<AppProps> {
  private readonly sidebar: Sidebar | null
  private readonly root = createRef<HTMLElement>()
  private lastHeight = 0
  private stop = () => {}

  constructor(props: AppProps) {
    super(props)
    this.sidebar = props.host ? new Sidebar(props.host, props.initialLanguage, props.options) : null
  }

  override componentDidMount(): void {
    const sidebar = this.sidebar
    if (!sidebar) return
    const unsubscribe = sidebar.subscribe(() => this.forceUpdate())
    const stopSidebar = sidebar.start()
    this.stop = () => {
      unsubscribe()
      stopSidebar()
    }
    this.fitHeight()
  }

  override componentDidUpdate(): void {
    this.fitHeight()
  }

  override componentWillUnmount(): void {
    this.stop()
  }

  /**
   * No layout jumps: the first resize waits for the decision (or its failure), later ones only
   * follow a real change of the content's height.
   */
  private fitHeight(): void {
    const state = this.sidebar?.current
    const height = this.root.current?.offsetHeight ?? 0
    if (this.props.host && state && state.phase !== 'loading' && !state.statusPending && height > 0 && height !== this.lastHeight) {
      this.lastHeight = height
      this.props.host.resize(height)
    }
  }

  override render({ initialLanguage = 'en' }: AppProps) {
    const sidebar = this.sidebar
    const language = sidebar?.current.language ?? initialLanguage
    const t = translator(language)
    return (
      <main ref={this.root} lang={language} class="sidebar">
        {sidebar ? <SidebarScreen sidebar={sidebar} t={t} language={language} /> : <p class="notice">{t('notInZendesk')}</p>}
      </main>
    )
  }
}
