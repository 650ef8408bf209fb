/**
 * The reply editor of the local host, as strict as Zendesk's about what `ticket.editor.insert`
 * takes: HTML, never plain text.
 *
 * - **Rich text** (email, web tickets; the default): the HTML goes through a sanitizer. Scripts,
 *   styles, comments and every attribute are dropped; raw newlines, tabs and runs of spaces are
 *   one space (HTML whitespace, so `a\n\nb` reads `a b`); `<p>`, `<div>`, headings, list items …
 *   make paragraphs and `<br>` a line break. Entities are decoded; a no-break space stays.
 * - **Chat composer** (`?composer=chat`, a messaging ticket): the same HTML is turned into
 *   Markdown-ish plain text (`**bold**`, `_italic_`, `[text](url)`, `- item`), as Zendesk's chat
 *   mode "transpiles rich text into plain text (Markdown syntax)".
 *
 * The draft is held as the text an agent sees: paragraphs apart by a blank line (`\n\n`), line
 * breaks as `\n`, the caret an index into it. Inserting block content (a `<p>` …) at the caret
 * starts a paragraph of its own: it never runs into what is before or after the caret. Inline
 * content (bare text, `<br>`, `<b>`) goes into the current line, glued to its neighbours, as an
 * editor does. The text form is what the page shows; `draftHtml` is the rich editor's HTML.
 *
 * Assumed, not proven (the README's first-install checklist has the agent look): that the chat
 * composer also puts a `<p>` below the agent's words, and that it does not escape `[ ] * _`.
 *
 * No DOM here: the host page and node tests use it alike.
 */

export type ComposerMode = 'rich' | 'chat'

/** One run of inserted content: a paragraph (`block`) or inline text for the current line. */
export interface EditorPart {
  text: string
  block: boolean
}

/** Elements whose content is never text (dropped with everything inside). */
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'textarea', 'title', 'xmp', 'svg', 'math', 'head'])
/** Elements that end the current paragraph and start another. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'nav',
  'blockquote',
  'pre',
  'address',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'hr',
  'body',
  'html',
])
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  middot: '·',
  rarr: '→',
  larr: '←',
  bull: '•',
}

/** Decodes HTML character references (named ones we know, and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd'
    }
    return NAMED[ref.toLowerCase()] ?? whole
  })
}

type Token = { kind: 'text'; text: string } | { kind: 'open' | 'close'; name: string; attrs: Record<string, string> }

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g

/** A forgiving tokenizer: a `<` that starts no tag is text, as in a browser. */
function tokenize(html: string): Token[] {
  const tokens: Token[] = []
  let text = ''
  let at = 0
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text: decodeEntities(text) })
    text = ''
  }
  while (at < html.length) {
    const lt = html.indexOf('<', at)
    if (lt < 0) {
      text += html.slice(at)
      break
    }
    text += html.slice(at, lt)
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      at = end < 0 ? html.length : end + 3
      continue
    }
    if (/^<[!?]/.test(html.slice(lt, lt + 2))) {
      // A doctype or processing instruction: not text.
      const end = html.indexOf('>', lt)
      at = end < 0 ? html.length : end + 1
      continue
    }
    TAG.lastIndex = lt
    const tag = TAG.exec(html)
    if (!tag) {
      text += '<'
      at = lt + 1
      continue
    }
    flush()
    const name = tag[2]!.toLowerCase()
    const attrs: Record<string, string> = {}
    for (const [, key, double, single, bare] of (tag[3] ?? '').matchAll(ATTR)) attrs[key!.toLowerCase()] = decodeEntities(double ?? single ?? bare ?? '')
    at = lt + tag[0].length
    if (tag[1]) {
      tokens.push({ kind: 'close', name, attrs })
      continue
    }
    if (RAW_TEXT.has(name)) {
      // Skip to the matching end tag (or the end): a script's body is never text.
      const end = html.toLowerCase().indexOf(`</${name}`, at)
      const close = end < 0 ? -1 : html.indexOf('>', end)
      at = close < 0 ? html.length : close + 1
      continue
    }
    tokens.push({ kind: 'open', name, attrs })
  }
  flush()
  return tokens
}

/** Only web and mail links survive (never `javascript:`). */
const safeHref = (href: string | undefined): string | null => (href && /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null)

/**
 * Sanitizes inserted HTML into paragraphs and inline runs, as the rich-text editor keeps it
 * (`mode: 'rich'`) or as the chat composer's Markdown (`mode: 'chat'`).
 */
export function parseEditorHtml(html: string, mode: ComposerMode = 'rich'): EditorPart[] {
  const parts: EditorPart[] = []
  let current = ''
  /** Whether the current run is a paragraph (after any block tag everything is). */
  let inBlock = false
  /** Whether the current paragraph had content (text or a `<br>`), so an empty `<p><br></p>` stays. */
  let hadContent = false
  const lists: { ordered: boolean; n: number }[] = []
  const links: (string | null)[] = []

  /** Ends the current run; whitespace alone next to a block is insignificant (as between tags). */
  const endRun = (final = false) => {
    if (inBlock) {
      // Spaces at a line's ends are invisible in a paragraph, as is one trailing <br>.
      const text = current
        .split('\n')
        .map((line) => line.replace(/^ +| +$/g, ''))
        .join('\n')
        .replace(/\n$/, '')
      if (text || hadContent) parts.push({ text, block: true })
    } else if (final ? current : /[^ ]/.test(current)) {
      parts.push({ text: current, block: false })
    }
    current = ''
    hadContent = false
    inBlock = true
  }
  const add = (text: string) => {
    if (!text) return
    current += text
    hadContent = true
  }

  for (const token of tokenize(html)) {
    if (token.kind === 'text') {
      // HTML whitespace (not the no-break space) collapses to one space.
      let text = token.text.replace(/[ \t\n\r\f]+/g, ' ')
      if (inBlock && (current === '' || /[ \n]$/.test(current))) text = text.replace(/^ /, '')
      else if (/ $/.test(current)) text = text.replace(/^ /, '')
      add(text)
      continue
    }
    const { name } = token
    if (name === 'br') {
      if (token.kind === 'open') add('\n')
      continue
    }
    if (BLOCKS.has(name)) {
      endRun()
      if (name === 'ul' || name === 'ol') {
        if (token.kind === 'open') lists.push({ ordered: name === 'ol', n: 0 })
        else lists.pop()
      }
      if (token.kind === 'open' && mode === 'chat') {
        const heading = /^h([1-6])$/.exec(name)
        if (heading) current = `${'#'.repeat(Number(heading[1]))} `
        if (name === 'li') {
          const list = lists.at(-1)
          current = list?.ordered ? `${++list.n}. ` : '- '
        }
      }
      continue
    }
    if (mode !== 'chat') continue
    // The chat composer's Markdown for inline formatting.
    const marks: Record<string, string> = { strong: '**', b: '**', em: '_', i: '_', code: '`', s: '~~', del: '~~', strike: '~~' }
    if (marks[name]) add(marks[name])
    else if (name === 'a') {
      if (token.kind === 'open') {
        const href = safeHref(token.attrs.href)
        links.push(href)
        if (href) add('[')
      } else {
        const href = links.pop()
        if (href) add(`](${href})`)
      }
    }
  }
  endRun(true)
  return parts
}

/** Where the caret ends up and what the draft reads after an insert. */
export interface DraftEdit {
  draft: string
  cursor: number
}

/** The separator that puts a paragraph after `before`: nothing at the start or after a blank line. */
function paragraphBreakAfter(before: string): string {
  if (before === '' || before.endsWith('\n\n')) return ''
  return before.endsWith('\n') ? '\n' : '\n\n'
}

/**
 * Inserts sanitized parts at the caret. A paragraph starts after a blank line (one is made if
 * the caret sits after text) and whatever followed the caret goes on in a paragraph after it.
 */
export function insertParts(draft: string, cursor: number, parts: readonly EditorPart[]): DraftEdit {
  const at = Math.max(0, Math.min(cursor, draft.length))
  const before = draft.slice(0, at)
  const after = draft.slice(at)
  if (parts.length === 0) return { draft, cursor: at }
  let body = ''
  let previousBlock = false
  parts.forEach((part, index) => {
    if (index === 0) body += part.block ? paragraphBreakAfter(before) : ''
    else body += part.block || previousBlock ? '\n\n' : ''
    body += part.text
    previousBlock = part.block
  })
  const last = parts[parts.length - 1]!
  const tail = last.block && after !== '' && !after.startsWith('\n\n') ? (after.startsWith('\n') ? '\n' : '\n\n') : ''
  return { draft: before + body + tail + after, cursor: at + body.length }
}

/** `ticket.editor.insert(html)` on a draft: sanitized (or transpiled in chat mode), then inserted at the caret. */
export function insertHtml(draft: string, cursor: number, html: string, mode: ComposerMode = 'rich'): DraftEdit {
  return insertParts(draft, cursor, parseEditorHtml(html, mode))
}

/** The whole draft from HTML (`set ticket.comment.text`, rich mode): its paragraphs, nothing inline left. */
export function htmlToDraft(html: string, mode: ComposerMode = 'rich'): string {
  return parseEditorHtml(html, mode)
    .map((part) => part.text)
    .join('\n\n')
}

const escapeText = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)

/** The rich editor's HTML for a draft (what `get ticket.comment.text` answers in rich mode). */
export function draftToHtml(draft: string): string {
  if (draft === '') return ''
  return draft
    .split('\n\n')
    .map((paragraph) => `<p>${paragraph === '' ? '<br>' : escapeText(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('')
}

/** A conversation entry's HTML as the ticket view shows it: the text, never the markup. */
export function htmlToText(html: string): string {
  return htmlToDraft(html, 'rich')
}
