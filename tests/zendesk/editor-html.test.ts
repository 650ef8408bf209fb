/** Reply texts as the HTML `ticket.editor.insert` takes (src/zendesk/editor-html.ts). */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE_TEXTS, EMPATHY_PHRASES } from '../../src/procedure'
import { editorHtml } from '../../src/zendesk/editor-html'

/** What a reader of the HTML sees: paragraphs apart by a blank line, `<br>` a line break, no tags. */
function tagsRemoved(html: string): string {
  return html
    .replace(/<\/p><p>/g, '\n\n')
    .replace(/<br>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&' })[name]!)
}

describe('editorHtml', () => {
  it('puts each paragraph in a <p> and each line break in a <br>', () => {
    expect(editorHtml('한 줄')).toBe('<p>한 줄</p>')
    expect(editorHtml('첫 줄\n둘째 줄')).toBe('<p>첫 줄<br>둘째 줄</p>')
    expect(editorHtml('문단 하나\n\n문단 둘\n그 둘째 줄')).toBe('<p>문단 하나</p><p>문단 둘<br>그 둘째 줄</p>')
  })

  it('leaves no raw newline, which the editor would read as a space', () => {
    for (const { text } of ARTICLE_TEXTS) expect(editorHtml(text)).not.toMatch(/[\r\n]/)
  })

  it('reads several blank lines as one paragraph break', () => {
    expect(editorHtml('가\n\n\n\n나\n다')).toBe('<p>가</p><p>나<br>다</p>')
  })

  it('escapes & < > so the text is shown, never run', () => {
    expect(editorHtml('a & b < c > d')).toBe('<p>a &amp; b &lt; c &gt; d</p>')
    expect(editorHtml('&amp; is not decoded')).toBe('<p>&amp;amp; is not decoded</p>')
  })

  it('turns hostile text into inert text', () => {
    const hostile = '<script>alert(1)</script>\n<img src=x onerror="alert(2)">\n\n</p><p onclick=x>'
    const html = editorHtml(hostile)
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;img src=x onerror="alert(2)"&gt;</p><p>&lt;/p&gt;&lt;p onclick=x&gt;</p>')
    // The only tags left are ours.
    expect(html.match(/<[^>]*>/g)!.every((tag) => /^<\/?p>$|^<br>$/.test(tag))).toBe(true)
    expect(tagsRemoved(html)).toBe(hostile)
  })

  it('keeps the article’s no-break space and every other character as is', () => {
    const chat = ARTICLE_TEXTS.find((t) => t.id === 'verification_steps_chat')!.text
    expect(chat).toContain('\u00a0 ')
    expect(editorHtml(chat)).toContain("'인증'\u00a0 또는")
    expect(editorHtml('\u00a0앞에 공백')).toBe('<p>\u00a0앞에 공백</p>')
  })
})

// The fixture is a verbatim copy of the source article (see tests/procedure/article.test.ts).
const article = readFileSync(resolve(import.meta.dirname, '../fixtures/article.txt'), 'utf8')
  .split('\n')
  .map((line) => line.replace(/\s+$/u, ''))
  .join('\n')
  .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
  .replace(/\*\*/g, '')

describe('the HTML form of the article’s texts', () => {
  it.each(ARTICLE_TEXTS.map((t) => [t.id, t.text] as const))('%s reads word for word as the article once tags are removed', (_id, text) => {
    const html = editorHtml(text)
    expect(tagsRemoved(html)).toBe(text)
    expect(article).toContain(tagsRemoved(html))
    // As many paragraphs as the article has blocks, as many breaks as it has lines.
    expect(html.split('<p>').length - 1).toBe(text.split('\n\n').length)
    expect(html.split('<br>').length - 1).toBe(text.replace(/\n\n/g, '').split('\n').length - 1)
  })

  it('several steps inserted at once stay apart, each in its own paragraphs', () => {
    const [empathy] = EMPATHY_PHRASES['공감']
    const texts = [empathy!, ...ARTICLE_TEXTS.filter((t) => t.section === 'Q1').map((t) => t.text)]
    const html = editorHtml(texts.join('\n\n'))
    expect(html.startsWith(`<p>${empathy}</p><p>즉시 도움 드리고 싶으나`)).toBe(true)
    expect(tagsRemoved(html)).toBe(texts.join('\n\n'))
  })
})
