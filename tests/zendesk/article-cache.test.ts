import { describe, expect, it } from 'vitest'
import { ARTICLE_CACHE_VERSION, ARTICLE_TTL_MS, createArticleCache, MAX_CACHED_BODY } from '../../src/zendesk/article-cache'
import { clock, memoryStorage } from '../support/memory-storage'

const ARTICLE = { id: 47791721113881, body: '<h2><strong>Q1.</strong> …</h2><p>즉시 도움 드리고 싶으나, …</p>' }
const KEY = `nonmember-sidebar:article:v${ARTICLE_CACHE_VERSION}:ko:${ARTICLE.id}`

describe('createArticleCache', () => {
  it('serves the article a frame read to the frames after it, within the time-to-live', () => {
    const { storage, items } = memoryStorage()
    const time = clock()
    createArticleCache({ storage, now: time.now }).write('ko', ARTICLE)
    expect([...items.keys()]).toEqual([KEY])
    time.advance(ARTICLE_TTL_MS - 1)
    expect(createArticleCache({ storage, now: time.now }).read('ko', ARTICLE.id)).toEqual(ARTICLE)
  })

  it('stores the body and when it was read, nothing else', () => {
    const { storage, items } = memoryStorage()
    createArticleCache({ storage, now: () => 5 }).write('ko', ARTICLE)
    expect(JSON.parse(items.get(KEY)!)).toEqual({ at: 5, id: ARTICLE.id, body: ARTICLE.body })
  })

  it('forgets an entry once its time is up, and one dated ahead (a clock set back)', () => {
    const { storage, items } = memoryStorage()
    const time = clock()
    createArticleCache({ storage, now: time.now }).write('ko', ARTICLE)
    time.advance(ARTICLE_TTL_MS)
    expect(createArticleCache({ storage, now: time.now }).read('ko', ARTICLE.id)).toBeNull()
    expect(items.size).toBe(0)

    createArticleCache({ storage, now: () => 2_000 }).write('ko', ARTICLE)
    expect(createArticleCache({ storage, now: () => 1_000 }).read('ko', ARTICLE.id)).toBeNull()
    expect(items.size).toBe(0)
  })

  it('keeps articles and locales apart', () => {
    const { storage } = memoryStorage()
    const cache = createArticleCache({ storage })
    cache.write('ko', ARTICLE)
    expect(cache.read('en-us', ARTICLE.id)).toBeNull()
    expect(cache.read('ko', 1)).toBeNull()
    expect(cache.read('ko', ARTICLE.id)).toEqual(ARTICLE)
  })

  it.each([
    ['not JSON', '{"at":'],
    ['another article under the key', JSON.stringify({ at: 1, id: 5, body: 'x' })],
    ['no body', JSON.stringify({ at: 1, id: ARTICLE.id })],
    ['a body that is not text', JSON.stringify({ at: 1, id: ARTICLE.id, body: { html: 'x' } })],
    ['no time', JSON.stringify({ id: ARTICLE.id, body: 'x' })],
  ])('drops a corrupt or foreign entry (%s) and reads it as missing', (_case, json) => {
    const { storage, items } = memoryStorage()
    items.set(KEY, json)
    expect(createArticleCache({ storage, now: () => 10 }).read('ko', ARTICLE.id)).toBeNull()
    expect(items.has(KEY)).toBe(false)
  })

  it('does not store a body too large for a cache entry', () => {
    const { storage, items } = memoryStorage()
    createArticleCache({ storage }).write('ko', { id: ARTICLE.id, body: 'x'.repeat(MAX_CACHED_BODY + 1) })
    expect(items.size).toBe(0)
  })

  it.each([{ get: true }, { set: true }, { remove: true }, { get: true, set: true, remove: true }])(
    'a storage that throws (%j) only means not cached',
    (fail) => {
      const { storage } = memoryStorage(fail)
      const cache = createArticleCache({ storage })
      expect(() => cache.write('ko', ARTICLE)).not.toThrow()
      expect(cache.read('ko', ARTICLE.id)).toEqual(fail.get || fail.set ? null : ARTICLE)
    },
  )

  it('a corrupt entry it cannot remove is still not served', () => {
    const { storage, items } = memoryStorage({ remove: true })
    items.set(KEY, '{broken')
    expect(createArticleCache({ storage }).read('ko', ARTICLE.id)).toBeNull()
  })

  it('with no storage caches nothing', () => {
    const cache = createArticleCache({ storage: null })
    cache.write('ko', ARTICLE)
    expect(cache.read('ko', ARTICLE.id)).toBeNull()
  })
})
