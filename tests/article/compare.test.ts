import { describe, expect, it } from 'vitest'
import { articleBody, sameWording, textToSend } from '../../src/article'
import { foldLine } from '../../src/article/html'
import { ARTICLE_TITLE, articleText } from '../../src/procedure'
import { allSameExcept, ARTICLE_HTML, compare, edit, outsidePre, slice, statuses, STEP_IDS } from './support'

const Q2_SECTION = slice(ARTICLE_HTML, '<h2 id="h_01JX9GV612J69T7BQS9YDRSNS8">', '<h4>')
const SAME_BLOCK = slice(ARTICLE_HTML, '<p><strong>&gt;</strong> <strong>동일함</strong>', '<p><strong>&gt;</strong> <strong>동일하지 않음</strong>')
const HOWTO_BLOCK = slice(ARTICLE_HTML, '<pre>(필요 시)', '<p><strong>&gt;</strong> <strong>동일함</strong>')

describe('today’s article', () => {
  const result = compare(ARTICLE_HTML)

  it('has every reply text the same as the built-in one: no step gets a notice', () => {
    expect(statuses(result)).toEqual(allSameExcept({}))
    expect(STEP_IDS.filter((id) => result[id].status !== 'same')).toEqual([])
  })

  it.each(STEP_IDS)('locates %s exactly: the article’s wording is the built-in text, line for line', (id) => {
    const step = result[id]
    expect(step.status).toBe('same')
    if (step.status !== 'same') return
    expect(step.article).toBe(articleText(id).split('\n').map(foldLine).join('\n'))
  })
})

describe('one sentence changed', () => {
  it.each([
    ['nonmember_notice', '신속하게 안내 도와드리겠습니다.', '빠르게 안내해 드리겠습니다.'],
    ['verification_steps_app', '아래쪽 문의센터 [서비스 문의]', '아래쪽 [고객센터]'],
    ['contact_match_request', '동일한 연락처로 등록되어 있는지 확인 부탁드려요.', '같은 번호로 등록되어 있는지 확인해 주세요.'],
    ['contact_howto_kakaotalk', "계정 오른쪽 [관리] - '전화번호' 확인", "[카카오계정] - '전화번호' 확인"],
    ['contact_howto_driver_app', "[내 정보] - '휴대전화번호' 확인", "[내 정보] - '연락처' 확인"],
    ['verification_steps_chat', '② Welcome 메세지 아래 [시작] 버튼을 눌러주세요.', '② 메시지 아래 [시작] 버튼을 눌러 주세요.'],
    ['kakaotalk_relogin', '기사 앱과 동일한 전화번호로 로그인 부탁드립니다.', '기사 앱과 같은 번호로 로그인해 주세요.'],
  ] as const)('%s differs, with the article’s new wording; every other step is the same', (id, before, after) => {
    const result = compare(edit(ARTICLE_HTML, before, after))
    expect(statuses(result)).toEqual(allSameExcept({ [id]: 'differs' }))
    const step = result[id]
    if (step.status !== 'differs') throw new Error('expected differs')
    expect(step.article).toContain(after)
    expect(step.article).not.toContain(before)
    expect(step.article.split('\n').length).toBe(articleText(id).split('\n').length)
  })

  it('a one-character change counts (신속하게 → 신속히)', () => {
    expect(statuses(compare(edit(ARTICLE_HTML, '신속하게', '신속히')))).toEqual(allSameExcept({ nonmember_notice: 'differs' }))
  })

  it('a line break moved inside a sentence counts', () => {
    const html = edit(ARTICLE_HTML, '어렵습니다.<br>카카오 T 대리 기사 앱에', '어렵습니다. 카카오 T 대리 기사 앱에')
    expect(statuses(compare(html))).toEqual(allSameExcept({ nonmember_notice: 'differs' }))
  })

  it('a paragraph added under a heading counts, and is part of the new wording', () => {
    const added = '<p>문의해 주셔서 감사합니다.</p>'
    const html = edit(ARTICLE_HTML, '<p>인증이 완료되면', `${added}<p>인증이 완료되면`)
    const step = compare(html).verification_steps_chat
    expect(step.status).toBe('differs')
    if (step.status === 'differs') expect(step.article.split('\n\n')).toContain('문의해 주셔서 감사합니다.')
  })
})

describe('a section or heading removed', () => {
  it('Q2 removed: its five steps are not found (no section), Q1’s are the same', () => {
    const result = compare(ARTICLE_HTML.replace(Q2_SECTION, ''))
    expect(statuses(result)).toEqual(
      allSameExcept({
        contact_match_request: 'not_found',
        contact_howto_kakaotalk: 'not_found',
        contact_howto_driver_app: 'not_found',
        verification_steps_chat: 'not_found',
        kakaotalk_relogin: 'not_found',
      }),
    )
    expect(result.verification_steps_chat).toEqual({ status: 'not_found', missing: 'section' })
  })

  it('the “> 동일함” block removed: only its step is not found (no heading)', () => {
    const result = compare(ARTICLE_HTML.replace(SAME_BLOCK, ''))
    expect(statuses(result)).toEqual(allSameExcept({ verification_steps_chat: 'not_found' }))
    expect(result.verification_steps_chat).toEqual({ status: 'not_found', missing: 'heading' })
  })

  it('the how-to code block removed: both lists are not found (no text), the request above is the same', () => {
    const result = compare(ARTICLE_HTML.replace(HOWTO_BLOCK, ''))
    expect(statuses(result)).toEqual(allSameExcept({ contact_howto_kakaotalk: 'not_found', contact_howto_driver_app: 'not_found' }))
    expect(result.contact_howto_driver_app).toEqual({ status: 'not_found', missing: 'text' })
  })

  it('only one list left: the first is KakaoTalk’s, the driver app’s is not found', () => {
    const html = edit(
      ARTICLE_HTML,
      "<br><br>[카카오 T 대리기사 앱 연락처 확인방법]<br>▶ 카카오 T 대리 기사용 앱 - 오른쪽 위 [메뉴] - [내 정보] - '휴대전화번호' 확인",
      '',
    )
    expect(statuses(compare(html))).toEqual(allSameExcept({ contact_howto_driver_app: 'not_found' }))
  })

  it('a heading whose marker changed (② → 2.) is not found', () => {
    const html = edit(ARTICLE_HTML, '<strong>② 비회원 상세 상담', '<strong>2. 비회원 상세 상담')
    expect(statuses(compare(html))).toEqual(allSameExcept({ nonmember_notice: 'not_found' }))
  })

  it('an empty article, or one without the procedure, finds nothing', () => {
    for (const html of ['', '<p>다른 문서입니다.</p>']) {
      const result = compare(html)
      expect(STEP_IDS.map((id) => result[id])).toEqual(STEP_IDS.map(() => ({ status: 'not_found', missing: 'section' })))
    }
  })
})

/** Markup an editor (or a paste) may produce that changes no text. */
// Edits of one exact piece come first: the reduce below applies them to the fixture as written.
const NOISE: readonly (readonly [string, (html: string) => string])[] = [
  [
    'a heading written as <h3> instead of a bold paragraph',
    (html) => edit(html, '<p><strong>③ 본인인증(프로필 인증) 방법 안내</strong></p>', '<h3 id="h_01ABC">③ 본인인증(프로필 인증) 방법 안내</h3>'),
  ],
  [
    'a ※ note for agents added under a heading',
    (html) => edit(html, '<pre><code>※ 바로가기', '<p>※ 참고: 인증 화면은 아래 링크에서 확인</p><pre><code>※ 바로가기'),
  ],
  [
    'spans with styles around every text',
    (html) => html.replace(/>([^<>]*\S[^<>]*)</g, '><span style="font-family: \'Noto Sans KR\'; color: #333;">$1</span><'),
  ],
  ['&nbsp; for every space', (html) => html.replace(/>([^<>]+)</g, (_m, text: string) => `>${text.replace(/ /g, '&nbsp;')}<`)],
  [
    '<br/>, <br />, <BR> and <br class>',
    (html) => {
      let n = 0
      return html.replace(/<br>/g, () => ['<br/>', '<br />', '<BR>', '<br class="soft">'][n++ % 4] ?? '')
    },
  ],
  ['nested <p> and <div> wrappers', (html) => html.replace(/<p>/g, '<div class="wysiwyg-indent1"><p><p>').replace(/<\/p>/g, '</p></p></div>')],
  [
    'attributes everywhere (quoted > included)',
    (html) => html.replace(/<(p|strong|pre|h2|td)>/g, '<$1 class="wysiwyg-text-align-left" style="margin: 0 0 10px;" data-note=\'a > b\' dir="ltr">'),
  ],
  ['<p> splits instead of <br> (outside code)', (html) => outsidePre(html, (part) => part.replace(/<br>/g, '</p>\n<p>'))],
  [
    'character references for quotes, brackets and ▶',
    (html) => html.replace(/>([^<>]+)</g, (_m, text: string) => `>${text.replace(/'/g, '&#39;').replace(/\[/g, '&#x5B;').replace(/▶/g, '&#9654;')}<`),
  ],
  [
    'pretty-printed source (newlines and indentation, outside code)',
    (html) => outsidePre(html, (part) => part.replace(/<br>/g, '<br>\n      ').replace(/<p>/g, '<p>\n    ').replace(/<\/p>/g, '\n  </p>')),
  ],
  [
    'zero-width spaces and comments',
    (html) => html.replace(/(②|③|동일함)/g, '$1&#8203;').replace(/<\/strong>/g, '<!-- was: <b>old</b> -> edited --></strong>'),
  ],
  ['CRLF line endings and <b> for <strong>', (html) => html.replace(/\n/g, '\r\n').replace(/<(\/?)strong>/g, '<$1b>')],
]

describe('markup noise changes nothing', () => {
  it.each(NOISE)('%s: every step is the same', (_name, noise) => {
    const html = noise(ARTICLE_HTML)
    expect(html).not.toBe(ARTICLE_HTML)
    expect(statuses(compare(html))).toEqual(allSameExcept({}))
  })

  it('all of it at once: every step is the same', () => {
    const html = NOISE.reduce((acc, [, noise]) => noise(acc), ARTICLE_HTML)
    expect(statuses(compare(html))).toEqual(allSameExcept({}))
  })

  it('all of it at once still lets a changed word through', () => {
    const html = NOISE.reduce((acc, [, noise]) => noise(acc), edit(ARTICLE_HTML, '삭제하고 다시 설치하신 뒤', '재설치하신 뒤'))
    expect(statuses(compare(html))).toEqual(allSameExcept({ kakaotalk_relogin: 'differs' }))
  })

  it('a ※ note written as a line of a reply paragraph (after a <br>) is part of the reply', () => {
    const html = edit(ARTICLE_HTML, '상담을 진행하실 수 있어요.</p>', '상담을 진행하실 수 있어요.<br>※ 내부 참고</p>')
    expect(statuses(compare(html))).toEqual(allSameExcept({ verification_steps_chat: 'differs' }))
  })

  it('a reply line made wholly bold reads as a heading: the text ends before it (so the owner sees it)', () => {
    const html = edit(
      ARTICLE_HTML,
      '<p>인증이 완료되면 [시작하기] 버튼을 눌러 상담을 진행하실 수 있어요.</p>',
      '<p><strong>인증이 완료되면 [시작하기] 버튼을 눌러 상담을 진행하실 수 있어요.</strong></p>',
    )
    expect(statuses(compare(html))).toEqual(allSameExcept({ verification_steps_chat: 'differs' }))
  })
})

describe('a block found more than once', () => {
  it('the “> 동일함” block duplicated: its step is ambiguous, the rest the same', () => {
    const result = compare(ARTICLE_HTML.replace(SAME_BLOCK, SAME_BLOCK + SAME_BLOCK))
    expect(statuses(result)).toEqual(allSameExcept({ verification_steps_chat: 'ambiguous' }))
    expect(result.verification_steps_chat).toEqual({ status: 'ambiguous', of: 'heading', count: 2 })
  })

  it('the whole of Q2 duplicated: its five steps are ambiguous (section)', () => {
    const result = compare(ARTICLE_HTML.replace(Q2_SECTION, Q2_SECTION + Q2_SECTION))
    expect(statuses(result)).toEqual(
      allSameExcept({
        contact_match_request: 'ambiguous',
        contact_howto_kakaotalk: 'ambiguous',
        contact_howto_driver_app: 'ambiguous',
        verification_steps_chat: 'ambiguous',
        kakaotalk_relogin: 'ambiguous',
      }),
    )
    expect(result.kakaotalk_relogin).toEqual({ status: 'ambiguous', of: 'section', count: 2 })
  })

  it('a third how-to list: which list is which is ambiguous', () => {
    const html = edit(ARTICLE_HTML, "'휴대전화번호' 확인<br></pre>", "'휴대전화번호' 확인<br><br>[아이폰 연락처 확인방법]<br>▶ 설정 - 전화<br></pre>")
    const result = compare(html)
    expect(statuses(result)).toEqual(allSameExcept({ contact_howto_kakaotalk: 'ambiguous', contact_howto_driver_app: 'ambiguous' }))
    expect(result.contact_howto_kakaotalk).toEqual({ status: 'ambiguous', of: 'lists', count: 3 })
  })

  it('the same words elsewhere in the article (outside the step’s place) do not make it ambiguous', () => {
    const notice = slice(ARTICLE_HTML, '<p>즉시 도움', '<p><strong>③')
    const q1 = '<h2 id="h_01HT1YMEM8GQXPBN6KB7Y0HQM1">'
    const html = edit(ARTICLE_HTML, q1, `<p><strong>② 비회원 상세 상담 어려움</strong></p>${notice}${q1}`)
    expect(statuses(compare(html))).toEqual(allSameExcept({}))
  })
})

describe('the Help Center API response', () => {
  const response = {
    article: {
      id: 47791721113881,
      url: 'https://kakaomobilitysupport.zendesk.com/api/v2/help_center/ko/articles/47791721113881.json',
      html_url: 'https://kakaomobilitysupport.zendesk.com/hc/ko/articles/47791721113881',
      title: ARTICLE_TITLE,
      locale: 'ko',
      source_locale: 'ko',
      draft: false,
      outdated: false,
      updated_at: '2025-06-12T01:02:03Z',
      body: ARTICLE_HTML,
    },
  }

  it('gives article.body, through JSON as Zendesk sends it, and it compares the same', () => {
    const body = articleBody(JSON.parse(JSON.stringify(response)))
    expect(body).toBe(ARTICLE_HTML)
    expect(statuses(compare(body ?? ''))).toEqual(allSameExcept({}))
  })

  it.each([null, undefined, 'text', 42, [], {}, { article: null }, { article: {} }, { article: { body: 7 } }, { articles: [response.article] }])(
    'is null for what is not an article response: %j',
    (value) => {
      expect(articleBody(value)).toBeNull()
    },
  )
})

describe('the text to send with texts_source=article', () => {
  it('today: the article’s wording, same words as the built-in text', () => {
    const result = compare(ARTICLE_HTML)
    for (const id of STEP_IDS) {
      const sent = textToSend(result[id], articleText(id))
      expect(sent.source).toBe('article')
      expect(sameWording(sent.text, articleText(id))).toBe(true)
    }
  })

  it('a changed step: the article’s new wording', () => {
    const result = compare(edit(ARTICLE_HTML, '신속하게', '빠르게'))
    const sent = textToSend(result.nonmember_notice, articleText('nonmember_notice'))
    expect(sent).toEqual({ source: 'article', text: expect.stringContaining('빠르게 안내 도와드리겠습니다.') })
    expect(sent.text.split('\n')).toHaveLength(3)
  })

  it('a step not found or ambiguous: the built-in text, saying so', () => {
    const removed = compare(ARTICLE_HTML.replace(Q2_SECTION, ''))
    expect(textToSend(removed.kakaotalk_relogin, articleText('kakaotalk_relogin'))).toEqual({ source: 'built_in', text: articleText('kakaotalk_relogin') })
    const doubled = compare(ARTICLE_HTML.replace(SAME_BLOCK, SAME_BLOCK + SAME_BLOCK))
    expect(textToSend(doubled.verification_steps_chat, articleText('verification_steps_chat'))).toEqual({
      source: 'built_in',
      text: articleText('verification_steps_chat'),
    })
  })
})

describe('sameWording', () => {
  it.each([
    ['a\nb', 'a\n\nb', true],
    ['a  b', 'a\u00a0b', true],
    [' a\n', 'a', true],
    ['a b', 'ab', false],
    ['a\nb', 'a b', false],
    ['a\nb', 'b\na', false],
    ['a', 'a\nb', false],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameWording(a, b)).toBe(same)
  })
})
