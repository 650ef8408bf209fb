import type { Translate } from '../i18n'
import { checkSettings } from '../sidebar/article-and-check'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'

/** For admins only: "Check settings", and its lines once it has run (their texts come with its chunk). */
export function SettingsCheck({ state, sidebar, t }: { state: SidebarState; sidebar: Sidebar; t: Translate }) {
  if (state.ticket?.agentRole !== 'admin' || !state.settings) return null
  const check = state.settingsCheck
  return (
    <section class="card" data-testid="settings-check">
      <button type="button" class="c-btn c-btn--sm" data-action="check-settings" disabled={check?.running} onClick={() => checkSettings(sidebar)}>
        {t('checkSettings')}
      </button>
      {check?.running ? <span class="spinner" /> : null}
      {check?.lines.length ? (
        <ul class="small" data-testid="settings-check-lines">
          {check.lines.map((line, i) => (
            <li key={i} class={line.status === 'ok' ? 'field__ok' : line.status === 'fail' ? 'field__error' : 'muted'} data-status={line.status}>
              {line.text}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
