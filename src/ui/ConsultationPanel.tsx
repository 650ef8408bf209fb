import { DEPTH_SEPARATOR, reads, type Decision } from '../procedure'
import { pathText } from '../i18n/procedure-texts'
import type { Translate } from '../i18n'
import { filterChoices } from '../sidebar/consultation'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import type { SidebarView } from '../sidebar/view'
import { consultationFieldIds } from '../sidebar/settings'

type Applies = Extract<Decision, { applies: true }>

/** 상담유형: the path to set, the fixed/picked choice, the field's current value. */
export function ConsultationPanel({ decision, state, view, sidebar, t }: { decision: Applies; state: SidebarState; view: SidebarView; sidebar: Sidebar; t: Translate }) {
  const asksScope = reads(decision.branch, 'verificationOnly')
  const picking = decision.consultation.agentPicksDepth
  const picked = state.pickedDepth
  const current = consultationFieldIds(state.settings?.consultationFields ?? null)
    .map((id) => state.ticket?.consultationValues[id] ?? null)
    .filter((tag): tag is string => tag !== null)
  const nameOf = (tag: string) =>
    state.fieldDefinitions?.flatMap((definition) => definition.options).find((option) => option.tag === tag)?.name.replaceAll('::', DEPTH_SEPARATOR) ?? tag
  const shown = filterChoices(view.choices, state.depthQuery).slice(0, 50)
  return (
    <section class="panel" data-testid="consultation">
      <h2>{t('consultationTitle')}</h2>
      {asksScope ? (
        <div class="segmented" role="group">
          <button type="button" aria-pressed={state.verificationOnly} data-scope="verification-only" onClick={() => sidebar.setVerificationOnly(true)}>
            {t('verificationOnly')}
          </button>
          <button type="button" aria-pressed={!state.verificationOnly} data-scope="content-known" onClick={() => sidebar.setVerificationOnly(false)}>
            {t('contentKnown')}
          </button>
        </div>
      ) : null}
      <p class="bold" data-testid="consultation-path">
        {picking && picked ? picked.depths.join(DEPTH_SEPARATOR) : pathText(t, decision.consultation)}
      </p>
      {picking ? (
        <div>
          <input class="c-field__input" type="search" value={state.depthQuery} placeholder={t('depthSearch')} aria-label={t('depthSearch')} onInput={(event) => sidebar.searchDepths(event.currentTarget.value)} />
          {state.fieldsFailure || !state.settings?.consultationFields ? null : !state.fieldDefinitions ? (
            <p class="muted small">{t('loadingFields')}</p>
          ) : (
            <ul class="picker" role="listbox" aria-label={t('consultationTitle')}>
              {shown.map((choice) => (
                <li key={choice.tag}>
                  <button
                    type="button"
                    role="option"
                    aria-selected={picked?.tag === choice.tag}
                    data-tag={choice.tag}
                    onClick={() => sidebar.pickDepth(picked?.tag === choice.tag ? null : choice)}
                  >
                    {choice.depths.slice(1).join(DEPTH_SEPARATOR)}
                  </button>
                </li>
              ))}
              {shown.length === 0 ? <li class="muted small">{t('depthNoMatch')}</li> : null}
            </ul>
          )}
        </div>
      ) : null}
      <p class="muted small" data-testid="consultation-current">
        {t('consultationCurrent')}: {current.length ? current.map(nameOf).join(', ') : t('consultationEmpty')}
      </p>
    </section>
  )
}
