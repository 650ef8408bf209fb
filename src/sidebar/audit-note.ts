/**
 * The internal note written after the agent saves: which branch, why, which checks passed, what
 * was sent, and the consultation type and tags as saved. Masked values only; the whole note goes
 * through the masking rule once more before it leaves. Loaded as a chunk of its own (saved-note.ts).
 */
import type { Decision, IdentityCheck, StepId } from '../procedure'
// Straight from its module: through the index, Rollup would keep it in the entry chunk.
import { maskPersonalData } from '../procedure/mask-text'
import type { Translate } from '../i18n'
import { branchText, pathText, reasonText } from '../i18n/procedure-texts'

export interface AuditNoteInput {
  decision: Extract<Decision, { applies: true }>
  /** As saved: the depth names of the saved option tags. */
  consultationPath: readonly string[]
  identity: IdentityCheck | null
  inserted: StepId[]
  /** The tags Apply adds that the saved ticket carries. */
  tags: readonly string[]
  /** The note's own reference line (see saved-note.ts). */
  marker: string
}

/**
 * In the agent's language (the catalogue the sidebar has loaded); reason codes and step ids stay
 * as they are, so notes can be searched whatever their language.
 */
export function buildAuditNote({ decision, consultationPath, identity, inserted, tags, marker }: AuditNoteInput, t: Translate): string {
  const none = t('note_none')
  const lines = [
    t('note_title'),
    branchText(t, decision.branch.id),
    `${t('note_consultation')}: ${consultationPath.length ? pathText(t, { depths: consultationPath, agentPicksDepth: false }) : none}`,
    `${t('note_reasons')}:`,
    ...decision.reasons.map((reason) => `- ${reasonText(t, reason)} [${reason.code}]`),
  ]
  if (identity) {
    const passed = (ok: boolean) => t(ok ? 'note_checked' : 'note_unchecked')
    lines.push(
      `${t('note_identity')}:`,
      ...(['name', 'birthDate', 'phone'] as const).map((item) => `- ${t(`note_${item}`)} ${identity.masked[item] || '-'} ${passed(identity.checks[item].ok)}`),
      `- ${t('note_person')} ${passed(identity.checks.person.ok)}`,
    )
  }
  lines.push(`${t('note_sent')}: ${inserted.length ? inserted.join(', ') : none}`)
  if (tags.length) lines.push(`${t('note_tags')}: ${tags.join(', ')}`)
  // The marker is the app's own random letters and digits: added after masking, which could read
  // a run of its digits as a date.
  return `${maskPersonalData(lines.join('\n'))}\n[${marker}]`
}
