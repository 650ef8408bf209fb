import { EMPATHY_KINDS, EMPATHY_PHRASES, type Decision } from '../procedure'
import type { Translate, UiLanguage } from '../i18n'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import { reasonText } from '../i18n/procedure-texts'
import { CardHead, InsertButton } from './StepCard'

type Applies = Extract<Decision, { applies: true }>

/** ① 감성표현: four kinds, their phrases in full (they wrap, nothing is cut), the suggestion preselected. */
export function EmpathyPicker({ decision, state, sidebar, t, language }: { decision: Applies; state: SidebarState; sidebar: Sidebar; t: Translate; language: UiLanguage }) {
  const chosen = state.empathy
  const kind = chosen?.kind ?? decision.empathy.kind
  return (
    <section class="card" data-testid="step" data-step="empathy">
      <CardHead button={chosen ? <InsertButton id="empathy" state={state} sidebar={sidebar} t={t} /> : null}>① {t('empathy')}</CardHead>
      <p class="muted small">{reasonText(t, decision.empathy.reason)}</p>
      <div class="segmented" role="group" aria-label={t('empathyKind')}>
        {EMPATHY_KINDS.map((k) => (
          <button type="button" key={k} aria-pressed={k === kind && !!chosen} data-kind={k} onClick={() => sidebar.chooseEmpathy({ kind: k, phrase: EMPATHY_PHRASES[k][0] ?? '' })}>
            {k} {language === 'en' ? t(`empathy_${k}`) : ''}
          </button>
        ))}
        <button type="button" aria-pressed={!chosen} onClick={() => sidebar.chooseEmpathy(null)}>
          {t('empathyNone')}
        </button>
      </div>
      {chosen ? (
        <div class="segmented phrases" role="group" aria-label={t('empathyPhrase')}>
          {EMPATHY_PHRASES[kind].map((phrase) => (
            <button type="button" key={phrase} aria-pressed={phrase === chosen.phrase} data-phrase onClick={() => sidebar.chooseEmpathy({ kind, phrase })}>
              {phrase}
            </button>
          ))}
        </div>
      ) : null}
    </section>
  )
}
