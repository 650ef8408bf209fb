import type { Translate } from '../i18n'
import type { SidebarState } from '../sidebar/state'
import { evidenceText } from './messages'

/** Who is asking and whether the procedure applies. Names are shown as text, never as HTML. */
export function RequesterHeader({ state, t }: { state: SidebarState; t: Translate }) {
  const requester = state.ticket?.requester ?? null
  const status = state.status
  return (
    <header class="requester">
      <span class="muted small">{t('requester')}</span>
      <strong class="requester__name" data-testid="requester-name">
        {requester ? requester.name.trim() || t('unnamedRequester') : t('noRequester')}
      </strong>
      {state.statusPending ? (
        <span class="muted" data-testid="requester-status" data-status="pending">
          {t('statusPending')}
        </span>
      ) : status ? (
        <span class={`status status--${status.value}`} data-testid="requester-status" data-status={status.value}>
          <span class="status__badge">{t(`status_${status.value}`)}</span>
          <span class="muted">{evidenceText(t, status.evidence)}</span>
        </span>
      ) : null}
    </header>
  )
}
