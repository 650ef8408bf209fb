/**
 * The article beside the store: when its chunk reads the article (after the decision, once per
 * frame, never for a member or without an article configured), and how the decision takes the
 * article's wording (`withArticleTexts`).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { articleText, decide, NO_HINT, type Decision } from '../../src/procedure'
import { withArticleTexts, type ArticleView } from '../../src/sidebar/article-and-check'
import { Sidebar } from '../../src/sidebar/store'
import { CHANGED_SENTENCE } from '../../dev/zendesk-host/fixtures/articles'
import { ARTICLE_HTML, edit } from '../article/support'
import { FAKE_SETTINGS, FakeHost, settle } from '../support/fake-host'

const ID = 47791721113881
const CHANGED = edit(ARTICLE_HTML, CHANGED_SENTENCE.from, CHANGED_SENTENCE.to)
const CHANGED_NOTICE = articleText('nonmember_notice').replace(CHANGED_SENTENCE.from, CHANGED_SENTENCE.to)

// The article is cached across frames in localStorage (none under node; cleared in case).
afterEach(() => globalThis.localStorage?.clear())

function hostWith(settings: Record<string, unknown> = {}, body: string = CHANGED) {
  const host = new FakeHost()
  host.settings = { ...FAKE_SETTINGS, procedure_article_id: String(ID), ...settings }
  host.articles = { [ID]: body }
  host.userField = { value: 'non_member' }
  return host
}

/** Lets the lazy chunk load and its reads answer (the first import compiles it under vitest). */
async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((done) => setTimeout(done, 10))
  expect(condition()).toBe(true)
}

describe('when the article is read', () => {
  it('after the decision, and its comparison lands in the state', async () => {
    const host = hostWith()
    const sidebar = new Sidebar(host, 'ko')
    sidebar.start()
    await until(() => sidebar.current.article !== undefined)
    const order = host.calls.map(([name]) => name)
    expect(order.indexOf('readTicket')).toBeLessThan(order.indexOf('readArticle'))
    expect(sidebar.current.article).toMatchObject({ readable: true, steps: { nonmember_notice: { status: 'differs', article: CHANGED_NOTICE } } })
  })

  it('not while the status is still being read: the decision comes first', async () => {
    const host = hostWith()
    host.userField = undefined
    const record = host.hold('readRequesterRecord')
    const sidebar = new Sidebar(host, 'ko')
    sidebar.start()
    await until(() => host.callsOf('readRequesterRecord').length === 1)
    // Time for the chunk to have loaded, were it going to read now.
    await new Promise((done) => setTimeout(done, 200))
    expect(host.callsOf('readArticle')).toEqual([])
    record.resolve(undefined)
    await until(() => sidebar.current.article !== undefined)
    expect(host.callsOf('readArticle')).toEqual([['ko', ID]])
  })

  it('once per frame: a requester change does not read it again', async () => {
    const host = hostWith()
    const sidebar = new Sidebar(host, 'ko')
    sidebar.start()
    await until(() => sidebar.current.article !== undefined)
    host.requester = { id: 2, name: '이하늘', externalId: null, tags: [] }
    for (const handler of host.requesterHandlers) handler()
    await settle()
    await new Promise((done) => setTimeout(done, 50))
    expect(host.callsOf('readTicket')).toHaveLength(2)
    expect(host.callsOf('readArticle')).toHaveLength(1)
    expect(sidebar.current.article?.readable).toBe(true)
  })

  it.each([
    ['no article configured (the default frame)', { procedure_article_id: '' }, 'non_member'],
    ['a member’s ticket (no texts to compare)', {}, 'member'],
  ])('never with %s', async (_case, settings, status) => {
    const host = hostWith(settings)
    host.userField = { value: status }
    const sidebar = new Sidebar(host, 'ko')
    sidebar.start()
    await until(() => sidebar.current.phase === 'ready')
    await new Promise((done) => setTimeout(done, 200))
    expect(host.callsOf('readArticle')).toEqual([])
    expect(sidebar.current.article).toBeUndefined()
  })

  it('a failed read leaves the built-in texts and an unreadable article, nothing blocked', async () => {
    const host = hostWith({ texts_source: 'article' })
    host.articles = {}
    const sidebar = new Sidebar(host, 'ko')
    sidebar.start()
    await until(() => sidebar.current.article !== undefined)
    expect(sidebar.current.article).toMatchObject({ readable: false, failure: { kind: 'http', status: 404 } })
    expect(sidebar.current.notice).toBeNull()
    const decision = sidebar.view().decision
    expect(decision?.applies && decision.steps.find((step) => step.id === 'nonmember_notice')?.text).toBe(articleText('nonmember_notice'))
    await sidebar.insertStep('nonmember_notice')
    expect(host.draft).toEqual([articleText('nonmember_notice')])
  })

  it('texts_source=article: Insert and Apply send the article’s wording', async () => {
    const host = hostWith({ texts_source: 'article' })
    const sidebar = new Sidebar(host, 'ko')
    sidebar.start()
    await until(() => sidebar.current.article !== undefined)
    expect(sidebar.view().pending.find((piece) => piece.id === 'nonmember_notice')?.text).toBe(CHANGED_NOTICE)
    await sidebar.insertStep('nonmember_notice')
    expect(host.draft).toEqual([CHANGED_NOTICE])
  })
})

describe('withArticleTexts', () => {
  const decision = decide({
    status: 'non_member',
    hint: NO_HINT,
    rootDepth: '대리_기사',
    customerFrustrated: false,
    earlierGuideFailed: false,
    verificationOnly: true,
  })
  const texts = (d: Decision) => (d.applies ? Object.fromEntries(d.steps.map((step) => [step.id, step.text])) : null)

  it('puts the article’s wording in the steps it is sent for, and only those', () => {
    const article: ArticleView = {
      readable: true,
      steps: {
        nonmember_notice: { status: 'differs', article: 'X', send: { text: 'X', source: 'article' } },
        verification_steps_app: { status: 'differs', article: 'Y' },
      },
    }
    expect(texts(withArticleTexts(decision, article))).toEqual({ ...texts(decision), nonmember_notice: 'X' })
  })

  it.each<[string, ArticleView | undefined]>([
    ['no article', undefined],
    ['an unreadable article', { readable: false }],
    ['an article compared with texts_source=built_in', { readable: true, steps: { nonmember_notice: { status: 'differs', article: 'X' } } }],
  ])('leaves the decision as it is with %s', (_case, article) => {
    expect(withArticleTexts(decision, article)).toEqual(decision)
  })

  it('never gives a text to a step that has none (the empathy line is the agent’s)', () => {
    const article: ArticleView = { readable: true, steps: { empathy: { status: 'same', send: { text: 'X', source: 'article' } } } }
    expect(texts(withArticleTexts(decision, article))).toEqual(texts(decision))
  })
})
