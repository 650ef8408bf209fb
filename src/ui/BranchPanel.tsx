import { BRANCHES, type Decision } from '../procedure'
import type { Translate } from '../i18n'
import { reasonText } from '../i18n/procedure-texts'
import type { Sidebar } from '../sidebar/store'

type Applies = Extract<Decision, { applies: true }>

/** The suggested branch, why, and a one-click switch to any other branch. */
export function BranchPanel({ decision, sidebar, t, busy }: { decision: Applies; sidebar: Sidebar; t: Translate; busy: boolean }) {
  return (
    <section class="panel" data-testid="branch" data-branch={decision.branch.id}>
      <h2>
        {t(decision.suggestedBy === 'agent' ? 'branchChosen' : 'branchSuggested')}
        <span class="branch-number">{decision.branch.number}</span>
      </h2>
      <p class="bold">{t(`branch_${decision.branch.id}`)}</p>
      <ul class="reasons" data-testid="reasons">
        {decision.reasons.map((reason) => (
          <li key={reason.code} data-code={reason.code}>
            {reasonText(t, reason)}
          </li>
        ))}
      </ul>
      <div class="segmented" role="group" aria-label={t('switchBranch')}>
        {BRANCHES.map((branch) => (
          <button
            type="button"
            key={branch.id}
            aria-pressed={branch.id === decision.branch.id}
            title={t(`branch_${branch.id}`)}
            data-branch={branch.id}
            disabled={busy}
            onClick={() => sidebar.chooseBranch(branch.id)}
          >
            {branch.number}
          </button>
        ))}
      </div>
    </section>
  )
}
