import { EMPATHY_KINDS, EMPATHY_PHRASES, type Decision } from '../procedure'
import type { Translate, UiLanguage } from '../i18n'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import { reasonText } from '../i18n/procedure-texts'

type Applies = Extract<Decision, { applies: true }>

/** ① 감성표현: four kinds, phrases to choose, the suggestion preselected. */
export function EmpathyPicker({ decision, state, sidebar, t, language }: { decision: Applies; state: SidebarState; sidebar: Sidebar; t: Translate; language: UiLanguage }) {
  const chosen = state.empathy
  const kind = chosen?.kind ?? decision.empathy.kind
  const inserted = state.inserted.includes('empathy')
  return (
    <section class="card" data-testid="step" data-step="empathy">
      <h3>① {t('empathy')}</h3>
      <p class="muted small">{reasonText(t, decision.empathy.reason)}</p>
      <div class="segmented" role="group" aria-label={t('empathyKind')}>
        {EMPATHY_KINDS.map((k) => (
          <button type="button" key={k} aria-pressed={k === kind && !!chosen} data-kind={k} onClick={() => sidebar.chooseEmpathy({ kind: k, phrase: EMPATHY_PHRASES[k][0] ?? '' })}>
            {k} <span class="small">{language === 'en' ? t(`empathy_${k}`) : ''}</span>
          </button>
        ))}
        <button type="button" aria-pressed={!chosen} onClick={() => sidebar.chooseEmpathy(null)}>
          {t('empathyNone')}
        </button>
      </div>
      {chosen ? (
        <select class="c-field__input" aria-label={t('empathyPhrase')} value={chosen.phrase} onChange={(event) => sidebar.chooseEmpathy({ kind, phrase: event.currentTarget.value })}>
          {EMPATHY_PHRASES[kind].map((phrase) => (
            <option key={phrase} value={phrase}>
              {phrase}
            </option>
          ))}
        </select>
      ) : null}
      {chosen ? (
        <button type="button" class="c-btn c-btn--sm" data-action="insert" disabled={inserted || state.busy !== null} onClick={() => void sidebar.insertStep('empathy')}>
          {t(inserted ? 'inserted' : 'insert')}
        </button>
      ) : null}
    </section>
  )
}
