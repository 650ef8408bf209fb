/**
 * Consultation type (상담유형): the ticket's category as a path of depths.
 */
import { AGENT_PICKS_DEPTH } from './article'

/**
 * A consultation type as depths from the root. `agentPicksDepth` means the path stops where the
 * article says "(문의에 알맞은 depth 선택)": the agent chooses the next depth for the inquiry.
 */
export interface ConsultationPath {
  readonly depths: readonly string[]
  readonly agentPicksDepth: boolean
}

/** The root depth of every path in the article; admins may configure another. */
export const DEFAULT_ROOT_DEPTH = '대리_기사'

/** The depths after the root for a pure verification problem (Q2, 단순 본인인증 불가 문의). */
export const VERIFICATION_ONLY_DEPTHS: readonly string[] = ['기타/이벤트', '비회원문의', '기타']

/** Separator the article uses between depths. */
export const DEPTH_SEPARATOR = ' ▶ '

/** The fixed path for a pure verification problem: 대리_기사 ▶ 기타/이벤트 ▶ 비회원문의 ▶ 기타. */
export function verificationOnlyPath(rootDepth: string = DEFAULT_ROOT_DEPTH): ConsultationPath {
  return { depths: [rootDepth, ...VERIFICATION_ONLY_DEPTHS], agentPicksDepth: false }
}

/** "대리_기사 ▶ (the agent picks the depth that fits)". */
export function agentPicksPath(rootDepth: string = DEFAULT_ROOT_DEPTH): ConsultationPath {
  return { depths: [rootDepth], agentPicksDepth: true }
}

/**
 * A path as people read it: depths joined by ▶, ending with `placeholder` when the agent picks
 * the depth (by default the article's own words; the UI passes its language's).
 */
export function formatConsultationPath(path: ConsultationPath, placeholder: string = AGENT_PICKS_DEPTH): string {
  return (path.agentPicksDepth ? [...path.depths, placeholder] : path.depths).join(DEPTH_SEPARATOR)
}
