import { BRANCHES, DEPTH_SEPARATOR, reads } from '../procedure'
import { pathText, reasonText } from '../i18n/procedure-texts'
import { blockerText, failureText } from './messages'
import type { Applies, ScreenProps } from './props'

/**
 * The decision and the action, first: the branch and its one-line why (the other reasons folded),
 * a switch to any branch, the consultation type Apply writes, and Apply.
 */
export function Decision({ decision, state, view, sidebar, t, language }: ScreenProps & { decision: Applies }) {
  const { branch, why } = decision
  const busy = !!state.busy
  const blocker = view.applyBlocker
  const note = state.auditNote
  const picked = decision.consultation.agentPicksDepth && state.pickedDepth
  const action = (name: string, label: Parameters<typeof t>[0], run: () => unknown, disabled = busy) => (
    <button class="c-btn c-btn--sm" data-action={name} disabled={disabled} onClick={run}>
      {t(label)}
    </button>
  )
  const scope = (on: boolean) => (
    <button
      aria-pressed={state.verificationOnly === on}
      data-scope={on ? 'verification-only' : 'content-known'}
      onClick={() => sidebar.setVerificationOnly(on)}
    >
      {t(on ? 'verificationOnly' : 'contentKnown')}
    </button>
  )
  return (
    <section class="panel" data-testid="branch" data-branch={branch.id}>
      <h2>
        <span class="status__badge">{branch.number}</span> {t(`branch_${branch.id}`)}
      </h2>
      {/* Why, in one line; every reason one click away. */}
      <details class="small muted">
        <summary data-testid="why" data-code={why.code}>
          {reasonText(t, why)}
        </summary>
        <ul class="reasons" data-testid="reasons">
          {decision.reasons.map((reason) => (
            <li data-code={reason.code}>{reasonText(t, reason)}</li>
          ))}
        </ul>
      </details>
      <div class="segmented" role="group" aria-label={t('switchBranch')}>
        {BRANCHES.map((b) => (
          <button aria-pressed={b === branch} title={t(`branch_${b.id}`)} data-branch={b.id} disabled={busy} onClick={() => sidebar.chooseBranch(b.id)}>
            {b.number}
          </button>
        ))}
      </div>
      {reads(branch, 'verificationOnly') ? (
        <div class="segmented" role="group">
          {scope(true)}
          {scope(false)}
        </div>
      ) : null}
      <p class="bold">
        {t('consultationTitle')}:{' '}
        <span data-testid="consultation-path">{picked ? picked.depths.join(DEPTH_SEPARATOR) : pathText(t, decision.consultation)}</span>
        {picked && picked.tag === state.depthSuggestion?.tag ? <span class="status__badge">{t('suggested')}</span> : null}
      </p>
      {state.confirmOverwrite ? (
        <div class="notice notice--warning" role="alertdialog" data-testid="confirm-overwrite">
          <p>{t('confirmOverwrite')}</p>
          {action('overwrite', 'overwrite', () => sidebar.apply(true))}
          {action('keep-field', 'keepField', () => sidebar.insertTexts())}
          {action('cancel', 'cancel', () => sidebar.cancelOverwrite())}
        </div>
      ) : null}
      <div class="apply">
        <button class="c-btn c-btn--primary" data-action="apply" disabled={!!blocker || busy} onClick={() => void sidebar.apply()}>
          {t(state.busy === 'apply' ? 'applying' : 'apply')}
        </button>
        {state.lastApply ? action('undo', 'undo', () => sidebar.undo()) : null}
      </div>
      {blocker && blocker.key !== 'nothingToDo' ? (
        <p class="muted small" data-testid="apply-blocker" data-blocker={blocker.key}>
          {blockerText(t, language, blocker)}
        </p>
      ) : null}
      {note ? (
        // The audit note: waits for the save, is written, or why not (a failed one with its retry).
        <p class="muted small" role="status" data-audit-note={note.status}>
          {t(`auditNote_${note.status}`)}
          {note.failure ? (
            <>
              {` ${failureText(t, note.failure)} `}
              {action('retry-note', 'retry', () => sidebar.writeNote())}
            </>
          ) : null}
        </p>
      ) : null}
      {state.evidenceFailed ? <p class="muted small">{t('evidenceUnread')}</p> : null}
    </section>
  )
}
