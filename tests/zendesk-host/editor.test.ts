/**
 * The local host's reply editor (dev/zendesk-host/editor.ts): `ticket.editor.insert` takes HTML
 * and treats it as Zendesk's rich-text editor or chat composer does.
 */
import { describe, expect, it } from 'vitest'
import { ARTICLE_TEXTS, EMPATHY_PHRASES } from '../../src/procedure'
import { editorHtml } from '../../src/zendesk/editor-html'
import { decodeEntities, draftToHtml, htmlToDraft, insertHtml, parseEditorHtml } from '../../dev/zendesk-host/editor'

describe('the rich-text sanitizer', () => {
  it('reads raw newlines, tabs and runs of spaces as one space', () => {
    expect(parseEditorHtml('첫 줄\n\n둘째 줄')).toEqual([{ text: '첫 줄 둘째 줄', block: false }])
    expect(parseEditorHtml('a \t\r\n  b')).toEqual([{ text: 'a b', block: false }])
  })

  it('makes a paragraph of each block and a line break of each <br>', () => {
    expect(parseEditorHtml('<p>가</p><p>나<br>다</p>')).toEqual([
      { text: '가', block: true },
      { text: '나\n다', block: true },
    ])
    expect(parseEditorHtml('<div>가<div>나</div></div><h2>제목</h2><ul><li>하나</li><li>둘</li></ul>').map((p) => p.text)).toEqual([
      '가',
      '나',
      '제목',
      '하나',
      '둘',
    ])
    // Spaces at a line's ends are invisible; an empty paragraph with a <br> is an empty line; an empty <p> is nothing.
    expect(parseEditorHtml('<p>  가  <br>  나 </p><p><br></p><p></p><p>   </p>')).toEqual([
      { text: '가\n나', block: true },
      { text: '', block: true },
    ])
    // Whitespace between blocks is not text.
    expect(parseEditorHtml('\n  <p>가</p>\n\n  <p>나</p>\n')).toEqual([
      { text: '가', block: true },
      { text: '나', block: true },
    ])
  })

  it('drops scripts, styles, comments, handlers and every attribute', () => {
    const html =
      '<p onclick="alert(1)" style="color:red">안녕<script>alert(2)</script><style>p{}</style><!-- 메모 --><img src=x onerror=alert(3)>하세요</p><SCRIPT type="x">alert(4)</SCRIPT ><iframe src="javascript:alert(5)">틀</iframe>'
    expect(parseEditorHtml(html)).toEqual([{ text: '안녕하세요', block: true }])
    expect(htmlToDraft('<a href="javascript:alert(1)" onmouseover="x">링크</a>')).toBe('링크')
    // An unclosed script swallows the rest, as in a browser: nothing of it becomes text.
    expect(htmlToDraft('<p>앞</p><script>alert(1)')).toBe('앞')
  })

  it('decodes entities, keeps a no-break space and reads a stray < as text', () => {
    expect(decodeEntities('&lt;b&gt; &amp;amp; &#39;&#x1F600;&nbsp;&unknown;')).toBe("<b> &amp; '😀\u00a0&unknown;")
    expect(htmlToDraft('<p>&lt;script&gt; a &lt; b</p>')).toBe('<script> a < b')
    expect(htmlToDraft('<p>1 < 2 그리고 3 <= 4</p>')).toBe('1 < 2 그리고 3 <= 4')
    expect(htmlToDraft("<p>'인증'\u00a0 또는</p>")).toBe("'인증'\u00a0 또는")
  })

  it('gives back every article text word for word from the app’s HTML', () => {
    for (const { text } of ARTICLE_TEXTS) expect(htmlToDraft(editorHtml(text))).toBe(text)
  })
})

describe('the chat composer', () => {
  it('turns the HTML into Markdown-ish plain text', () => {
    const html =
      '<h2>안내</h2><p><strong>중요</strong> 그리고 <em>강조</em>, <a href="https://example.com/x">링크</a>와 <a href="javascript:alert(1)">나쁜 링크</a></p><ol><li>하나</li><li>둘</li></ol><ul><li>점</li></ul>'
    expect(htmlToDraft(html, 'chat')).toBe('## 안내\n\n**중요** 그리고 _강조_, [링크](https://example.com/x)와 나쁜 링크\n\n1. 하나\n\n2. 둘\n\n- 점')
  })

  it('keeps paragraphs and line breaks of the app’s HTML, and raw newlines are still spaces', () => {
    const text = ARTICLE_TEXTS.find((t) => t.id === 'verification_steps_chat')!.text
    expect(htmlToDraft(editorHtml(text), 'chat')).toBe(text)
    expect(htmlToDraft(text, 'chat')).toBe(text.replace(/\n+/g, ' '))
  })
})

describe('inserting at the caret', () => {
  const notice = ARTICLE_TEXTS.find((t) => t.id === 'nonmember_notice')!.text

  it('a paragraph never runs into what the agent typed', () => {
    const typed = '기사님, 안녕하세요.'
    const edit = insertHtml(typed, typed.length, editorHtml(notice))
    expect(edit.draft).toBe(`${typed}\n\n${notice}`)
    expect(edit.cursor).toBe(edit.draft.length)
    expect(draftToHtml(edit.draft)).toBe(`<p>${typed}</p>${editorHtml(notice)}`)
  })

  it('plain text (the old insert) runs into the draft and loses its line breaks', () => {
    const typed = '기사님.'
    expect(insertHtml(typed, typed.length, notice).draft).toBe(`기사님.${notice.replace(/\n/g, ' ')}`)
  })

  it('a second insert starts its own paragraph after the first, and so does one after a macro’s text', () => {
    const [empathy] = EMPATHY_PHRASES['공감']
    let edit = insertHtml('', 0, editorHtml(empathy!))
    expect(edit.draft).toBe(empathy)
    edit = insertHtml(edit.draft, edit.cursor, editorHtml(notice))
    expect(edit.draft).toBe(`${empathy}\n\n${notice}`)
    // After a line break only one more is needed for a blank line; after a blank line none.
    expect(insertHtml('매크로 문장\n', 7, '<p>다음</p>').draft).toBe('매크로 문장\n\n다음')
    expect(insertHtml('매크로 문장\n\n', 8, '<p>다음</p>').draft).toBe('매크로 문장\n\n다음')
  })

  it('in the middle of the draft, the paragraph splits it and what followed goes on after it', () => {
    const edit = insertHtml('앞 문장. 뒤 문장.', 5, '<p>삽입</p>')
    expect(edit.draft).toBe('앞 문장.\n\n삽입\n\n 뒤 문장.')
    expect(edit.cursor).toBe('앞 문장.\n\n삽입'.length)
    expect(insertHtml('앞\n\n뒤', 1, '<p>삽입</p>').draft).toBe('앞\n\n삽입\n\n뒤')
  })

  it('inline content goes in at the caret; nothing at all changes nothing', () => {
    expect(insertHtml('AB', 1, 'x')).toEqual({ draft: 'AxB', cursor: 2 })
    expect(insertHtml('AB', 1, 'x<br>y')).toEqual({ draft: 'Ax\nyB', cursor: 4 })
    expect(insertHtml('AB', 9, '<script>x</script>')).toEqual({ draft: 'AB', cursor: 2 })
    // Inline text, then a paragraph: the text joins the line, the paragraph starts below.
    expect(insertHtml('A', 1, ' 그리고<p>문단</p>').draft).toBe('A 그리고\n\n문단')
  })

  it('the draft’s HTML escapes what the agent typed', () => {
    expect(draftToHtml('<b>굵게</b> & 끝\n둘째\n\n셋째\n\n\n\n')).toBe('<p>&lt;b&gt;굵게&lt;/b&gt; &amp; 끝<br>둘째</p><p>셋째</p><p><br></p><p><br></p>')
    expect(draftToHtml('')).toBe('')
  })
})
