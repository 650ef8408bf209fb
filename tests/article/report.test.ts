import { describe, expect, it } from 'vitest'
import { changedWords, checkSavedArticle, lineDiff, readSavedArticle } from '../../src/article/report'
import { ARTICLE_HTML, edit, slice } from './support'

describe('lineDiff', () => {
  const show = (a: string[], b: string[]) => lineDiff(a, b).map(({ mark, line }) => `${mark}${line}`)

  it.each([
    [
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      [' a', ' b', ' c'],
    ],
    [
      ['a', 'b', 'c'],
      ['a', 'x', 'c'],
      [' a', '-b', '+x', ' c'],
    ],
    [
      ['a', 'b'],
      ['a', 'b', 'c'],
      [' a', ' b', '+c'],
    ],
    [
      ['a', 'b', 'c'],
      ['b', 'c'],
      ['-a', ' b', ' c'],
    ],
    [[], ['a'], ['+a']],
    [['a'], [], ['-a']],
    [
      ['a', 'b', 'c', 'd'],
      ['a', 'c', 'b', 'd'],
      [' a', '-b', ' c', '+b', ' d'],
    ],
  ])('%j → %j', (a, b, expected) => {
    expect(show(a, b)).toEqual(expected)
  })

  it('keeps every line of both sides, in order', () => {
    const a = ['1', '2', '3', '4', '5', '6']
    const b = ['0', '2', '3', 'x', '5', '6', '7']
    const diff = lineDiff(a, b)
    expect(diff.filter((d) => d.mark !== '+').map((d) => d.line)).toEqual(a)
    expect(diff.filter((d) => d.mark !== '-').map((d) => d.line)).toEqual(b)
    expect(diff.filter((d) => d.mark === ' ')).toHaveLength(4)
  })
})

describe('changedWords', () => {
  it.each([
    ['신속하게 안내 도와드리겠습니다.', '빠르게 안내 도와드리겠습니다.', '«신속하게» → «빠르게»'],
    ["[내 정보] - '휴대전화번호' 확인", "[내 정보] - '연락처' 확인", "«'휴대전화번호'» → «'연락처'»"],
    ['a b c', 'a b c d', '«c» → «c d»'],
    ['가나다', '가나라', '«가나다» → «가나라»'],
  ])('%s → %s: %s', (before, after, shown) => {
    expect(changedWords(before, after)).toBe(shown)
  })
})

describe('readSavedArticle', () => {
  it('reads HTML as the body', () => {
    expect(readSavedArticle(ARTICLE_HTML)).toEqual({ ok: true, body: ARTICLE_HTML, about: 'HTML' })
  })

  it('reads the API’s JSON (a BOM and leading whitespace allowed), saying which article it is', () => {
    const json = `\ufeff\n${JSON.stringify({ article: { id: 47791721113881, locale: 'ko', title: '[채팅] 문서', body: ARTICLE_HTML, updated_at: '2025-06-12T01:02:03Z' } }, null, 2)}`
    expect(readSavedArticle(json)).toEqual({
      ok: true,
      body: ARTICLE_HTML,
      about: 'API JSON: id 47791721113881, locale "ko", title "[채팅] 문서", updated_at "2025-06-12T01:02:03Z"',
    })
  })

  it.each([
    ['{ not json', 'is not JSON'],
    ['{"articles": []}', 'no article.body'],
    ['{"article": {"body": null}}', 'no article.body'],
  ])('refuses %s', (text, error) => {
    const saved = readSavedArticle(text)
    expect(saved.ok).toBe(false)
    if (!saved.ok) expect(saved.error).toContain(error)
  })
})

describe('checkSavedArticle', () => {
  it('today’s article: every step same, exit 0, no diff', () => {
    const { output, exitCode } = checkSavedArticle(ARTICLE_HTML, 'article.html')
    expect(exitCode).toBe(0)
    expect(output.match(/^same {7}\S+/gm)).toHaveLength(7)
    expect(output).toContain('7 steps: 7 same, 0 differ, 0 not found, 0 ambiguous.')
    expect(output).not.toMatch(/^ {4}[-+] /m)
  })

  it('a changed sentence: that step DIFFERS with a line diff and the changed words, exit 1', () => {
    const { output, exitCode } = checkSavedArticle(edit(ARTICLE_HTML, '신속하게', '빠르게'), 'a.html')
    expect(exitCode).toBe(1)
    const block = output.slice(output.indexOf('DIFFERS    nonmember_notice'), output.indexOf('verification_steps_app'))
    expect(block).toContain("    - '본인인증' 후 다시 문의해 주시면 신속하게 안내 도와드리겠습니다.\n")
    expect(block).toContain("    + '본인인증' 후 다시 문의해 주시면 빠르게 안내 도와드리겠습니다.\n")
    expect(block).toContain('      즉시 도움 드리고 싶으나')
    expect(block).toContain('changed: «신속하게» → «빠르게»')
    expect(output).toContain('7 steps: 6 same, 1 differ, 0 not found, 0 ambiguous.')
  })

  it('a removed and a duplicated block: NOT FOUND and AMBIGUOUS with what to fix, exit 1', () => {
    const same = slice(ARTICLE_HTML, '<p><strong>&gt;</strong> <strong>동일함</strong>', '<p><strong>&gt;</strong> <strong>동일하지 않음</strong>')
    const notSame = slice(ARTICLE_HTML, '<p><strong>&gt;</strong> <strong>동일하지 않음</strong>', '<h4>')
    const { output, exitCode } = checkSavedArticle(ARTICLE_HTML.replace(same, same + same).replace(notSame, ''), 'a.html')
    expect(exitCode).toBe(1)
    expect(output).toMatch(/^AMBIGUOUS {2}verification_steps_chat .*\n {4}2 headings start with “동일함” in Q2: keep one$/m)
    expect(output).toMatch(/^NOT FOUND {2}kakaotalk_relogin .*\n {4}no heading starting with “동일하지 않음” in Q2$/m)
    expect(output).toContain('1 not found, 1 ambiguous')
  })

  it('JSON without a body: exit 2 and why', () => {
    expect(checkSavedArticle('{"article": {}}', 'x.json')).toEqual({ output: expect.stringContaining('x.json: the JSON has no article.body'), exitCode: 2 })
  })
})
