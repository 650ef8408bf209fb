import { Component, createRef } from 'preact'
import { isLanguageLoaded, loadLanguage, rareTextsFailed, translator, type UiLanguage } from '../i18n'
import { Sidebar, type SidebarOptions } from '../sidebar/store'
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
  declare private readonly sidebar: Sidebar | null
  private readonly root = createRef<HTMLElement>()
  private lastHeight = 0
  private stop = () => {}
  private languageFailed = false

  constructor(props: AppProps) {
    super(props)
    this.sidebar = props.host ? new Sidebar(props.host, props.initialLanguage, props.options) : null
  }

  override componentDidMount(): void {
    const sidebar = this.sidebar
    if (!sidebar) return
    const unsubscribe = sidebar.subscribe(() => this.forceUpdate())
    const stopSidebar = sidebar.start()
    // Zendesk narrows or widens the sidebar: the text wraps anew, the height follows.
    const observer = new ResizeObserver(() => this.fitHeight())
    observer.observe(document.body)
    this.stop = () => {
      unsubscribe()
      stopSidebar()
      observer.disconnect()
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
    const settled = state && state.phase !== 'loading' && !state.statusPending && isLanguageLoaded(state.language)
    if (this.props.host && settled && height > 0 && height !== this.lastHeight) {
      this.lastHeight = height
      this.props.host.resize(height)
    }
  }

  /** Fetches the language's texts (again, after a failure), then renders again. */
  private load(language: UiLanguage): void {
    this.languageFailed = false
    loadLanguage(language).then(
      () => this.forceUpdate(),
      () => {
        this.languageFailed = true
        this.forceUpdate()
      },
    )
  }

  /** Renders again when texts only some views show (faults, settings problems) have arrived. */
  private readonly update = () => this.forceUpdate()

  /** No texts to say it with: both languages, hard-coded, and a way to try again. */
  private textsFailed(language: UiLanguage) {
    return (
      <p class="notice notice--error">
        문구를 불러오지 못했습니다. The app’s texts could not be loaded.{' '}
        <button type="button" class="c-btn c-btn--sm" onClick={() => this.load(language)}>
          다시 시도 / Retry
        </button>
      </p>
    )
  }

  override render({ initialLanguage = 'en' }: AppProps) {
    const sidebar = this.sidebar
    const language = sidebar?.current.language ?? initialLanguage
    if (!isLanguageLoaded(language)) {
      // The ticket's first read brings the agent's language: until then a spinner without words
      // and no download, so a frame never fetches the texts of a language it will not show.
      const waiting = sidebar?.current.phase === 'loading'
      if (!waiting && this.languageFailed) return <main>{this.textsFailed(language)}</main>
      if (!waiting) this.load(language)
      return (
        <main ref={this.root} aria-busy="true" data-testid="loading">
          <span class="spinner" />
        </main>
      )
    }
    const t = translator(language, this.update)
    return (
      <main ref={this.root} lang={language}>
        {rareTextsFailed(language) ? this.textsFailed(language) : null}
        {sidebar ? <SidebarScreen sidebar={sidebar} t={t} language={language} /> : <p class="notice">{t('notInZendesk')}</p>}
      </main>
    )
  }
}
