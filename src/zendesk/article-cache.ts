/**
 * The procedure article's body cached across the app's frames in the agent's browser, a sibling
 * of definitions-cache.ts: every ticket opens a fresh frame, and without this each would read the
 * article through the Help Center API again. An article body is configuration (the team's
 * published procedure), never personal data; the cache refuses anything but that shape.
 *
 * One entry per article and locale in the localStorage of the app's origin, under a key with
 * {@link ARTICLE_CACHE_VERSION} (no account in it: an article id names one article Zendesk-wide). Any storage failure (disabled storage, quota, corrupt or foreign
 * JSON) only means "not cached": the caller reads the article as before. Loaded with the
 * article's chunk, never by a frame without an article configured.
 */
import { isRecord } from './calls'
import type { HelpCenterArticle } from './ticket-host'

/** Part of every key; bump it when the entry changes shape or meaning. */
export const ARTICLE_CACHE_VERSION = 1

/**
 * How long an entry serves: 5 minutes. The owner's edit reaches every agent within that time
 * (shorter than the field definitions' 10: the point of the comparison is to notice an edit); at
 * one ticket every 3 minutes per agent that is at most 12 reads per agent-hour instead of 20.
 */
export const ARTICLE_TTL_MS = 5 * 60_000

/** A body larger than this is not stored (the article is some 6 KB; a quota is some 5 MB). */
export const MAX_CACHED_BODY = 200_000

/** What the cache needs of the frame's storage (injectable for tests). */
export type ArticleStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** The frame's localStorage, or null where the browser denies it (a third-party frame may be). */
function browserStorage(): ArticleStorage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

export interface ArticleCacheOptions {
  /** Default: the frame's localStorage; null: no cache. */
  storage?: ArticleStorage | null
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number
  ttlMs?: number
}

export interface ArticleCache {
  /** The fresh cached article, or null (not cached, expired, unreadable). */
  read(locale: string, articleId: number): HelpCenterArticle | null
  /** Keeps an article this frame just read; anything not article-shaped is refused. */
  write(locale: string, article: HelpCenterArticle): void
}

/** A cache over `storage`; with no storage it caches nothing. */
export function createArticleCache({ storage = browserStorage(), now = Date.now, ttlMs = ARTICLE_TTL_MS }: ArticleCacheOptions = {}): ArticleCache {
  const key = (locale: string, id: number) => `nonmember-sidebar:article:v${ARTICLE_CACHE_VERSION}:${locale}:${id}`
  const attempt = <T>(use: (store: ArticleStorage) => T): T | undefined => {
    try {
      return storage ? use(storage) : undefined
    } catch {
      return undefined
    }
  }
  return {
    read(locale, articleId) {
      const json = attempt((store) => store.getItem(key(locale, articleId)))
      let entry: unknown = null
      try {
        entry = json ? JSON.parse(json) : null
      } catch {
        // corrupt: dropped below
      }
      const age = isRecord(entry) && typeof entry.at === 'number' ? now() - entry.at : -1
      if (isRecord(entry) && entry.id === articleId && typeof entry.body === 'string' && age >= 0 && age < ttlMs) return { id: articleId, body: entry.body }
      // Expired, corrupt, foreign, or dated ahead by a clock set back: never served again.
      if (json != null) attempt((store) => store.removeItem(key(locale, articleId)))
      return null
    },

    write(locale, { id, body }) {
      if (!Number.isSafeInteger(id) || typeof body !== 'string' || body.length > MAX_CACHED_BODY) return
      attempt((store) => store.setItem(key(locale, id), JSON.stringify({ at: now(), id, body })))
    },
  }
}
