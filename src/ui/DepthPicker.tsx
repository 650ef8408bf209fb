import { DEPTH_SEPARATOR } from '../procedure'
import type { Translate } from '../i18n'
import { filterChoices } from '../sidebar/consultation'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import type { SidebarView } from '../sidebar/view'
import { RrnRefused } from './Field'

/** The depths under the root, searchable, the suggestion (추천) first; one is chosen at a time. */
export function DepthPicker({ state, view, sidebar, t }: { state: SidebarState; view: SidebarView; sidebar: Sidebar; t: Translate }) {
  const picked = state.pickedDepth
  const suggested = state.depthSuggestion
  const found = filterChoices(view.choices, state.depthQuery)
  const shown = [...found.filter((choice) => choice.tag === suggested?.tag), ...found.filter((choice) => choice.tag !== suggested?.tag)].slice(0, 50)
  return (
    <section class="panel">
      <input class="c-field__input" type="search" value={state.depthQuery} placeholder={t('depthSearch')} aria-label={t('depthSearch')} onInput={(event) => sidebar.input('depthQuery', event.currentTarget.value)} />
      <RrnRefused box="depthQuery" state={state} t={t} />
      {state.fieldsFailure || !state.settings?.consultationFields ? null : !state.fieldDefinitions ? (
        <p class="muted small">{t('loadingFields')}</p>
      ) : (
        <ul class="picker" role="group" aria-label={t('consultationTitle')}>
          {shown.map((choice) => (
            <li key={choice.tag}>
              <button type="button" aria-pressed={picked?.tag === choice.tag} data-tag={choice.tag} onClick={() => sidebar.pickDepth(choice)}>
                {choice.depths.slice(1).join(DEPTH_SEPARATOR)}
                {choice.tag === suggested?.tag ? <span class="badge">{t('suggested')}</span> : null}
              </button>
            </li>
          ))}
          {shown.length ? null : <li class="muted small">{t('depthNoMatch')}</li>}
        </ul>
      )}
    </section>
  )
}
