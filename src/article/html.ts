/**
 * The article's HTML as text blocks, read with a small string tokenizer (no DOM: this runs in
 * the sidebar's chunk, in Node tests and in the owner's CLI alike).
 *
 * Only what the text is survives: entities decoded, `<br>` (any spelling) a line break, block
 * elements (`<p>`, `<div>`, `<li>`, headings, cells, `<pre>`) block boundaries however they nest,
 * inline markup (spans, links, attributes) gone. Two facts about markup are kept because the
 * article's structure is written with them: a block whose every visible character is bold (or
 * a heading) is a *label*, and a block inside `<pre>` or wholly in `<code>` is a *code* block.
 */

/** One block of the article's text. */
export interface Block {
  /** `code`: `<pre>` or wholly `<code>`; `rule`: `<hr>` or a line of ─ / - / = only. */
  readonly kind: 'text' | 'code' | 'rule'
  /** A text block that is a heading element or all bold: how the article writes its headings. */
  readonly label: boolean
  /** Its lines, whitespace folded (see {@link foldLine}); empty lines only between others. */
  readonly lines: readonly string[]
}

const BLOCK_TAGS = new Set(
  'address article aside blockquote caption dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header li main nav ol p section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
)
// Elements whose content is not article text.
const SKIPPED = new Set(['script', 'style', 'template', 'textarea', 'title', 'head'])
const HEADING = /^h[1-6]$/
// A start or end tag at one position; quoted attribute values may hold '>'.
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y

// Named entities an editor may write; any other is kept as written.
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  shy: '\u00ad',
  ZeroWidthSpace: '\u200b',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  middot: '\u00b7',
  bull: '\u2022',
  rarr: '\u2192',
  larr: '\u2190',
  laquo: '\u00ab',
  raquo: '\u00bb',
  times: '\u00d7',
}

/** Decodes character references: named ones of {@link ENTITIES}, decimal and hex. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g, (match, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return ENTITIES[name] ?? match
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16)
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd'
  })
}

/**
 * One line as the comparison reads it: no-break and other spaces are spaces, runs of them one
 * space, invisible characters (zero-width space, word joiner, BOM, soft hyphen) gone, no space
 * at either end.
 */
export function foldLine(line: string): string {
  return line
    .replace(/[\u200b\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const RULE_LINE = /^[─━\-=_]{3,}$/

/** The article body's blocks, in document order. */
export function articleBlocks(html: string): Block[] {
  const blocks: Block[] = []
  let lines: string[] = []
  let line = ''
  // Visible characters of the current block: in bold / in <code> / all.
  let bold = 0
  let coded = 0
  let visible = 0
  let boldDepth = 0
  let codeDepth = 0
  let preDepth = 0
  let headingDepth = 0

  const flush = () => {
    lines.push(line)
    const folded = lines.map(foldLine)
    while (folded[0] === '') folded.shift()
    while (folded.at(-1) === '') folded.pop()
    if (folded.length) {
      const kind = preDepth > 0 || coded === visible ? 'code' : folded.every((l) => l === '' || RULE_LINE.test(l)) ? 'rule' : 'text'
      blocks.push({ kind, label: kind === 'text' && (headingDepth > 0 || bold === visible), lines: folded })
    }
    lines = []
    line = ''
    bold = coded = visible = 0
  }

  const addText = (raw: string) => {
    const text = decodeEntities(raw)
    const pieces = preDepth > 0 ? text.split(/\r\n?|\n/) : [text.replace(/[ \t\r\n\f]+/g, ' ')]
    pieces.forEach((piece, i) => {
      if (i > 0) {
        lines.push(line)
        line = ''
      }
      line += piece
      const count = foldLine(piece).replace(/ /g, '').length
      visible += count
      if (boldDepth > 0) bold += count
      if (codeDepth > 0) coded += count
    })
  }

  let at = 0
  while (at < html.length) {
    const lt = html.indexOf('<', at)
    const textEnd = lt === -1 ? html.length : lt
    if (textEnd > at) addText(html.slice(at, textEnd))
    if (lt === -1) break
    at = lt
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4)
      at = end === -1 ? html.length : end + 3
      continue
    }
    TAG.lastIndex = at
    const tag = TAG.exec(html)
    if (!tag) {
      if (html[at + 1] === '!' || html[at + 1] === '?') {
        const end = html.indexOf('>', at)
        at = end === -1 ? html.length : end + 1
      } else {
        addText('<')
        at += 1
      }
      continue
    }
    at += tag[0].length
    const closing = tag[1] === '/'
    const name = (tag[2] ?? '').toLowerCase()
    const selfClosing = (tag[3] ?? '').trimEnd().endsWith('/')
    if (!closing && SKIPPED.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, at)
      at = end === -1 ? html.length : html.indexOf('>', end) + 1 || html.length
      continue
    }
    const step = closing ? -1 : selfClosing ? 0 : 1
    if (name === 'br') {
      lines.push(line)
      line = ''
    } else if (name === 'hr') {
      flush()
      blocks.push({ kind: 'rule', label: false, lines: ['───'] })
    } else if (name === 'strong' || name === 'b') {
      boldDepth = Math.max(0, boldDepth + step)
    } else if (name === 'code') {
      codeDepth = Math.max(0, codeDepth + step)
    } else if (name === 'pre') {
      flush()
      preDepth = Math.max(0, preDepth + step)
    } else if (BLOCK_TAGS.has(name)) {
      if (preDepth > 0) {
        // A block inside a code block is one of its lines.
        lines.push(line)
        line = ''
      } else {
        flush()
      }
      if (HEADING.test(name)) headingDepth = Math.max(0, headingDepth + step)
    }
  }
  flush()
  return blocks
}
