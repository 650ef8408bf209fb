/**
 * The non-member verification procedure (비회원 인입 본인인증 방법) as one pure module: data plus
 * decision functions, no SDK, DOM or network. The UI and the Zendesk layer build on this API.
 *
 * - article.ts: the article's reply texts, word for word, in article order
 * - branches.ts: the four branches as data: what each reads, its consultation rule, empathy line and steps
 * - decide.ts: which branch, steps, consultation type and empathy line, with reasons
 * - intent.ts: a hint from the driver's messages (negations and corrections read)
 * - empathy.ts: empathy lines (호응 / 공감 / 양해 / 사과) and when to suggest which
 * - identity.ts: branch 3's four checks; birth date, name
 * - rrn.ts: the one resident registration number detector, for every box and every note
 * - phone.ts: mobile numbers, normalise and match (branch 4)
 * - mask.ts: the one masking rule for anything displayed or written down (mask-text.ts: in free text)
 * - consultation.ts: consultation-type paths
 * - depth-suggestion.ts: the depth suggested from the customer's words (추천)
 * - reinquiry-evidence.ts: a recent ticket of the requester as re-inquiry evidence; the reporting tags
 */
export { ARTICLE_CONSULTATION, ARTICLE_QUESTIONS, ARTICLE_RULES, ARTICLE_TEXTS, ARTICLE_TITLE, articleText, BRANCH_RULES } from './article'
export type { ArticleSection, ArticleText, ArticleTextId } from './article'
export { BRANCH_IDS, BRANCHES, branchById, DEFAULT_BRANCH, hasReinquiryRole, reads } from './branches'
export type { Branch, BranchId, BranchInput, ConsultationRule, PhoneMatchAnswer, ReinquiryRole, ReplyStep, StepId, StepKind } from './branches'
export { ageOn, isLeapYear, isRealDate } from './calendar'
export type { BirthDateFormat, CalendarDate } from './calendar'
export { agentPicksPath, DEFAULT_ROOT_DEPTH, DEPTH_SEPARATOR, formatConsultationPath, VERIFICATION_ONLY_DEPTHS, verificationOnlyPath } from './consultation'
export type { ConsultationPath } from './consultation'
export { decide } from './decide'
export type { DecideInput, Decision, IdentityGate, RequesterStatus, SuggestedBy } from './decide'
export { EMPATHY_KINDS, EMPATHY_PHRASES, suggestEmpathy } from './empathy'
export type { BranchEmpathy, EmpathyContext, EmpathyKind, EmpathyPick, EmpathySuggestion } from './empathy'
export { ADULT_AGE, checkIdentity, MAX_PLAUSIBLE_AGE, parseBirthDate, parseName } from './identity'
export type { BirthDateResult, CheckResult, IdentityCheck, IdentityInput, NameResult } from './identity'
export { detectFrustration, detectIntent, hintFromMessages, INTENT_BRANCH, MAX_HINT_CHARS, NO_HINT } from './intent'
export type { FrustrationHint, Intent, IntentHint } from './intent'
export { maskBirthDate, maskName, maskPhone } from './mask'
// maskPersonalData (mask-text.ts) is imported from its module: only the audit note's chunk carries it.
export { LEGACY_MOBILE_PREFIXES, matchPhones, normalisePhone, parseMobilePhone, PHONE_LEGACY_WARNING } from './phone'
export type { MobilePhone, PhoneMatch, PhoneResult } from './phone'
export { reason } from './reason'
export type { Reason, ReasonCode, ReasonParams } from './reason'
export { detectRrn, maskRrns, RRN_MASK, RRN_REFUSED } from './rrn'
export { suggestDepth } from './depth-suggestion'
export type { DepthRanking, DepthScore } from './depth-suggestion'
export { branchTag, DEFAULT_REINQUIRY_DAYS, findReinquiryEvidence, REINQUIRY_EVIDENCE_BRANCHES } from './reinquiry-evidence'
export type { ReinquiryEvidence, RequestedTicket } from './reinquiry-evidence'
