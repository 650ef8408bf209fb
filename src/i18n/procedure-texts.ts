/**
 * The procedure's words in the agent's language: it gives codes and values (see
 * src/procedure/reason.ts), the catalogues give the sentences.
 */
import { branchById, formatConsultationPath, type BranchId, type ConsultationPath, type Reason } from '../procedure'
import type { Translate } from '.'

/** A consultation path, with the agent-picks placeholder in the agent's language. */
export function pathText(t: Translate, path: ConsultationPath): string {
  return formatConsultationPath(path, t('agentPicksDepth'))
}

/** A branch as "분기 N (title)". */
export function branchText(t: Translate, branch: BranchId): string {
  return t('branchLabel', { number: branchById(branch).number, title: t(`branch_${branch}`) })
}

/** A reason of the procedure, as a sentence in the agent's language. */
export function reasonText(t: Translate, { code, params = {} }: Reason): string {
  // Each code comes with the values its sentence names (procedure/reason.ts); three are words here.
  return t(`reason_${code}`, {
    ...params,
    status: params.status ? t(`who_${params.status}`) : '',
    branch: params.branch ? branchText(t, params.branch) : '',
    path: params.path ? pathText(t, params.path) : '',
  })
}
