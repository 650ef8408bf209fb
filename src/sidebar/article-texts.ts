/**
 * The article's chunk (loaded only in frames with `procedure_article_id` set): reads the
 * procedure article once per frame, from the cross-frame cache when it is fresh, compares it with
 * the built-in texts step by step (src/article), and says what each step card shows.
 */
import { compareWithArticle, textToSend } from '../article'
import type { StepComparison } from '../article'
import { articleText } from '../procedure'
import type { ArticleTextId, StepId } from '../procedure'
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
 * What the sidebar shows of an article body: each reply text compared and, with
 * `texts_source=article`, the wording Insert sends. An article in which no reply text can be
 * located is unreadable as a procedure: a quiet note, and the built-in texts.
 */
export function articleViewOf(body: string, textsSource: 'built_in' | 'article'): ArticleView {
  const comparison = compareWithArticle(body, articleText)
  const steps: Partial<Record<StepId, ArticleStep>> = {}
  let located = 0
  for (const [id, step] of Object.entries(comparison) as [ArticleTextId, StepComparison][]) {
    const send = textToSend(step, articleText(id))
    if (send.source === 'article') located++
    steps[id] = {
      status: step.status,
      ...(step.status === 'same' || step.status === 'differs' ? { article: step.article } : {}),
      ...(textsSource === 'article' ? { send } : {}),
    }
  }
  return located ? { readable: true, steps } : { readable: false }
}

/** The frame's one read of the article (by host: one per frame), shared by the step cards and the settings check. */
const views = new WeakMap<TicketHost, Promise<ArticleView>>()

/** Reads the configured article and compares it; a failed read is an unreadable article, never an error. */
export function articleView(host: TicketHost, settings: Settings, cache?: ArticleCache): Promise<ArticleView> {
  let view = views.get(host)
  if (!view) {
    const article = settings.article
    view = article
      ? readProcedureArticle(host, article.id, cache).then(
          ({ body }) => articleViewOf(body, article.textsSource),
          (error: unknown): ArticleView => ({ readable: false, failure: failureOf(error) }),
        )
      : Promise.resolve({ readable: false })
    views.set(host, view)
  }
  return view
}
