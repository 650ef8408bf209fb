import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect } from 'vitest'
import { compareWithArticle } from '../../src/article'
import type { ArticleComparison } from '../../src/article'
import { ARTICLE_TEXTS, articleText } from '../../src/procedure'
import type { ArticleTextId } from '../../src/procedure'

/** Today's article as Zendesk Guide stores its body (a rendering of tests/fixtures/article.txt). */
export const ARTICLE_HTML = readFileSync(resolve(import.meta.dirname, '../fixtures/article.html'), 'utf8')

/** The step ids of the reply texts, in article order. */
export const STEP_IDS: readonly ArticleTextId[] = ARTICLE_TEXTS.map((t) => t.id)

/** The comparison of an article body with the built-in texts. */
export const compare = (html: string): ArticleComparison => compareWithArticle(html, articleText)

/** Step id → status, to assert a whole comparison at once. */
export function statuses(result: ArticleComparison): Record<string, string> {
  return Object.fromEntries(STEP_IDS.map((id) => [id, result[id].status]))
}

/** Every step `same` except the ones given. */
export function allSameExcept(overrides: Partial<Record<ArticleTextId, string>>): Record<string, string> {
  return Object.fromEntries(STEP_IDS.map((id) => [id, overrides[id] ?? 'same']))
}

/** Replaces one exact piece of the HTML; fails the test when it is not there exactly once. */
export function edit(html: string, from: string, to: string): string {
  expect(html.split(from).length - 1, `"${from}" in the article`).toBe(1)
  return html.replace(from, () => to)
}

/** Applies `change` to the HTML outside `<pre>` blocks only. */
export function outsidePre(html: string, change: (part: string) => string): string {
  return html
    .split(/(<pre[\s\S]*?<\/pre>)/)
    .map((part, i) => (i % 2 === 0 ? change(part) : part))
    .join('')
}

/** The HTML from `start` (inclusive) to `end` (exclusive), each found once. */
export function slice(html: string, start: string, end: string): string {
  const from = html.indexOf(start)
  const to = html.indexOf(end, from)
  expect(from, start).toBeGreaterThanOrEqual(0)
  expect(to, end).toBeGreaterThan(from)
  return html.slice(from, to)
}
