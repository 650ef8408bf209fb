/**
 * The source article as data: "[채팅] (비회원 인입) 본인인증(프로필 인증) 방법".
 *
 * Reply texts are the article's Korean texts word for word, in article order. Only the
 * article's markdown is undone: lines that ended with two spaces (hard breaks) end with a plain
 * '\n', escapes such as `대리\_기사` read `대리_기사`, bold markers are gone. Everything else,
 * including the article's own spacing, is kept; tests/procedure/article.test.ts checks each text
 * against tests/fixtures/article.txt (a verbatim copy of the article).
 *
 * What the sidebar uses (reply texts, branch rules, the depth placeholder) is held in constants
 * of its own, and the exported tables are built from them: the app bundle then carries only those,
 * while the headings and labels only tests and admins read are left out by tree-shaking.
 */

import type { BranchId } from './branches'

/** Title of the source article. */
export const ARTICLE_TITLE = '[채팅] (비회원 인입) 본인인증(프로필 인증) 방법'

/** Where a text sits in the article: Q1 (default guide) or Q2 (re-inquiry). */
export type ArticleSection = 'Q1' | 'Q2'

/** Ids of the article's customer-facing reply texts (stable: admins map them to macros). */
export type ArticleTextId =
  | 'nonmember_notice'
  | 'verification_steps_app'
  | 'contact_match_request'
  | 'contact_howto_kakaotalk'
  | 'contact_howto_driver_app'
  | 'verification_steps_chat'
  | 'kakaotalk_relogin'

/** One reply text of the article with the heading it sits under. */
export interface ArticleText {
  readonly id: ArticleTextId
  readonly section: ArticleSection
  /** The article's heading for this text (bold markers removed). */
  readonly heading: string
  /** The exact reply text, '\n' between lines. */
  readonly text: string
}

/** Q2's heading, also branch 4's rule. */
export const QUESTION_Q2 = '[비회원 인입] (재인입)  전화번호 변경 후 챗봇 본인인증(프로필 인증)이 안 떠요.  프로필 인증 방법을 안내받았는데 안 돼요.'

/** Headings of the two questions of the article (bold markers removed). */
export const ARTICLE_QUESTIONS: Readonly<Record<ArticleSection, string>> = {
  Q1: '[비회원 인입] 본인인증(프로필 인증) 후 재문의 안내',
  Q2: QUESTION_Q2,
}

/** Q1 box: the default for a non-member (branch 1's rule). */
export const RULE_DEFAULT_GUIDE = '비회원 인입 시 기본 안내 : 본인인증(프로필 인증) 후 재문의 안내'
/** Q1 box, first exception (branch 2's rule). */
export const RULE_ANSWER_DIRECTLY = '단, 정보조회 없이 안내 가능한 기본 정책, 절차, 앱 이용 방법 등은 바로 안내'
/** Q1 box, second exception (branch 3's rule). */
export const RULE_TERMINATION_CERTIFICATE = '탈퇴기사 비회원으로 인입, 해촉증명서 발급 요청 : 성함+생년월일+휴대폰번호+본인여부 확인 후 처리'

/**
 * The article's rules that are not reply texts (the Q1 box and the A2 lead line), as the agent
 * reads them. The article writes some of their spaces as no-break spaces; here they are plain.
 */
export const ARTICLE_RULES = {
  /** Q1 box: the default for a non-member. */
  defaultGuide: RULE_DEFAULT_GUIDE,
  /** Q1 box, first exception (branch 2). */
  answerDirectly: RULE_ANSWER_DIRECTLY,
  /** Q1 box, second exception (branch 3). */
  terminationCertificate: RULE_TERMINATION_CERTIFICATE,
  /** A2 ①, in both questions: open with an empathy line. */
  empathy: '기사 발화 시점 및 상황에 맞는 감성표현 활용 필요 (호응, 공감, 양해, 사과)',
  /** Q2's label for the optional how-to block. */
  contactHowtoLabel: '(필요 시) 연락처 확인방법 안내',
} as const

/**
 * The article's own words for when each branch applies. Apart from the branch table: the sidebar
 * does not show them, so the bundle leaves them out.
 */
export const BRANCH_RULES: Readonly<Record<BranchId, string>> = {
  verify_then_reinquire: RULE_DEFAULT_GUIDE,
  answer_directly: RULE_ANSWER_DIRECTLY,
  termination_certificate: RULE_TERMINATION_CERTIFICATE,
  reinquiry_phone_change: QUESTION_Q2,
}

/** The article's placeholder for "the agent picks the depth that fits". */
export const AGENT_PICKS_DEPTH = '(문의에 알맞은 depth 선택)'

/** Consultation-type (상담유형) labels exactly as the article writes them. */
export const ARTICLE_CONSULTATION = {
  /** The article's placeholder for "the agent picks the depth that fits". */
  agentPicksDepth: AGENT_PICKS_DEPTH,
  /** Q2: the qualifier of the fixed path. */
  verificationOnlyLabel: '(단순 본인인증 불가 문의)',
  /** Q2: the qualifier of the agent-picked path. */
  contentKnownLabel: '(문의내용이 파악된 경우)',
} as const

/**
 * The reply texts by id, in article order. `'인증'\u00a0 또는` keeps the article's own no-break
 * space plus space: the texts are reproduced exactly, not tidied.
 */
const REPLY_TEXTS: Readonly<Record<ArticleTextId, string>> = {
  nonmember_notice:
    '즉시 도움 드리고 싶으나, 안타깝게도 현재 비회원으로 문의하셔서 상세 정보 확인이 어렵습니다.\n' +
    '카카오 T 대리 기사 앱에 가입한 기사님 본인이 맞으시다면 번거로우시겠지만,\n' +
    "'본인인증' 후 다시 문의해 주시면 신속하게 안내 도와드리겠습니다.",
  verification_steps_app:
    "카카오 T 대리기사 '본인인증' 방법을 안내해 드릴게요.\n" +
    '\n' +
    '[카카오 T 대리기사 본인인증 방법]\n' +
    "▶ 카카오 T 대리 기사용 앱 - 오른쪽 위 [메뉴] - 아래쪽 문의센터 [서비스 문의] - 카카오톡 채널상담 이동 - '개인정보 수집 동의' 확인 후 [네] - [인증하기] - [시작하기]",
  contact_match_request:
    '기사 앱과 카카오톡 연락처가 변경된 전화번호로 동일하게 등록되어 있어야 회원 인식을 위한 본인인증을 진행할 수 있어요.\n' +
    '동일한 연락처로 등록되어 있는지 확인 부탁드려요.',
  contact_howto_kakaotalk:
    '[카카오톡 연락처 확인방법]\n' + "▶카카오톡 - 오른쪽 아래 [더보기] - 오른쪽 위 톱니바퀴 모양 [설정] - 계정 오른쪽 [관리] - '전화번호' 확인",
  contact_howto_driver_app: '[카카오 T 대리기사 앱 연락처 확인방법]\n' + "▶ 카카오 T 대리 기사용 앱 - 오른쪽 위 [메뉴] - [내 정보] - '휴대전화번호' 확인",
  verification_steps_chat:
    '카카오 T 대리기사 본인인증 방법을 안내해 드릴게요.\n' +
    '\n' +
    "① 상담 종료 후 상담창에 '인증'\u00a0 또는, '인증하기'라고 입력해 주세요.\n" +
    '② Welcome 메세지 아래 [시작] 버튼을 눌러주세요.\n' +
    '③ [인증하기] 버튼을 눌러 인증을 진행해 주세요.\n' +
    '\n' +
    '인증이 완료되면 [시작하기] 버튼을 눌러 상담을 진행하실 수 있어요.',
  kakaotalk_relogin:
    '기사 앱에 등록된 번호와 동일한 카카오톡 계정으로 로그인하셔야 회원 인식을 위한 본인인증이 가능해요.\n' +
    '\n' +
    '번거로우시겠지만, 카카오톡을 삭제하고 다시 설치하신 뒤, 기사 앱과 동일한 전화번호로 로그인 부탁드립니다.',
}

/**
 * The reply texts in article order, each with the heading it sits under. Built by a call marked
 * pure: the bundle, which reads none of it, then keeps nothing of it (not even the texts' reads).
 */
export const ARTICLE_TEXTS: readonly ArticleText[] = /* @__PURE__ */ (
  [
    ['nonmember_notice', 'Q1', '② 비회원 상세 상담 어려움 본인인증 후 재문의 안내'],
    ['verification_steps_app', 'Q1', '③ 본인인증(프로필 인증) 방법 안내'],
    ['contact_match_request', 'Q2', '② 기사 앱 연락처 = 카카오톡 연락처 동일여부 확인'],
    ['contact_howto_kakaotalk', 'Q2', '(필요 시) 연락처 확인방법 안내'],
    ['contact_howto_driver_app', 'Q2', '(필요 시) 연락처 확인방법 안내'],
    ['verification_steps_chat', 'Q2', '> 동일함 - 본인인증(프로필 인증) 방법 안내'],
    ['kakaotalk_relogin', 'Q2', '> 동일하지 않음 - 대리기사 앱과 동일한 계정으로 카카오톡 로그인 안내'],
  ] as const
).map(([id, section, heading]) => ({ id, section, heading, text: REPLY_TEXTS[id] }))

/** The exact reply text for an id. Throws on an unknown id (a programming error, not input). */
export function articleText(id: ArticleTextId): string {
  if (!Object.hasOwn(REPLY_TEXTS, id)) throw new Error(`unknown article text: ${id}`)
  return REPLY_TEXTS[id]
}
