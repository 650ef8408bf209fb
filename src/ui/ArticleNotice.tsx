import type { SidebarState } from '../sidebar/state'
import type { Translate } from '../i18n'
import type { StepExtensionProps } from './extensions'

/**
 * On one step, once the help-center article is read (part of the article-and-check chunk): "differs
 * from the article" with the article's wording where the built-in text no longer matches; with
 * `texts_source=article`, whose wording Insert and Apply send (the step's preview then shows the
 * article's, so its wording is not repeated here). A step with a macro sends the macro: nothing
 * is said of whose wording.
 */
export function ArticleNotice({ step, state, t }: StepExtensionProps) {
  const compared = state.article?.readable ? state.article.steps[step] : undefined
  if (!compared) return null
  const differs = compared.status === 'differs'
  const send = state.settings?.stepMacros[step] ? undefined : compared.send
  if (!differs && !send) return null
  return (
    <div class="small" data-testid="article-notice" data-status={compared.status}>
      {differs ? <p class="field__warning bold">{t('articleDiffers')}</p> : null}
      {differs && !send ? (
        <>
          <p class="muted">{t('articleWording')}</p>
          <div class="preview" data-testid="article-wording">
            {compared.article}
          </div>
        </>
      ) : null}
      {send ? (
        <p class="muted" data-testid="article-sent" data-source={send.source}>
          {t(send.source === 'article' ? 'articleSent' : 'articleSentBuiltIn')}
        </p>
      ) : null}
    </div>
  )
}

/** The article could not be read: a quiet line; the built-in texts meanwhile. */
export function ArticleUnreadable({ state, t }: { state: SidebarState; t: Translate }) {
  return state.article?.readable === false ? (
    <p class="muted small" data-testid="article-unreadable">
      {t('articleUnreadable')}
    </p>
  ) : null
}
