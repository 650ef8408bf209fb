/**
 * The branch table: the four ways the article tells an agent to answer a non-member.
 *
 * Each row is all the code knows about a branch: which inputs it reads, how the consultation type
 * is chosen, which empathy line it suggests, and its steps in the order the agent sends them.
 * Text steps carry the article's exact text; the empathy step has none because its line is
 * chosen per situation (see empathy.ts). Adding a branch is a row here, its texts (and its rule
 * in BRANCH_RULES) in article.ts and its titles in the catalogues (`branch_<id>`, `step_<id>`: tsc
 * refuses a missing one).
 */
import { articleText } from './article'
import type { ArticleSection, ArticleTextId } from './article'
import type { BranchEmpathy } from './empathy'

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

/** Result of comparing the driver app's and KakaoTalk's phone numbers (branch 4). */
export type PhoneMatchAnswer = 'same' | 'different'

/**
 * The inputs of the decision only some branches read (see DecideInput): the phone match, whether
 * the inquiry is only a verification problem, the identity check. A branch not reading one is
 * decided as if it were not given.
 */
export type BranchInput = 'phoneMatch' | 'verificationOnly' | 'identity'

/**
 * How the consultation type is chosen: always the agent's depth, or the fixed path when the
 * inquiry is only a verification problem (the branch then reads `verificationOnly`).
 */
export type ConsultationRule = 'agent_picks' | 'fixed_if_verification_only'

/**
 * How a branch meets re-inquiry evidence (one of the requester's recent tickets carries a branch's
 * reporting tag, see reinquiry-evidence.ts): `evidence`, its tag is such evidence (the driver was
 * told to come back); `suggested`, the evidence suggests this branch; `outweighs`, a hint for this
 * branch wins over the evidence (the driver clearly asks for something else).
 */
export type ReinquiryRole = 'evidence' | 'suggested' | 'outweighs'

interface StepRow {
  readonly id: string
  readonly kind: StepKind
  /** The article's exact text, for `text` and `optional_text` steps. */
  readonly text?: string
  /** The step applies only when the numbers are the same / different (the branch reads `phoneMatch`). */
  readonly when?: PhoneMatchAnswer
  /** The step may be done only once the identity check passed (the branch reads `identity`). */
  readonly requires?: 'identity_passed'
}

interface BranchRow {
  readonly id: string
  readonly number: number
  /** The article question the branch comes from (its own words for when it applies: BRANCH_RULES). */
  readonly section: ArticleSection
  /** The inputs it reads; none when left out. */
  readonly reads?: readonly BranchInput[]
  readonly consultation: ConsultationRule
  /** Its part in re-inquiry evidence; none when left out. */
  readonly reinquiry?: readonly ReinquiryRole[]
  readonly empathy: BranchEmpathy
  readonly steps: readonly StepRow[]
}

const EMPATHY_STEP = { id: 'empathy', kind: 'empathy' } as const

/** A step that sends the article's text of the same id (if needed, or for one phone-match answer only). */
const articleStep = <I extends ArticleTextId>(id: I, kind: 'text' | 'optional_text' = 'text', when?: PhoneMatchAnswer) => ({
  id,
  kind,
  text: articleText(id),
  when,
})

// The ids (branch and step) are the table's own: the types below are read from it.
const TABLE = [
  {
    id: 'verify_then_reinquire',
    number: 1,
    section: 'Q1',
    consultation: 'agent_picks',
    reinquiry: ['evidence'],
    empathy: { usual: ['양해', 2, 'empathy_before_verification'] },
    steps: [EMPATHY_STEP, articleStep('nonmember_notice'), articleStep('verification_steps_app')],
  },
  {
    id: 'answer_directly',
    number: 2,
    section: 'Q1',
    consultation: 'agent_picks',
    reinquiry: ['outweighs'],
    empathy: { usual: ['호응', 0, 'empathy_acknowledge'] },
    steps: [EMPATHY_STEP, { id: 'answer_directly', kind: 'answer_directly' }],
  },
  {
    id: 'termination_certificate',
    number: 3,
    section: 'Q1',
    reads: ['identity'],
    consultation: 'agent_picks',
    reinquiry: ['outweighs'],
    empathy: { usual: ['양해', 1, 'empathy_before_identity_check'] },
    steps: [
      EMPATHY_STEP,
      { id: 'identity_check', kind: 'identity_check' },
      { id: 'issue_termination_certificate', kind: 'process', requires: 'identity_passed' },
    ],
  },
  {
    id: 'reinquiry_phone_change',
    number: 4,
    section: 'Q2',
    reads: ['phoneMatch', 'verificationOnly'],
    consultation: 'fixed_if_verification_only',
    reinquiry: ['evidence', 'suggested'],
    // The driver came back because verification still fails: an apology first.
    empathy: { usual: ['공감', 1, 'empathy_phone_change'], onIntent: { verification_failing: ['사과', 0, 'empathy_verification_failing'] } },
    steps: [
      EMPATHY_STEP,
      articleStep('contact_match_request'),
      articleStep('contact_howto_kakaotalk', 'optional_text'),
      articleStep('contact_howto_driver_app', 'optional_text'),
      articleStep('verification_steps_chat', 'text', 'same'),
      articleStep('kakaotalk_relogin', 'text', 'different'),
    ],
  },
] as const satisfies readonly BranchRow[]

/** Branch ids, in article order: 1 default, 2 answer directly, 3 termination certificate, 4 re-inquiry. */
export type BranchId = (typeof TABLE)[number]['id']

/** Stable step ids; an admin maps them to Zendesk macros. */
export type StepId = (typeof TABLE)[number]['steps'][number]['id']

/** One step of a branch. */
export interface ReplyStep extends StepRow {
  readonly id: StepId
}

/** A branch of the procedure. Its title for people is in the UI's catalogues (`branch_<id>`; a step's: `step_<id>`). */
export interface Branch extends BranchRow {
  readonly id: BranchId
  readonly steps: readonly ReplyStep[]
}

/** The branches in branch-number order. */
export const BRANCHES: readonly Branch[] = TABLE

/** All branch ids in branch-number order. */
export const BRANCH_IDS: readonly BranchId[] = /* @__PURE__ */ BRANCHES.map((b) => b.id)

/** The article's default for a non-member when nothing else applies. */
export const DEFAULT_BRANCH: BranchId = 'verify_then_reinquire'

/** Whether a branch plays a part in re-inquiry evidence (see {@link ReinquiryRole}). */
export function hasReinquiryRole(branch: Branch, role: ReinquiryRole): boolean {
  return !!branch.reinquiry?.includes(role)
}

/** Whether a branch reads an input (see {@link BranchInput}). */
export function reads(branch: Branch, input: BranchInput): boolean {
  return !!branch.reads?.includes(input)
}

/** The branch for an id. */
export function branchById(id: BranchId): Branch {
  const found = BRANCHES.find((b) => b.id === id)
  if (!found) throw new Error(`unknown branch: ${id}`)
  return found
}
