/**
 * The branch table: the four ways the article tells an agent to answer a non-member.
 *
 * Steps are listed in the order the agent sends them. Text steps carry the article's exact text;
 * the empathy step has none because its line is chosen per situation (see empathy.ts).
 */
import { articleText, QUESTION_Q2, RULE_ANSWER_DIRECTLY, RULE_DEFAULT_GUIDE, RULE_TERMINATION_CERTIFICATE } from './article'
import type { ArticleSection } from './article'

/** Branch ids, in article order: 1 default, 2 answer directly, 3 termination certificate, 4 re-inquiry. */
export type BranchId = 'verify_then_reinquire' | 'answer_directly' | 'termination_certificate' | 'reinquiry_phone_change'

/** All branch ids in branch-number order. */
export const BRANCH_IDS: readonly BranchId[] = [
  'verify_then_reinquire',
  'answer_directly',
  'termination_certificate',
  'reinquiry_phone_change',
]

/**
 * What a step asks of the agent:
 * - `empathy`: open with an empathy line (감성표현);
 * - `text`: send the article's text;
 * - `optional_text`: send only if needed (the article's "(필요 시)");
 * - `identity_check`: confirm name + birth date + mobile number + that it is the person;
 * - `answer_directly`: answer in the agent's own words, no verification text;
 * - `process`: do the requested work (issue the certificate); allowed only after the identity check.
 */
export type StepKind = 'empathy' | 'text' | 'optional_text' | 'identity_check' | 'answer_directly' | 'process'

/** Stable step ids; an admin maps them to Zendesk macros. */
export type StepId =
  | 'empathy'
  | 'nonmember_notice'
  | 'verification_steps_app'
  | 'answer_directly'
  | 'identity_check'
  | 'issue_termination_certificate'
  | 'contact_match_request'
  | 'contact_howto_kakaotalk'
  | 'contact_howto_driver_app'
  | 'verification_steps_chat'
  | 'kakaotalk_relogin'

/** Result of comparing the driver app's and KakaoTalk's phone numbers (branch 4). */
export type PhoneMatchAnswer = 'same' | 'different'

/** One step of a branch. */
export interface ReplyStep {
  readonly id: StepId
  readonly kind: StepKind
  /** The article's exact text, for `text` and `optional_text` steps. */
  readonly text?: string
  /** Branch 4: the step applies only when the numbers are the same / different. */
  readonly when?: PhoneMatchAnswer
  /** The step may be done only once the identity check passed (branch 3). */
  readonly requires?: 'identity_passed'
}

/**
 * How the consultation type is chosen: always the agent's depth, or (branch 4) the fixed path
 * when the inquiry is only a verification problem.
 */
export type ConsultationRule = 'agent_picks' | 'fixed_if_verification_only'

/** A branch of the procedure. Its title for people is in the UI's catalogues (`branch_<id>`; a step's: `step_<id>`). */
export interface Branch {
  readonly id: BranchId
  readonly number: 1 | 2 | 3 | 4
  /** The article question the branch comes from. */
  readonly section: ArticleSection
  /** The article's own words for when the branch applies. */
  readonly rule: string
  readonly steps: readonly ReplyStep[]
  readonly consultation: ConsultationRule
}

const EMPATHY_STEP: ReplyStep = {
  id: 'empathy',
  kind: 'empathy',
}

/** The four branches, indexed by number - 1. */
export const BRANCHES: readonly Branch[] = [
  {
    id: 'verify_then_reinquire',
    number: 1,
    section: 'Q1',
    rule: RULE_DEFAULT_GUIDE,
    consultation: 'agent_picks',
    steps: [
      EMPATHY_STEP,
      {
        id: 'nonmember_notice',
        kind: 'text',
        text: articleText('nonmember_notice'),
      },
      {
        id: 'verification_steps_app',
        kind: 'text',
        text: articleText('verification_steps_app'),
      },
    ],
  },
  {
    id: 'answer_directly',
    number: 2,
    section: 'Q1',
    rule: RULE_ANSWER_DIRECTLY,
    consultation: 'agent_picks',
    steps: [
      EMPATHY_STEP,
      {
        id: 'answer_directly',
        kind: 'answer_directly',
      },
    ],
  },
  {
    id: 'termination_certificate',
    number: 3,
    section: 'Q1',
    rule: RULE_TERMINATION_CERTIFICATE,
    consultation: 'agent_picks',
    steps: [
      EMPATHY_STEP,
      {
        id: 'identity_check',
        kind: 'identity_check',
      },
      {
        id: 'issue_termination_certificate',
        kind: 'process',
        requires: 'identity_passed',
      },
    ],
  },
  {
    id: 'reinquiry_phone_change',
    number: 4,
    section: 'Q2',
    rule: QUESTION_Q2,
    consultation: 'fixed_if_verification_only',
    steps: [
      EMPATHY_STEP,
      {
        id: 'contact_match_request',
        kind: 'text',
        text: articleText('contact_match_request'),
      },
      {
        id: 'contact_howto_kakaotalk',
        kind: 'optional_text',
        text: articleText('contact_howto_kakaotalk'),
      },
      {
        id: 'contact_howto_driver_app',
        kind: 'optional_text',
        text: articleText('contact_howto_driver_app'),
      },
      {
        id: 'verification_steps_chat',
        kind: 'text',
        text: articleText('verification_steps_chat'),
        when: 'same',
      },
      {
        id: 'kakaotalk_relogin',
        kind: 'text',
        text: articleText('kakaotalk_relogin'),
        when: 'different',
      },
    ],
  },
]

/** The branch for an id. */
export function branchById(id: BranchId): Branch {
  const found = BRANCHES.find((b) => b.id === id)
  if (!found) throw new Error(`unknown branch: ${id}`)
  return found
}
