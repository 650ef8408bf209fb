/**
 * Where each reply text sits in the article, as the article is written today, and how to find
 * it in the article's blocks.
 *
 * - A section starts at a label (heading or all-bold line) reading `Q1.` / `Q2.` and runs to
 *   the next such label.
 * - In its section a step's place starts at the label with its marker (`②`, `③`, `> 동일함`,
 *   `> 동일하지 않음`; a leading `>` is not part of the marker) and runs to the next label or
 *   separator (`<hr>`, a line of ─).
 * - The reply text is that place's ordinary paragraphs, a blank line between two; a paragraph
 *   starting with ※ is a note for agents, never reply text.
 * - The how-to lists are the place's code blocks, one list per `[title]` line with the lines
 *   that follow it up to a blank line; the first list is KakaoTalk's, the second the driver app's.
 */
import type { ArticleSection, ArticleTextId } from '../procedure/article'
import type { Block } from './html'

/** Where one reply text is: its section, the marker its label starts with, which part. */
export interface Place {
  readonly section: ArticleSection
  readonly marker: string
  /** `prose`: the paragraphs; a number: that how-to list (0 first) of the code blocks. */
  readonly part: 'prose' | 0 | 1
}

/** Each reply text's place in today's article. */
export const PLACES: Readonly<Record<ArticleTextId, Place>> = {
  nonmember_notice: { section: 'Q1', marker: '②', part: 'prose' },
  verification_steps_app: { section: 'Q1', marker: '③', part: 'prose' },
  contact_match_request: { section: 'Q2', marker: '②', part: 'prose' },
  contact_howto_kakaotalk: { section: 'Q2', marker: '②', part: 0 },
  contact_howto_driver_app: { section: 'Q2', marker: '②', part: 1 },
  verification_steps_chat: { section: 'Q2', marker: '동일함', part: 'prose' },
  kakaotalk_relogin: { section: 'Q2', marker: '동일하지 않음', part: 'prose' },
}

/** What locating found: one text, none (and what is missing), or several (of what). */
export type Location =
  | { readonly found: 'one'; readonly text: string }
  | { readonly found: 'none'; readonly missing: 'section' | 'heading' | 'text' }
  | { readonly found: 'many'; readonly of: 'section' | 'heading' | 'lists'; readonly count: number }

const SECTION = /^Q(\d+)\s*\./
const LIST_TITLE = /^\[[^\]]+\]$/

const labelText = (block: Block) => (block.lines[0] ?? '').replace(/^[>\s]+/, '')

/** Indexes of the blocks that are labels starting with `starts`. */
function labelsAt(blocks: readonly Block[], starts: (text: string) => boolean): number[] {
  return blocks.flatMap((block, i) => (block.label && starts(labelText(block)) ? [i] : []))
}

/** Blocks after `start` up to the first one `ends` (exclusive). */
function until(blocks: readonly Block[], start: number, ends: (block: Block) => boolean): readonly Block[] {
  const rest = blocks.slice(start + 1)
  const end = rest.findIndex(ends)
  return end === -1 ? rest : rest.slice(0, end)
}

/** The how-to lists of some code lines: each `[title]` line and the lines after it up to a blank one. */
function howToLists(lines: readonly string[]): string[][] {
  const lists: string[][] = []
  let current: string[] | null = null
  for (const line of lines) {
    if (LIST_TITLE.test(line)) lists.push((current = [line]))
    else if (line === '') current = null
    else current?.push(line)
  }
  return lists
}

/** Finds one reply text in the article's blocks. */
export function locate(blocks: readonly Block[], place: Place): Location {
  const sections = labelsAt(blocks, (text) => `Q${SECTION.exec(text)?.[1] ?? ''}` === place.section)
  const [section, ...moreSections] = sections
  if (section === undefined) return { found: 'none', missing: 'section' }
  if (moreSections.length) return { found: 'many', of: 'section', count: sections.length }
  const inSection = until(blocks, section, (block) => block.label && SECTION.test(labelText(block)))

  const headings = labelsAt(inSection, (text) => text.startsWith(place.marker))
  const [heading, ...moreHeadings] = headings
  if (heading === undefined) return { found: 'none', missing: 'heading' }
  if (moreHeadings.length) return { found: 'many', of: 'heading', count: headings.length }
  const inPlace = until(inSection, heading, (block) => block.label || block.kind === 'rule')

  let text: string | undefined
  if (place.part === 'prose') {
    const paragraphs = inPlace.filter((block) => block.kind === 'text' && !(block.lines[0] ?? '').startsWith('※'))
    text = paragraphs.map((block) => block.lines.join('\n')).join('\n\n')
  } else {
    const lists = howToLists(inPlace.filter((block) => block.kind === 'code').flatMap((block) => [...block.lines, '']))
    if (lists.length > 2) return { found: 'many', of: 'lists', count: lists.length }
    text = lists[place.part]?.join('\n')
  }
  return text ? { found: 'one', text } : { found: 'none', missing: 'text' }
}
