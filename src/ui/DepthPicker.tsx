import { DEPTH_SEPARATOR } from '../procedure'
import { filterChoices } from '../sidebar/consultation'
import { rrnRefused } from './Field'
import type { ScreenProps } from './props'

/** The depths under the root, in the field's order, searchable, the suggestion (추천) marked; one is chosen at a time. */
export function DepthPicker(p: ScreenProps) {
  const { state, sidebar, t } = p
  const picked = state.pickedDepth
  const suggested = state.depthSuggestion
  const shown = filterChoices(p.view.choices, state.depthQuery).slice(0, 50)
  return (
    <section class="panel">
      <input
        class="c-field__input"
        type="search"
        value={state.depthQuery}
        placeholder={t('depthSearch')}
        aria-label={t('depthSearch')}
        onInput={(event) => sidebar.input('depthQuery', event.currentTarget.value)}
      />
      {rrnRefused('depthQuery', p)}
      {state.fieldDefinitions ? (
        <ul class="picker" role="group" aria-label={t('consultationTitle')}>
          {shown.map((choice) => (
            <li>
              <button aria-pressed={picked?.tag === choice.tag} data-tag={choice.tag} onClick={() => sidebar.pickDepth(choice)}>
                {choice.depths.slice(1).join(DEPTH_SEPARATOR)}
                {choice.tag === suggested?.tag ? <span class="status__badge">{t('suggested')}</span> : null}
              </button>
            </li>
          ))}
          {shown.length ? null : <li class="muted small">{t('depthNoMatch')}</li>}
        </ul>
      ) : null}
    </section>
  )
}
