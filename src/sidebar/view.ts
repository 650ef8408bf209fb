/**
 * What the components show, derived from the state (pure): the decision, the checks, the depth
 * choices, the texts Apply would insert and why Apply cannot run yet.
 */
import { checkIdentity, decide, matchPhones, reads, type Decision, type IdentityCheck, type PhoneMatch, type ReplyStep, type StepId } from '../procedure'
import type { ZendeskFailure } from '../zendesk/calls'
import { withArticleTexts } from './article-and-check'
import { depthChoices, resolveConsultation, type DepthChoice, type FieldWrite, type Resolution } from './consultation'
import { SETTING } from './settings'
import type { PhoneInputs, SidebarState } from './state'

/** A text Insert or Apply sends: the step, its text, and the macro an admin set for the step. */
export interface Piece {
  id: StepId
  text: string
  macroId?: number
}

/** Why Apply cannot run now (a message key for the agent, `blocker_<key>`), or null when it can. */
export type ApplyBlocker =
  | { key: 'settingsBroken' }
  | { key: 'statusPending' }
  | { key: 'identityIncomplete' }
  | { key: 'consultationNotConfigured'; setting: string }
  | { key: 'fieldsLoading' }
  | { key: 'fieldsFailed'; setting: string; failure: ZendeskFailure }
  | { key: 'pickDepth' }
  | { key: 'consultationProblem'; resolution: Exclude<Resolution, { ok: true }> }
  | { key: 'nothingToDo' }

/** Everything the components render, derived from the state. */
export interface SidebarView {
  decision: Decision | null
  /** The identity check, in a branch that reads one. */
  identityCheck: IdentityCheck | null
  phoneCompare: PhoneMatch | null
  choices: DepthChoice[]
  resolution: Resolution | null
  /** Steps whose text Apply would insert now, in order (the empathy line first). */
  pending: Piece[]
  applyBlocker: ApplyBlocker | null
  canWrite: boolean
}

type Applies = Extract<Decision, { applies: true }>

/** The two typed numbers compared, once both are filled in. */
export function comparePhones({ driverApp, kakaoTalk }: PhoneInputs): PhoneMatch | null {
  return driverApp.trim() && kakaoTalk.trim() ? matchPhones(driverApp, kakaoTalk) : null
}

/** The path Apply writes, as depth names; undefined while the agent has not picked the depth. */
export function pathOf(state: SidebarState, decision: Applies): readonly string[] | undefined {
  return decision.consultation.agentPicksDepth ? state.pickedDepth?.depths : decision.consultation.depths
}

/** Derives what the components show from the state (pure). */
export function viewOf(state: SidebarState, today: Date = new Date()): SidebarView {
  const settings = state.settings
  const canWrite = state.settingsProblems.length === 0 && settings !== null
  const identity = checkIdentity(state.identity, today)
  const decision = state.status === null ? null : withArticleTexts(decideFor(state, identity), state.article)
  const applies = decision?.applies ? decision : null
  const identityCheck = applies && reads(applies.branch, 'identity') ? identity : null
  const phoneCompare = comparePhones(state.phoneInputs)

  const fields = settings?.consultationFields ?? null
  const definitions = state.fieldDefinitions ?? []
  const choices = fields && applies ? depthChoices(fields, definitions, applies.consultation.depths[0] ?? '') : []
  const depths = applies && pathOf(state, applies)
  const resolution = fields && depths && state.fieldDefinitions ? resolveConsultation(fields, definitions, depths) : null

  const pending: Piece[] = []
  if (applies) {
    if (state.empathy && !state.inserted.includes('empathy')) pending.push({ id: 'empathy', text: state.empathy.phrase })
    for (const step of applies.steps) {
      // A step that waits for the identity check is not sent before it passed.
      if (!stepIsSent(step, state) || state.inserted.includes(step.id) || step.text === undefined || (step.requires && applies.identityGate !== 'passed'))
        continue
      pending.push({ id: step.id, text: step.text, macroId: settings?.stepMacros[step.id] })
    }
  }

  return {
    decision,
    identityCheck,
    phoneCompare,
    choices,
    resolution,
    pending,
    applyBlocker: applies ? applyBlocker(state, applies, identityCheck, resolution, pending.length) : null,
    canWrite,
  }
}

/** Asks the procedure once, with all the agent gave: the branch reads what it declares. */
function decideFor(state: SidebarState, identity: IdentityCheck): Decision {
  const { name, birthDate, phone, confirmedIsPerson } = state.identity
  return decide({
    status: state.status!.value,
    hint: state.hint,
    chosenBranch: state.chosenBranch ?? undefined,
    rootDepth: state.settings?.rootDepth ?? '',
    customerFrustrated: state.customerFrustrated,
    earlierGuideFailed: state.hint.intent === 'verification_failing',
    verificationOnly: state.verificationOnly,
    phoneMatch: state.phoneMatch ?? undefined,
    // Nothing typed yet: the check is still to do (pending), not failed.
    identity: name || birthDate || phone || confirmedIsPerson ? identity : undefined,
    evidence: state.evidence,
  })
}

/** Whether Apply sends this step: text steps always, optional ones when ticked, phone-match follow-ups once known. */
function stepIsSent(step: ReplyStep, state: SidebarState): boolean {
  return (step.kind === 'text' || (step.kind === 'optional_text' && !!state.optionalSteps[step.id])) && (!step.when || step.when === state.phoneMatch)
}

function sameWrite(a: FieldWrite | undefined, b: FieldWrite): boolean {
  if (!a) return false
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) if ((a[Number(key)] ?? null) !== (b[Number(key)] ?? null)) return false
  return true
}

// In the order the agent can resolve them: settings, the status, their own input, the field.
function applyBlocker(
  state: SidebarState,
  decision: Applies,
  identity: IdentityCheck | null,
  resolution: Resolution | null,
  pendingCount: number,
): ApplyBlocker | null {
  if (state.settingsProblems.length > 0 || !state.settings) return { key: 'settingsBroken' }
  if (state.statusPending) return { key: 'statusPending' }
  if (identity && !identity.ok) return { key: 'identityIncomplete' }
  if (!state.settings.consultationFields) return { key: 'consultationNotConfigured', setting: SETTING.consultationFieldIds }
  if (state.fieldsFailure) return { key: 'fieldsFailed', setting: SETTING.consultationFieldIds, failure: state.fieldsFailure }
  if (!state.fieldDefinitions) return { key: 'fieldsLoading' }
  if (decision.consultation.agentPicksDepth && !state.pickedDepth) return { key: 'pickDepth' }
  if (!resolution) return { key: 'fieldsLoading' }
  if (!resolution.ok) return { key: 'consultationProblem', resolution }
  if (pendingCount === 0 && sameWrite(state.lastApply?.written, resolution.write)) return { key: 'nothingToDo' }
  return null
}
