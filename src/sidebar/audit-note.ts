/**
 * The internal note Apply may write: which branch, why, which checks passed, what was sent.
 * Masked values only; the whole note goes through the masking rule once more before it leaves.
 */
import { formatConsultationPath, maskPersonalData, type Decision, type IdentityCheck, type StepId } from '../procedure'

export interface AuditNoteInput {
  decision: Extract<Decision, { applies: true }>
  consultationPath: string[]
  identity: IdentityCheck | null
  inserted: StepId[]
}

/** Korean, the team's working language; step ids and reason codes stay as they are for searching. */
export function buildAuditNote({ decision, consultationPath, identity, inserted }: AuditNoteInput): string {
  const lines = [
    '[비회원 인입 도우미] 적용 기록',
    `분기 ${decision.branch.number}: ${decision.branch.title.ko}`,
    `상담유형: ${formatConsultationPath({ depths: consultationPath, agentPicksDepth: false }, 'ko')}`,
    '판단 근거:',
    ...decision.reasons.map((reason) => `- ${reason.ko} [${reason.code}]`),
  ]
  if (identity) {
    const passed = (ok: boolean) => (ok ? '확인' : '미확인')
    lines.push(
      '본인확인 (마스킹):',
      `- 성함 ${identity.masked.name || '-'} ${passed(identity.checks.name.ok)}`,
      `- 생년월일 ${identity.masked.birthDate || '-'} ${passed(identity.checks.birthDate.ok)}`,
      `- 휴대폰번호 ${identity.masked.phone || '-'} ${passed(identity.checks.phone.ok)}`,
      `- 본인여부 ${passed(identity.checks.person.ok)}`,
    )
  }
  lines.push(`보낸 안내: ${inserted.length ? inserted.join(', ') : '없음'}`)
  return maskPersonalData(lines.join('\n'))
}
