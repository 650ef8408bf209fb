/**
 * The owner's check (`npm run article:check -- FILE`): a saved article (the body's HTML, or the
 * Help Center API's JSON) against the built-in texts, one line per step and a line diff for each
 * difference. Not part of the sidebar's chunk (index.ts does not export it).
 */
import { ARTICLE_TEXTS, articleText } from '../procedure/article'
import type { ArticleTextId } from '../procedure/article'
import { articleBody, compareWithArticle, wordingLines } from './compare'
import type { StepComparison } from './compare'
import { PLACES } from './locate'

/** A saved article as read from a file: its body, and what the JSON says about it. */
export type SavedArticle = { readonly ok: true; readonly body: string; readonly about: string } | { readonly ok: false; readonly error: string }

/** Reads a saved article: JSON (`{ "article": { "body": … } }`) when it starts with `{`, else HTML. */
export function readSavedArticle(text: string): SavedArticle {
  const content = text.replace(/^\ufeff/, '')
  if (!content.trimStart().startsWith('{')) return { ok: true, body: content, about: 'HTML' }
  let json: unknown
  try {
    json = JSON.parse(content)
  } catch {
    return { ok: false, error: 'the file starts with { but is not JSON' }
  }
  const body = articleBody(json)
  if (body === null) return { ok: false, error: 'the JSON has no article.body (save the response of GET /api/v2/help_center/{locale}/articles/{id}.json)' }
  const article = new Map(
    typeof json === 'object' && json !== null && 'article' in json && typeof json.article === 'object' && json.article !== null
      ? Object.entries(json.article)
      : [],
  )
  const about = ['id', 'locale', 'title', 'updated_at'].flatMap((key) => (article.has(key) ? [`${key} ${JSON.stringify(article.get(key))}`] : [])).join(', ')
  return { ok: true, body, about: `API JSON${about ? `: ${about}` : ''}` }
}

/** One line of a line diff: kept, only in the built-in text (`-`), only in the article (`+`). */
export interface DiffLine {
  readonly mark: ' ' | '-' | '+'
  readonly line: string
}

/** The shortest line diff from `from` to `to` (longest common subsequence). */
export function lineDiff(from: readonly string[], to: readonly string[]): DiffLine[] {
  // common[i][j]: length of the longest common subsequence of from[i..] and to[j..].
  const common = Array.from({ length: from.length + 1 }, () => new Array<number>(to.length + 1).fill(0))
  for (let i = from.length - 1; i >= 0; i--) {
    for (let j = to.length - 1; j >= 0; j--) {
      const row = common[i] ?? []
      row[j] = from[i] === to[j] ? (common[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(common[i + 1]?.[j] ?? 0, row[j + 1] ?? 0)
    }
  }
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < from.length || j < to.length) {
    const a = from[i]
    const b = to[j]
    if (a !== undefined && a === b) {
      out.push({ mark: ' ', line: a })
      i++
      j++
    } else if (b === undefined || (a !== undefined && (common[i + 1]?.[j] ?? 0) >= (common[i]?.[j + 1] ?? 0))) {
      out.push({ mark: '-', line: a ?? '' })
      i++
    } else {
      out.push({ mark: '+', line: b })
      j++
    }
  }
  return out
}

/** What changed between two versions of a line, widened to whole words: `«old» → «new»`. */
export function changedWords(before: string, after: string): string {
  const a = [...before]
  const b = [...after]
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  while (start > 0 && a[start - 1] !== ' ') start--
  while (end > 0 && a[a.length - end] !== ' ') end--
  return `«${a
    .slice(start, a.length - end)
    .join('')
    .trim()}» → «${b
    .slice(start, b.length - end)
    .join('')
    .trim()}»`
}

const STATUS_WORD: Readonly<Record<StepComparison['status'], string>> = {
  same: 'same',
  differs: 'DIFFERS',
  not_found: 'NOT FOUND',
  ambiguous: 'AMBIGUOUS',
}

function where(id: ArticleTextId): string {
  const place = PLACES[id]
  const part = place.part === 'prose' ? '' : `, how-to list ${place.part + 1}`
  return `${place.section} “${place.marker}”${part}`
}

function explain(id: ArticleTextId, step: StepComparison): string[] {
  const place = PLACES[id]
  switch (step.status) {
    case 'same':
      return []
    case 'not_found':
      return [
        step.missing === 'section'
          ? `no heading starting with “${place.section}.” in the article`
          : step.missing === 'heading'
            ? `no heading starting with “${place.marker}” in ${place.section}`
            : place.part === 'prose'
              ? `no reply text under “${place.marker}” in ${place.section}`
              : `no how-to list ${place.part + 1} (a [title] line in a code block) under “${place.marker}” in ${place.section}`,
      ]
    case 'ambiguous':
      return [
        step.of === 'section'
          ? `${step.count} headings start with “${place.section}.”: keep one`
          : step.of === 'heading'
            ? `${step.count} headings start with “${place.marker}” in ${place.section}: keep one`
            : `${step.count} how-to lists under “${place.marker}” in ${place.section}: keep two (KakaoTalk's, then the driver app's)`,
      ]
    case 'differs': {
      const diff = lineDiff(wordingLines(articleText(id)), wordingLines(step.article))
      const lines = diff.map(({ mark, line }) => `${mark} ${line}`)
      // A line replaced by one line: say which words changed.
      diff.forEach((entry, k) => {
        const next = diff[k + 1]
        const paired = entry.mark === '-' && next?.mark === '+' && diff[k - 1]?.mark !== '-' && diff[k + 2]?.mark !== '+'
        if (paired) lines.push(`  changed: ${changedWords(entry.line, next.line)}`)
      })
      return lines
    }
  }
}

/** The report for a saved article's text, and the exit code: 0 all same, 1 otherwise, 2 unreadable. */
export function checkSavedArticle(text: string, name: string): { readonly output: string; readonly exitCode: 0 | 1 | 2 } {
  const saved = readSavedArticle(text)
  if (!saved.ok) return { output: `${name}: ${saved.error}\n`, exitCode: 2 }
  const result = compareWithArticle(saved.body, articleText)
  const out = [`${name} (${saved.about})`, "Each reply text of the app against the article (- the app's built-in text, + the article's):", '']
  const counts: Record<StepComparison['status'], number> = { same: 0, differs: 0, not_found: 0, ambiguous: 0 }
  for (const { id } of ARTICLE_TEXTS) {
    const step = result[id]
    counts[step.status]++
    out.push(`${STATUS_WORD[step.status].padEnd(10)} ${id}  (${where(id)})`)
    for (const line of explain(id, step)) out.push(`    ${line}`)
  }
  const total = ARTICLE_TEXTS.length
  out.push('', `${total} steps: ${counts.same} same, ${counts.differs} differ, ${counts.not_found} not found, ${counts.ambiguous} ambiguous.`)
  if (counts.differs)
    out.push('With procedure_article_id set, agents see “도움말 문서와 다름” on the steps that differ (texts_source=article sends the article’s wording).')
  if (counts.not_found + counts.ambiguous)
    out.push('Steps not found or ambiguous keep the built-in text; the README (“For the procedure’s owner”) says what the app looks for.')
  return { output: `${out.join('\n')}\n`, exitCode: counts.same === total ? 0 : 1 }
}
