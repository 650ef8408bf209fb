/**
 * Places in the sidebar for views that come with a lazy chunk: a line on a step card, and the
 * sidebar's foot. The article-and-check chunk (sidebar/article-and-check-chunk.ts) fills them in
 * when it loads; until then, and in a frame that never loads it, they render nothing, and this
 * is all the frame ships of those views.
 */
import type { ComponentChild } from 'preact'
import type { StepId } from '../procedure'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'

export interface StepExtensionProps {
  readonly step: StepId
  readonly state: SidebarState
}

export interface FootExtensionProps {
  readonly state: SidebarState
  readonly sidebar: Sidebar
}

/** The views a loaded chunk has put in their places. */
export const extensions: { step?: (props: StepExtensionProps) => ComponentChild; foot?: (props: FootExtensionProps) => ComponentChild } = {}

/** On a step card: the loaded view, if any. */
export const StepExtension = (props: StepExtensionProps) => extensions.step?.(props)

/** At the sidebar's foot: the loaded view, if any. */
export const FootExtension = (props: FootExtensionProps) => extensions.foot?.(props)
