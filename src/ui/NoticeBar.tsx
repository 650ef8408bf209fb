import type { Translate } from '../i18n'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import { noticeText } from './messages'

export function NoticeBar({ state, sidebar, t }: { state: SidebarState; sidebar: Sidebar; t: Translate }) {
  const notice = state.notice
  if (!notice) return null
  return (
    <div class={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice" data-tone={notice.tone}>
      <span>{noticeText(t, notice)}</span>
      {notice.tone === 'error' && notice.retry ? (
        <button type="button" class="c-btn c-btn--sm" onClick={() => sidebar.retry()}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  )
}
