/**
 * The internal note Apply may write: which branch, why, which checks passed, what was sent.
 * Masked values only; the whole note goes through the masking rule once more before it leaves.
 */
import { maskPersonalData, type Decision, type IdentityCheck, type StepId } from '../procedure'
import type { Translate } from '../i18n'
import { branchText, pathText, reasonText } from '../i18n/procedure-texts'

export interface AuditNoteInput {
  decision: Extract<Decision, { applies: true }>
  consultationPath: readonly string[]
  identity: IdentityCheck | null
  inserted: StepId[]
}

/**
 * In the agent's language (the catalogue the sidebar has loaded); reason codes and step ids stay
 * as they are, so notes can be searched whatever their language.
 */
export function buildAuditNote({ decision, consultationPath, identity, inserted }: AuditNoteInput, t: Translate): string {
  const lines = [
    t('note_title'),
    branchText(t, decision.branch.id),
    `${t('note_consultation')}: ${pathText(t, { depths: consultationPath, agentPicksDepth: false })}`,
    `${t('note_reasons')}:`,
    ...decision.reasons.map((reason) => `- ${reasonText(t, reason)} [${reason.code}]`),
  ]
  if (identity) {
    const passed = (ok: boolean) => t(ok ? 'note_checked' : 'note_unchecked')
    lines.push(
      `${t('note_identity')}:`,
      ...(['name', 'birthDate', 'phone'] as const).map(
        (item) => `- ${t(`note_${item}`)} ${identity.masked[item] || '-'} ${passed(identity.checks[item].ok)}`,
      ),
      `- ${t('note_person')} ${passed(identity.checks.person.ok)}`,
    )
  }
  lines.push(`${t('note_sent')}: ${inserted.length ? inserted.join(', ') : t('note_none')}`)
  return maskPersonalData(lines.join('\n'))
}
