import { EMPATHY_KINDS, EMPATHY_PHRASES } from '../procedure'
import { reasonText } from '../i18n/procedure-texts'
import type { Applies, ScreenProps } from './props'
import { insertButton, stepCard } from './StepCard'

/** ① 감성표현: four kinds, their phrases in full (they wrap, nothing is cut), the suggestion preselected. */
export function EmpathyPicker(p: ScreenProps & { decision: Applies }) {
  const { state, sidebar, t } = p
  const chosen = state.empathy
  const kind = chosen?.kind ?? p.decision.empathy.kind
  return stepCard(
    'empathy',
    `① ${t('empathy')}`,
    chosen && insertButton('empathy', p),
    <p class="muted small">{reasonText(t, p.decision.empathy.reason)}</p>,
    <div class="segmented" role="group" aria-label={t('empathyKind')}>
      {EMPATHY_KINDS.map((k) => (
        <button aria-pressed={k === chosen?.kind} data-kind={k} onClick={() => sidebar.chooseEmpathy({ kind: k, phrase: EMPATHY_PHRASES[k][0] ?? '' })}>
          {k} {p.language === 'en' ? t(`empathy_${k}`) : ''}
        </button>
      ))}
      <button aria-pressed={!chosen} onClick={() => sidebar.chooseEmpathy(null)}>
        {t('empathyNone')}
      </button>
    </div>,
    chosen ? (
      <div class="segmented phrases" role="group" aria-label={t('empathyPhrase')}>
        {EMPATHY_PHRASES[kind].map((phrase) => (
          <button aria-pressed={phrase === chosen.phrase} data-phrase onClick={() => sidebar.chooseEmpathy({ kind, phrase })}>
            {phrase}
          </button>
        ))}
      </div>
    ) : null,
  )
}
