import type { Translate, UiLanguage } from '../i18n'
import { reasonText } from '../i18n/procedure-texts'
import type { Sidebar } from '../sidebar/store'
import { Decision } from './Decision'
import { DepthPicker } from './DepthPicker'
import { EmpathyPicker } from './EmpathyPicker'
import { IdentityForm } from './IdentityForm'
import { noticeText, settingProblemText } from './messages'
import { PhoneMatchHelper } from './PhoneMatchHelper'
import type { ScreenProps } from './props'
import { RequesterHeader } from './RequesterHeader'
import { link, stepCard, StepCard } from './StepCard'
import { FootExtension } from './extensions'

/**
 * The whole sidebar for one ticket: who is asking, then the decision and Apply, then the depth to
 * pick, then the steps as cards in the article's order.
 */
export function SidebarScreen({ sidebar, t, language }: { sidebar: Sidebar; t: Translate; language: UiLanguage }) {
  const state = sidebar.current
  if (state.phase === 'loading') {
    return (
      <p class="muted" data-testid="loading">
        {t('loading')}
      </p>
    )
  }
  const view = sidebar.view()
  const p: ScreenProps = { state, view, sidebar, t, language }
  const { decision, identityCheck } = view
  const { notice, settings } = state
  const applies = decision?.applies ? decision : null
  const links = settings?.links
  const gated = !!identityCheck && !identityCheck.ok
  return (
    <>
      {state.ticket ? <RequesterHeader state={state} t={t} /> : null}
      {notice ? (
        <div class={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice" data-tone={notice.tone}>
          <span>{noticeText(t, notice)}</span>
          {notice.tone === 'error' && notice.retry ? (
            <button class="c-btn c-btn--sm" onClick={() => sidebar.retry()}>
              {t('retry')}
            </button>
          ) : null}
        </div>
      ) : null}
      {state.settingsProblems.length ? (
        <ul class="notice notice--error" data-testid="settings-problems">
          {state.settingsProblems.map((problem) => (
            <li>{settingProblemText(t, language, problem)}</li>
          ))}
        </ul>
      ) : null}
      {decision && !decision.applies ? (
        // The first reason says that the procedure does not apply, and why.
        <section class="panel" data-testid="not-applicable">
          <ul class="reasons">
            {decision.reasons.map((reason) => (
              <li>{reasonText(t, reason)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {applies ? (
        <>
          <Decision {...p} decision={applies} />
          {applies.consultation.agentPicksDepth ? <DepthPicker {...p} /> : null}
          {applies.steps.map((step, index) => {
            if (step.kind === 'empathy') return <EmpathyPicker {...p} decision={applies} />
            const title = `${'①②③④⑤⑥⑦⑧⑨'[index] ?? ''} ${t(`step_${step.id}`)}`
            switch (step.kind) {
              case 'identity_check':
                return identityCheck && <IdentityForm {...p} check={identityCheck} title={title} />
              case 'text':
              case 'optional_text':
                return (
                  <>
                    {/* The numbers compared right before the follow-up they select. */}
                    {step.when && step === applies.steps.find((s) => s.when) ? <PhoneMatchHelper {...p} /> : null}
                    <StepCard {...p} step={step} title={title} blocked={!!step.requires && gated} />
                  </>
                )
              default:
                // The agent's own work (its title says it): answering in their words, or processing once checked.
                return stepCard(
                  step.id,
                  title,
                  null,
                  step.kind === 'process' ? <p class="muted small">{t(gated ? 'processBlocked' : 'processAllowed')}</p> : null,
                )
            }
          })}
        </>
      ) : null}
      <FootExtension state={state} sidebar={sidebar} />
      {links && (links.criteriaArticle || links.referenceScreens) ? (
        <nav class="links">
          {/* The criteria sit beside the identity form where there is one. */}
          {identityCheck ? null : link(links.criteriaArticle, t('linkCriteria'))}
          {link(links.referenceScreens, t('linkReferenceScreens'))}
        </nav>
      ) : null}
    </>
  )
}
