import type { Translate, UiLanguage } from '../i18n'
import type { Decision } from '../procedure'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import type { SidebarView } from '../sidebar/view'

/** What every part of the screen is drawn from: the state, its view, the store to act on, the texts. */
export interface ScreenProps {
  state: SidebarState
  view: SidebarView
  sidebar: Sidebar
  t: Translate
  language: UiLanguage
}

/** A decision that applies (a non-member, or a status unknown). */
export type Applies = Extract<Decision, { applies: true }>
