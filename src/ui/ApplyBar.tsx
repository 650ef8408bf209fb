import type { Translate, UiLanguage } from '../i18n'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import type { SidebarView } from '../sidebar/view'
import { blockerText, failureText } from './messages'

/** Apply (once per click), the overwrite question, Undo, the audit note's state. */
export function ApplyBar({ state, view, sidebar, t, language }: { state: SidebarState; view: SidebarView; sidebar: Sidebar; t: Translate; language: UiLanguage }) {
  const blocker = view.applyBlocker
  const note = state.auditNote
  return (
    <section class="apply" data-testid="apply-bar">
      {state.confirmOverwrite ? (
        <div class="notice notice--warning" role="alertdialog" data-testid="confirm-overwrite">
          <p>{t('confirmOverwrite')}</p>
          <button type="button" class="c-btn c-btn--sm c-btn--danger" data-action="overwrite" onClick={() => void sidebar.apply(true)}>
            {t('overwrite')}
          </button>
          <button type="button" class="c-btn c-btn--sm" onClick={() => sidebar.cancelOverwrite()}>
            {t('keepValue')}
          </button>
        </div>
      ) : null}
      <button type="button" class="c-btn c-btn--primary" data-action="apply" disabled={blocker !== null || state.busy !== null} onClick={() => void sidebar.apply()}>
        {t(state.busy === 'apply' ? 'applying' : 'apply')}
      </button>
      {state.lastApply ? (
        <button type="button" class="c-btn" data-action="undo" disabled={state.busy !== null} onClick={() => void sidebar.undo()}>
          {t('undo')}
        </button>
      ) : null}
      {blocker && blocker.key !== 'nothingToDo' ? (
        <p class="muted small" data-testid="apply-blocker" data-blocker={blocker.key}>
          {blockerText(t, language, blocker)}
        </p>
      ) : null}
      {view.pending.length ? <p class="muted small">{t('applyWillInsert', { count: view.pending.length })}</p> : null}
      {note ? (
        // The audit note: waits for the save, is written, or why not (a failed one with its retry).
        <p class="muted small" role="status" data-audit-note={note.status}>
          {t(`auditNote_${note.status}`)}
          {note.failure ? (
            <>
              {` ${failureText(t, note.failure)} `}
              <button type="button" class="c-btn c-btn--sm" onClick={() => void sidebar.writeNote()}>
                {t('retry')}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  )
}
