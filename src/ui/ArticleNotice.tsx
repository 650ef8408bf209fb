import type { UiLanguage } from '../i18n'
import type { SidebarState } from '../sidebar/state'
import type { StepExtensionProps } from './extensions'

/**
 * The article's notes in both languages. They ship with the article-and-check chunk, the only
 * code that shows them: no frame downloads them otherwise, and a frame that shows them needs no
 * other texts file for them.
 */
export const ARTICLE_NOTES: Readonly<Record<UiLanguage, Readonly<Record<'differs' | 'wording' | 'sentArticle' | 'sentBuiltIn' | 'unreadable', string>>>> = {
  ko: {
    differs: '도움말 문서와 다름',
    wording: '문서의 현재 문구',
    sentArticle: '문서 문구로 보냄',
    sentBuiltIn: '기본 문구로 보냄',
    unreadable: '도움말 문서를 읽지 못했습니다',
  },
  en: {
    differs: 'Differs from the article',
    wording: 'The article’s current wording',
    sentArticle: 'Sent with the article’s wording',
    sentBuiltIn: 'Sent with the built-in wording',
    unreadable: 'Could not read the help-center article',
  },
}

/**
 * On one step, once the help-center article is read (part of the article-and-check chunk): "differs
 * from the article" with the article's wording where the built-in text no longer matches; with
 * `texts_source=article`, whose wording Insert and Apply send (the step's preview then shows the
 * article's, so its wording is not repeated here). A step with a macro sends the macro: nothing
 * is said of whose wording.
 */
export function ArticleNotice({ step, state }: StepExtensionProps) {
  const compared = state.article?.readable ? state.article.steps[step] : undefined
  if (!compared) return null
  const notes = ARTICLE_NOTES[state.language]
  const differs = compared.status === 'differs'
  const send = state.settings?.stepMacros[step] ? undefined : compared.send
  if (!differs && !send) return null
  return (
    <div class="small" data-testid="article-notice" data-status={compared.status}>
      {differs ? <p class="field__warning bold">{notes.differs}</p> : null}
      {differs && !send ? (
        <>
          <p class="muted">{notes.wording}</p>
          <div class="preview" data-testid="article-wording">
            {compared.article}
          </div>
        </>
      ) : null}
      {send ? (
        <p class="muted" data-testid="article-sent" data-source={send.source}>
          {send.source === 'article' ? notes.sentArticle : notes.sentBuiltIn}
        </p>
      ) : null}
    </div>
  )
}

/** The article could not be read: a quiet line; the built-in texts meanwhile. */
export function ArticleUnreadable({ state }: { state: SidebarState }) {
  return state.article?.readable === false ? (
    <p class="muted small" data-testid="article-unreadable">
      {ARTICLE_NOTES[state.language].unreadable}
    </p>
  ) : null
}
