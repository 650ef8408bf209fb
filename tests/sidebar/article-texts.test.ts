import { describe, expect, it } from 'vitest'
import { articleText } from '../../src/procedure'
import { articleView, articleViewOf, readProcedureArticle } from '../../src/sidebar/article-texts'
import { parseSettings, type Settings } from '../../src/sidebar/settings'
import { createArticleCache } from '../../src/zendesk/article-cache'
import type { ArticleStorage } from '../../src/zendesk/article-cache'
import { CHANGED_SENTENCE } from '../../dev/zendesk-host/fixtures/articles'
import { ARTICLE_HTML, edit } from '../article/support'
import { FAKE_SETTINGS, FakeHost } from '../support/fake-host'

const ID = 47791721113881
const CHANGED = edit(ARTICLE_HTML, CHANGED_SENTENCE.from, CHANGED_SENTENCE.to)
const CHANGED_NOTICE = articleText('nonmember_notice').replace(CHANGED_SENTENCE.from, CHANGED_SENTENCE.to)

function settings(extra: Record<string, string> = {}): Settings {
  const parsed = parseSettings({ ...FAKE_SETTINGS, procedure_article_id: String(ID), ...extra })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.settings
}

function memoryStorage(): ArticleStorage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) }
}

describe('articleViewOf: what the step cards show of an article body', () => {
  it('today’s article: every step the same, nothing to send in its stead', () => {
    const view = articleViewOf(ARTICLE_HTML, 'built_in')
    expect(view.readable).toBe(true)
    if (!view.readable) return
    expect(Object.keys(view.steps)).toHaveLength(7)
    for (const step of Object.values(view.steps)) {
      expect(step?.status).toBe('same')
      expect(step?.send).toBeUndefined()
    }
    expect(view.steps.nonmember_notice?.article).toBe(articleText('nonmember_notice'))
  })

  it('one sentence changed: that step differs, with the article’s wording; the others are the same', () => {
    const view = articleViewOf(CHANGED, 'built_in')
    if (!view.readable) throw new Error('unreadable')
    expect(view.steps.nonmember_notice).toEqual({ status: 'differs', article: CHANGED_NOTICE })
    expect(
      Object.entries(view.steps)
        .filter(([, step]) => step?.status !== 'same')
        .map(([id]) => id),
    ).toEqual(['nonmember_notice'])
  })

  it('with texts_source=article: the article’s wording where it is located, the built-in text elsewhere, saying which', () => {
    // ③'s marker rewritten: the app no longer finds that step.
    const view = articleViewOf(edit(CHANGED, '<strong>③ 본인인증', '<strong>3. 본인인증'), 'article')
    if (!view.readable) throw new Error('unreadable')
    expect(view.steps.nonmember_notice?.send).toEqual({ text: CHANGED_NOTICE, source: 'article' })
    expect(view.steps.verification_steps_app).toEqual({ status: 'not_found', send: { text: articleText('verification_steps_app'), source: 'built_in' } })
    expect(view.steps.kakaotalk_relogin?.send).toEqual({ text: articleText('kakaotalk_relogin'), source: 'article' })
  })

  it.each([
    ['an empty body', ''],
    ['a page that is not the procedure', '<h1>404</h1><p>The page you were looking for does not exist.</p>'],
    ['the article with its questions renamed', ARTICLE_HTML.replaceAll('Q1.', 'A.').replaceAll('Q2.', 'B.')],
  ])('%s is unreadable as a procedure: a quiet note, the built-in texts', (_case, body) => {
    expect(articleViewOf(body, 'article')).toEqual({ readable: false })
  })
})

describe('readProcedureArticle: the article from the cache when fresh, else through the host', () => {
  it('reads through the host once, then serves the next frames from the cache', async () => {
    const storage = memoryStorage()
    const host = new FakeHost()
    host.articles = { [ID]: ARTICLE_HTML }
    expect(await readProcedureArticle(host, ID, createArticleCache({ storage }))).toEqual({ id: ID, body: ARTICLE_HTML })
    const next = new FakeHost()
    expect(await readProcedureArticle(next, ID, createArticleCache({ storage }))).toEqual({ id: ID, body: ARTICLE_HTML })
    expect(host.callsOf('readArticle')).toEqual([['ko', ID]])
    expect(next.callsOf('readArticle')).toEqual([])
  })

  it('reads again once the cached copy has expired', async () => {
    const storage = memoryStorage()
    let now = 0
    const host = new FakeHost()
    host.articles = { [ID]: ARTICLE_HTML }
    await readProcedureArticle(host, ID, createArticleCache({ storage, now: () => now }))
    now += 5 * 60_000
    host.articles = { [ID]: CHANGED }
    expect((await readProcedureArticle(host, ID, createArticleCache({ storage, now: () => now }))).body).toBe(CHANGED)
    expect(host.callsOf('readArticle')).toHaveLength(2)
  })

  it('caches nothing that failed', async () => {
    const storage = memoryStorage()
    await expect(readProcedureArticle(new FakeHost(), ID, createArticleCache({ storage }))).rejects.toMatchObject({ failure: { kind: 'http', status: 404 } })
    expect(storage.items.size).toBe(0)
  })
})

describe('articleView: the frame’s one read, never an error', () => {
  it('reads once per frame however often it is asked (the cards, the settings check)', async () => {
    const host = new FakeHost()
    host.articles = { [ID]: CHANGED }
    const cache = createArticleCache({ storage: null })
    const [first, second] = await Promise.all([articleView(host, settings(), cache), articleView(host, settings(), cache)])
    expect(first).toBe(second)
    expect(await articleView(host, settings(), cache)).toBe(first)
    expect(host.callsOf('readArticle')).toHaveLength(1)
  })

  it('a failed read is an unreadable article with its failure', async () => {
    expect(await articleView(new FakeHost(), settings(), createArticleCache({ storage: null }))).toEqual({
      readable: false,
      failure: expect.objectContaining({ kind: 'http', status: 404 }) as object,
    })
  })

  it('reads the article in Korean, its language, whatever the agent’s', async () => {
    const host = new FakeHost()
    host.articles = { [ID]: ARTICLE_HTML }
    await articleView(host, settings({ texts_source: 'article' }), createArticleCache({ storage: null }))
    expect(host.callsOf('readArticle')).toEqual([['ko', ID]])
  })
})
