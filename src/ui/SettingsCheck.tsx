import type { SidebarState } from '../sidebar/state'
import type { UiLanguage } from '../i18n'

/** The button's label: with the chunk, like the check's own texts (no frame downloads them otherwise). */
export const CHECK_SETTINGS: Readonly<Record<UiLanguage, string>> = { ko: '설정 점검', en: 'Check settings' }

/**
 * For admins only (part of the article-and-check chunk): "Check settings", and its lines once it
 * has run (worded by the check's own chunk, sidebar/settings-check.ts).
 */
export function SettingsCheck({ state, onCheck }: { state: SidebarState; onCheck: (() => void) | undefined }) {
  if (state.ticket?.agentRole !== 'admin' || !state.settings || !onCheck) return null
  const check = state.settingsCheck
  return (
    <section class="card small" data-testid="settings-check">
      <button type="button" class="c-btn c-btn--sm" data-action="check-settings" disabled={check?.running} onClick={onCheck}>
        {CHECK_SETTINGS[state.language]}
      </button>
      {check?.running ? <span class="spinner" /> : null}
      {check?.lines.map((line) => (
        <p
          key={line.text}
          class={line.status === 'ok' ? 'field__ok' : line.status === 'fail' ? 'field__error' : 'muted'}
          data-testid="check-line"
          data-status={line.status}
        >
          {line.text}
        </p>
      ))}
    </section>
  )
}
