import { reads } from '../procedure'
import type { Translate, UiLanguage } from '../i18n'
import type { Sidebar } from '../sidebar/store'
import { ApplyBar } from './ApplyBar'
import { BranchPanel } from './BranchPanel'
import { ConsultationPanel } from './ConsultationPanel'
import { EmpathyPicker } from './EmpathyPicker'
import { IdentityForm } from './IdentityForm'
import { reasonText } from '../i18n/procedure-texts'
import { settingProblemText } from './messages'
import { NoticeBar } from './NoticeBar'
import { PhoneMatchHelper } from './PhoneMatchHelper'
import { RequesterHeader } from './RequesterHeader'
import { circled, StepCard } from './StepCard'
import { FootExtension } from './extensions'

/** The whole sidebar for one ticket. */
export function SidebarScreen({ sidebar, t, language }: { sidebar: Sidebar; t: Translate; language: UiLanguage }) {
  const state = sidebar.current
  if (state.phase === 'loading') {
    return <p class="muted" data-testid="loading">{t('loading')}</p>
  }
  const view = sidebar.view()
  const decision = view.decision
  const applies = decision?.applies ? decision : null
  const links = state.settings?.links
  return (
    <>
      {state.ticket ? <RequesterHeader state={state} t={t} /> : null}
      <NoticeBar state={state} sidebar={sidebar} t={t} />
      {state.settingsProblems.length ? (
        <ul class="notice notice--error" data-testid="settings-problems">
          {state.settingsProblems.map((problem) => (
            <li key={problem.setting + problem.detail}>{settingProblemText(t, language, problem)}</li>
          ))}
        </ul>
      ) : null}
      {decision && !decision.applies ? (
        <section class="panel" data-testid="not-applicable">
          <p>{t('memberNotApplicable')}</p>
          <ul class="reasons">
            {decision.reasons.map((reason) => (
              <li key={reason.code}>{reasonText(t, reason)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {applies ? (
        <>
          <BranchPanel decision={applies} sidebar={sidebar} t={t} busy={state.busy !== null} />
          {applies.steps.map((step, index) => {
            const number = circled(index)
            switch (step.kind) {
              case 'empathy':
                return <EmpathyPicker key={step.id} decision={applies} state={state} sidebar={sidebar} t={t} language={language} />
              case 'identity_check':
                return view.identityCheck ? <IdentityForm key={step.id} check={view.identityCheck} state={state} sidebar={sidebar} t={t} index={number} /> : null
              case 'text':
              case 'optional_text':
                return (
                  <>
                    {step.when === 'same' ? <PhoneMatchHelper key="phone-match" state={state} view={view} sidebar={sidebar} t={t} /> : null}
                    <StepCard key={step.id} step={step} index={index} state={state} sidebar={sidebar} t={t} />
                  </>
                )
              default:
                // The agent's own work: answering in their words, or processing once checked.
                return (
                  <section class="card" key={step.id} data-testid="step" data-step={step.id}>
                    <h3>
                      {number} {t(`step_${step.id}`)}
                    </h3>
                    <p class="muted small">{t(step.kind === 'process' ? (view.identityCheck?.ok ? 'processAllowed' : 'processBlocked') : 'answerDirectlyHelp')}</p>
                  </section>
                )
            }
          })}
          {reads(applies.branch, 'phoneMatch') && !applies.steps.some((step) => step.when === 'same') ? (
            <PhoneMatchHelper state={state} view={view} sidebar={sidebar} t={t} />
          ) : null}
          <ConsultationPanel decision={applies} state={state} view={view} sidebar={sidebar} t={t} />
          <ApplyBar state={state} view={view} sidebar={sidebar} t={t} language={language} />
        </>
      ) : null}
      <FootExtension state={state} sidebar={sidebar} />
      {links && (links.criteriaArticle || links.referenceScreens) ? (
        <nav class="links">
          {links.criteriaArticle ? (
            <a href={links.criteriaArticle} target="_blank" rel="noopener noreferrer">
              {t('linkCriteria')}
            </a>
          ) : null}
          {links.referenceScreens ? (
            <a href={links.referenceScreens} target="_blank" rel="noopener noreferrer">
              {t('linkReferenceScreens')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  )
}
