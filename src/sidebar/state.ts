/**
 * The sidebar's state: what it read, what the agent typed and chose, what it wrote. Plain data;
 * view.ts derives what the components show, store.ts changes it.
 */
import {
  NO_HINT,
  type BranchId,
  type EmpathyKind,
  type IdentityInput,
  type IntentHint,
  type PhoneMatchAnswer,
  type ReinquiryEvidence,
  type StepId,
} from '../procedure'
import type { UiLanguage } from '../i18n'
import type { ZendeskFailure } from '../zendesk/calls'
import type { FieldDefinition, TicketSnapshot } from '../zendesk/ticket-host'
import type { DepthChoice, FieldWrite } from './consultation'
import type { AuditNote } from './saved-note'
import type { RequesterStatusValue, StatusEvidence } from './requester-status'
import type { SettingProblem, Settings } from './settings'
import type { ArticleView, SettingsCheckView } from './article-and-check'

/** A message for the agent. `key` is a UI message key (`notice_<key>`); `params` fill it. */
export type Notice =
  | { tone: 'success' | 'info'; key: NoticeKey; params?: Record<string, string | number> }
  | { tone: 'error'; key: NoticeKey; params?: Record<string, string | number>; failure?: ZendeskFailure; retry?: 'load' }

export type NoticeKey =
  | 'applied'
  | 'undone'
  | 'inserted'
  | 'failedLoad'
  | 'failedStatus'
  | 'failedFields'
  | 'failedApply'
  | 'failedApplyPartial'
  | 'failedInsert'
  | 'failedUndo'
  | 'rateLimited'
  | 'settingsBroken'
  | 'hintChanged'

/** What the agent typed into the phone-match helper. */
export interface PhoneInputs {
  driverApp: string
  kakaoTalk: string
}

/** A box the agent types into (identity form, phone helper, depth search). */
export type TextBox = 'name' | 'birthDate' | 'phone' | keyof PhoneInputs | 'depthQuery'

/** What the app changed on the last Apply, so Undo can restore it. */
export interface AppliedChange {
  previous: FieldWrite
  written: FieldWrite
  addedTags: string[]
}

export interface SidebarState {
  phase: 'loading' | 'ready' | 'failed'
  language: UiLanguage
  settings: Settings | null
  settingsProblems: SettingProblem[]
  ticket: TicketSnapshot | null
  status: { value: RequesterStatusValue; evidence: StatusEvidence } | null
  statusPending: boolean
  hint: IntentHint
  customerFrustrated: boolean
  chosenBranch: BranchId | null
  phoneInputs: PhoneInputs
  phoneMatch: PhoneMatchAnswer | null
  verificationOnly: boolean
  /** null: the agent chose no empathy line. */
  empathy: { kind: EmpathyKind; phrase: string } | null
  optionalSteps: Partial<Record<StepId, boolean>>
  identity: IdentityInput
  fieldDefinitions: FieldDefinition[] | null
  fieldsFailure: ZendeskFailure | null
  pickedDepth: DepthChoice | null
  /** What the agent typed to search the depths. */
  depthQuery: string
  inserted: StepId[]
  busy: null | 'apply' | 'insert' | 'undo'
  /** Apply found a consultation field the agent set by hand: ask before overwriting. */
  confirmOverwrite: FieldWrite | null
  lastApply: AppliedChange | null
  /** The audit note of the last Apply: pending until the agent's save, then written (or why not). */
  auditNote: AuditNote | null
  notice: Notice | null
  /** The help-center article and the admin's check (article-and-check.ts): per frame, so not in the initial state and kept across reloads. */
  article?: ArticleView
  settingsCheck?: SettingsCheckView
  /** The box a resident registration number was refused in (its message shows beside it). */
  rrnIn: TextBox | null
  /** The depth the customer's words point to (추천), when one is clearly better than the rest. */
  depthSuggestion: DepthChoice | null
  /** A recent ticket of the requester that makes this chat a re-inquiry; read after the decision. */
  evidence: ReinquiryEvidence | null
  /** The requester's tickets could not be read: the decision stands without evidence. */
  evidenceFailed: boolean
}

const EMPTY_IDENTITY: IdentityInput = { name: '', birthDate: '', phone: '', confirmedIsPerson: false }

/** The state before anything is read. */
export function initialState(language: UiLanguage): SidebarState {
  return {
    phase: 'loading',
    language,
    settings: null,
    settingsProblems: [],
    ticket: null,
    status: null,
    statusPending: false,
    hint: NO_HINT,
    customerFrustrated: false,
    chosenBranch: null,
    phoneInputs: { driverApp: '', kakaoTalk: '' },
    phoneMatch: null,
    verificationOnly: true,
    empathy: null,
    optionalSteps: {},
    identity: EMPTY_IDENTITY,
    fieldDefinitions: null,
    fieldsFailure: null,
    pickedDepth: null,
    depthQuery: '',
    inserted: [],
    busy: null,
    confirmOverwrite: null,
    lastApply: null,
    auditNote: null,
    notice: null,
    rrnIn: null,
    depthSuggestion: null,
    evidence: null,
    evidenceFailed: false,
  }
}
