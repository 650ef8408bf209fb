import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleBlocks, decodeEntities, foldLine } from '../../src/article/html'
import { ARTICLE_HTML } from './support'

const texts = (html: string) => articleBlocks(html).map((block) => block.lines.join('\n'))

describe('decodeEntities', () => {
  it.each([
    ['&nbsp;', '\u00a0'],
    ['&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['&#39;&#x27;&#X27;', "'''"],
    ['&#9654;&#x25b6;', '▶▶'],
    ['&#xD800;&#0;&#x110000;', '\ufffd\ufffd\ufffd'],
    ['&amp;nbsp;', '&nbsp;'],
    ['&unknown; & &nbsp', '&unknown; & &nbsp'],
    ['&hellip;&middot;&rarr;&ZeroWidthSpace;', '…·→\u200b'],
  ])('%s → %j', (html, text) => {
    expect(decodeEntities(html)).toBe(text)
  })
})

describe('foldLine', () => {
  it('turns no-break and other spaces into one space, drops invisible characters, trims', () => {
    expect(foldLine('\u00a0 a\u00a0\u00a0b\u2003c\td\u200be\u00adf\ufeff ')).toBe('a b c def')
  })
})

describe('articleBlocks', () => {
  it('splits at block elements however they nest, and drops empty ones', () => {
    expect(texts('<div><p>a</p><p><p>b</p></p></div><p> </p><p>&nbsp;</p><ul><li>c<ol><li>d</li></ol></li></ul>')).toEqual(['a', 'b', 'c', 'd'])
  })

  it('reads <br> in every spelling as a line break, and source newlines outside code as spaces', () => {
    expect(texts('<p>a<br>b<br/>c<br />d<BR>e<br class="x">f</p>')).toEqual(['a\nb\nc\nd\ne\nf'])
    expect(texts('<p>a\n   b</p>')).toEqual(['a b'])
  })

  it('keeps empty lines between lines, not at a block’s ends', () => {
    expect(texts('<p><br>a<br><br>b<br><br></p>')).toEqual(['a\n\nb'])
  })

  it('ignores inline markup and attributes, including a > inside a quoted value', () => {
    expect(
      texts('<p class="x" data-a=\'1 > 0\'><span style="a:b">가</span><a href="?a=1&amp;b=2" title="a>b">나</a><em>다</em><img src="x.png" alt="사진"></p>'),
    ).toEqual(['가나다'])
  })

  it('skips comments, script, style and declarations', () => {
    expect(texts('<!DOCTYPE html><!-- <p>old</p> --><style>p{}</style><script>var a = "<p>x</p>"</script><p>a</p>')).toEqual(['a'])
  })

  it('keeps a < that starts no tag as text', () => {
    expect(texts('<p>1 < 2 <3 and 4 <= 5, <- ok</p>')).toEqual(['1 < 2 <3 and 4 <= 5, <- ok'])
  })

  it('marks headings and all-bold text as labels, partly bold text not', () => {
    const blocks = articleBlocks('<h3>a</h3><p><strong>b</strong> <b>c</b></p><p><strong>d</strong> e</p><p>f</p>')
    expect(blocks.map((b) => [b.lines[0], b.label])).toEqual([
      ['a', true],
      ['b c', true],
      ['d e', false],
      ['f', false],
    ])
  })

  it('reads <pre> (newlines kept) and text wholly in <code> as code; inline code stays text', () => {
    const blocks = articleBlocks('<pre>a\n  b<br>c</pre><pre><code>d</code></pre><p><code>e</code><br><code>f</code></p><p>g <code>h</code></p>')
    expect(blocks.map((b) => [b.kind, b.lines.join('|')])).toEqual([
      ['code', 'a|b|c'],
      ['code', 'd'],
      ['code', 'e|f'],
      ['text', 'g h'],
    ])
    expect(blocks.every((b) => !b.label)).toBe(true)
  })

  it('reads <hr> and a line of ─ or - as a separator', () => {
    expect(articleBlocks('<p>a</p><hr><p>───────</p><p>-----</p><p>a - b</p>').map((b) => b.kind)).toEqual(['text', 'rule', 'rule', 'rule', 'text'])
  })

  it('survives unclosed and stray tags', () => {
    expect(texts('<p>a<strong>b</p><p>c</strong></p></div></p><p>d')).toEqual(['ab', 'c', 'd'])
  })
})

describe('the fixture renders the source article', () => {
  // tests/fixtures/article.txt is the verbatim source article (markdown); article.html is the
  // body as Guide stores it. Every text line of the procedure part must be in the HTML's blocks.
  const markdown = readFileSync(resolve(import.meta.dirname, '../fixtures/article.txt'), 'utf8')
  const htmlLines = articleBlocks(ARTICLE_HTML).flatMap((block) => block.lines)
  const part = markdown.slice(markdown.indexOf('**Q1.**'), markdown.indexOf('####'))
  const markdownLines = part
    .split('\n')
    .filter((line) => !/^(?:-+|```|\||─+)?\s*$/.test(line) && !line.startsWith('|'))
    .map((line) => foldLine(line.replace(/\*\*/g, '').replace(/\\_/g, '_')))

  it('has the procedure’s lines in the same order', () => {
    expect(markdownLines.length).toBeGreaterThan(30)
    let at = 0
    for (const line of markdownLines) {
      const found = htmlLines.indexOf(line, at)
      expect(found, line).toBeGreaterThanOrEqual(at)
      at = found + 1
    }
  })

  it('has both questions’ heading anchors of the article’s table of contents', () => {
    for (const anchor of markdown.matchAll(/#(h_[0-9A-Z]+)\)/g)) expect(ARTICLE_HTML).toContain(`id="${anchor[1]}"`)
  })
})
