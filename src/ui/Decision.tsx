import { BRANCHES, DEPTH_SEPARATOR, reads, type Decision as Applies } from '../procedure'
import type { Translate, UiLanguage } from '../i18n'
import { pathText, reasonText } from '../i18n/procedure-texts'
import { consultationFieldIds } from '../sidebar/settings'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import type { SidebarView } from '../sidebar/view'
import { blockerText } from './messages'

interface Props {
  decision: Extract<Applies, { applies: true }>
  state: SidebarState
  view: SidebarView
  sidebar: Sidebar
  t: Translate
  language: UiLanguage
}

/**
 * The decision and the action, first: the branch and its one-line why (the other reasons folded),
 * a switch to any branch, the consultation type Apply writes, and Apply.
 */
export function Decision({ decision, state, view, sidebar, t, language }: Props) {
  const { branch } = decision
  const busy = state.busy !== null
  const blocker = view.applyBlocker
  const picked = decision.consultation.agentPicksDepth && state.pickedDepth
  const nameOf = (tag: string) =>
    state.fieldDefinitions?.flatMap((definition) => definition.options).find((option) => option.tag === tag)?.name.replaceAll('::', DEPTH_SEPARATOR) ?? tag
  const current = consultationFieldIds(state.settings?.consultationFields).flatMap((id) => state.ticket?.consultationValues[id] ?? [])
  const scope = (on: boolean, key: 'verificationOnly' | 'contentKnown') => (
    <button type="button" aria-pressed={state.verificationOnly === on} data-scope={on ? 'verification-only' : 'content-known'} onClick={() => sidebar.setVerificationOnly(on)}>
      {t(key)}
    </button>
  )
  return (
    <section class="panel" data-testid="branch" data-branch={branch.id}>
      <h2>
        <span class="branch-number">{branch.number}</span> {t(`branch_${branch.id}`)}
      </h2>
      <p class="muted small" data-testid="why" data-code={decision.why.code}>
        {reasonText(t, decision.why)}
      </p>
      <div class="segmented" role="group" aria-label={t('switchBranch')}>
        {BRANCHES.map((b) => (
          <button type="button" key={b.id} aria-pressed={b === branch} title={t(`branch_${b.id}`)} data-branch={b.id} disabled={busy} onClick={() => sidebar.chooseBranch(b.id)}>
            {b.number}
          </button>
        ))}
      </div>
      <details class="small muted">
        <summary>{t('note_reasons')}</summary>
        <ul class="reasons" data-testid="reasons">
          {decision.reasons.map((reason) => (
            <li key={reason.code} data-code={reason.code}>
              {reasonText(t, reason)}
            </li>
          ))}
        </ul>
      </details>
      {reads(branch, 'verificationOnly') ? (
        <div class="segmented" role="group" aria-label={t('consultationTitle')}>
          {scope(true, 'verificationOnly')}
          {scope(false, 'contentKnown')}
        </div>
      ) : null}
      <p class="bold">
        {t('consultationTitle')}: <span data-testid="consultation-path">{picked ? picked.depths.join(DEPTH_SEPARATOR) : pathText(t, decision.consultation)}</span>
        {picked && picked.tag === state.depthSuggestion?.tag ? <span class="badge">{t('suggested')}</span> : null}
      </p>
      {current.length ? (
        <p class="muted small">
          {t('consultationCurrent')}: {current.map(nameOf).join(', ')}
        </p>
      ) : null}
      {state.confirmOverwrite ? (
        <div class="notice notice--warning" role="alertdialog" data-testid="confirm-overwrite">
          <p>{t('confirmOverwrite')}</p>
          <button type="button" class="c-btn c-btn--sm" data-action="overwrite" onClick={() => void sidebar.apply(true)}>
            {t('overwrite')}
          </button>
          <button type="button" class="c-btn c-btn--sm" data-action="keep-field" onClick={() => void sidebar.insertTexts()}>
            {t('keepFieldInsertTexts')}
          </button>
          <button type="button" class="c-btn c-btn--sm" onClick={() => sidebar.cancelOverwrite()}>
            {t('cancel')}
          </button>
        </div>
      ) : null}
      <div class="apply">
        <button type="button" class="c-btn c-btn--primary" data-action="apply" disabled={blocker !== null || busy} onClick={() => void sidebar.apply()}>
          {t(state.busy === 'apply' ? 'applying' : 'apply')}
        </button>
        {state.lastApply ? (
          <button type="button" class="c-btn" data-action="undo" disabled={busy} onClick={() => void sidebar.undo()}>
            {t('undo')}
          </button>
        ) : null}
        {blocker && view.canWrite && view.pending.length ? (
          // Texts that need no check, or no field: they may go before Apply can.
          <button type="button" class="c-btn" data-action="insert-texts" disabled={busy} onClick={() => void sidebar.insertTexts()}>
            {t('insertTexts')}
          </button>
        ) : null}
      </div>
      {blocker && blocker.key !== 'nothingToDo' ? (
        <p class="muted small" data-testid="apply-blocker" data-blocker={blocker.key}>
          {blockerText(t, language, blocker)}
        </p>
      ) : view.pending.length ? (
        <p class="muted small">{t('applyWillInsert', { count: view.pending.length })}</p>
      ) : null}
      {state.evidenceFailed ? <p class="muted small" data-testid="evidence-unread">{t('evidenceUnread')}</p> : null}
    </section>
  )
}
