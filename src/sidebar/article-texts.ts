/**
 * The article's chunk (loaded only in frames with `procedure_article_id` set): reads the
 * procedure article, from the cross-frame cache when it is fresh, and compares it with the
 * built-in texts step by step (src/article).
 */
import { compareWithArticle, textToSend } from '../article'
import { ARTICLE_TEXTS, articleText } from '../procedure'
import { failureOf } from '../zendesk/calls'
import { createArticleCache, type ArticleCache } from '../zendesk/article-cache'
import type { HelpCenterArticle, TicketHost } from '../zendesk/ticket-host'
import type { ArticleStep, ArticleView } from './article-and-check'
import type { Settings } from './settings'

/** The article's locale: the procedure is written in Korean, whatever the agent's language. */
export const ARTICLE_LOCALE = 'ko'

/** The article, from the cache when fresh, else through the Help Center API (then cached). */
export async function readProcedureArticle(host: TicketHost, articleId: number, cache: ArticleCache = createArticleCache()): Promise<HelpCenterArticle> {
  const cached = cache.read(ARTICLE_LOCALE, articleId)
  if (cached) return cached
  const article = await host.readArticle(ARTICLE_LOCALE, articleId)
  cache.write(ARTICLE_LOCALE, article)
  return article
}

/**
 * What the sidebar shows of an article body: each reply text compared, and with
 * `texts_source=article` what Insert sends. An article in which no reply text can be located is
 * unreadable as a procedure: a quiet note, the built-in texts.
 */
export function articleViewOf(body: string, textsSource: 'built_in' | 'article'): ArticleView {
  const comparison = compareWithArticle(body, articleText)
  const steps: Partial<Record<string, ArticleStep>> = {}
  for (const { id } of ARTICLE_TEXTS) {
    const step = comparison[id]
    steps[id] = {
      status: step.status,
      ...(step.status === 'same' || step.status === 'differs' ? { article: step.article } : {}),
      ...(textsSource === 'article' ? { send: textToSend(step, articleText(id)) } : {}),
    }
  }
  return Object.values(steps).some((step) => step?.article !== undefined) ? { readable: true, steps } : { readable: false }
}

/** Reads the configured article and compares it; a failed read is an unreadable article, never an error. */
export async function readArticleView(host: TicketHost, settings: Settings, cache?: ArticleCache): Promise<ArticleView> {
  const article = settings.article
  if (!article) return { readable: false }
  try {
    const { body } = await readProcedureArticle(host, article.id, cache)
    return articleViewOf(body, article.textsSource)
  } catch (error) {
    return { readable: false, failure: failureOf(error) }
  }
}
