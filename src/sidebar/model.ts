/**
 * The sidebar's state and what the agent can do with it. Plain TypeScript: it gets typed values
 * from the Zendesk boundary and decisions from the procedure module; the preact components only
 * render `view()` and call the actions.
 */
import {
  checkIdentity,
  decide,
  detectFrustration,
  detectRrn,
  detectIntent,
  matchPhones,
  NO_HINT,
  reads,
  type BranchId,
  type Decision,
  type EmpathyKind,
  type IdentityCheck,
  type IdentityInput,
  type IntentHint,
  type PhoneMatch,
  type PhoneMatchAnswer,
  type ReplyStep,
  type StepId,
} from '../procedure'
import { resolveLanguage, translator, type UiLanguage } from '../i18n'
import { ZendeskError, type ZendeskFailure } from '../zendesk/calls'
import type { FieldDefinition, Installation, TicketHost, TicketSnapshot } from '../zendesk/ticket-host'
import { buildAuditNote } from './audit-note'
import { depthChoices, resolveConsultation, type DepthChoice, type FieldWrite, type Resolution } from './consultation'
import { readRequesterStatus, statusFromRecord, type RequesterStatusValue, type StatusEvidence } from './requester-status'
import { consultationFieldIds, parseSettings, SETTING, type SettingProblem, type Settings } from './settings'

/** A message for the agent. `key` is a UI message key; `params` fill it. */
export type Notice =
  | { tone: 'success' | 'info'; key: NoticeKey; params?: Record<string, string | number> }
  | { tone: 'error'; key: NoticeKey; params?: Record<string, string | number>; failure?: ZendeskFailure; retry?: 'load' }

export type NoticeKey =
  | 'applied'
  | 'appliedNoteFailed'
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
  | 'rrnRefused'

/** What the agent typed into the branch 4 phone-match helper. */
export interface PhoneInputs {
  driverApp: string
  kakaoTalk: string
}

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
  notice: Notice | null
}

/** Why Apply cannot run now (a message key for the agent), or null when it can. */
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
  identityCheck: IdentityCheck | null
  phoneCompare: PhoneMatch | null
  choices: DepthChoice[]
  resolution: Resolution | null
  /** Steps whose text Apply would insert now, in order (the empathy line first). */
  pending: { id: StepId; text: string; macroId?: number }[]
  applyBlocker: ApplyBlocker | null
  canWrite: boolean
}

export interface SidebarOptions {
  /** Today's date for the identity check (injectable for tests). */
  today?: () => Date
  /** Waits between 429 retries (injectable for tests). */
  sleep?: (ms: number) => Promise<void>
  /** How many times a rate-limited read is tried in all. */
  maxAttempts?: number
}

const EMPTY_IDENTITY: IdentityInput = { name: '', birthDate: '', phone: '', confirmedIsPerson: false }

function initialState(language: UiLanguage): SidebarState {
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
    notice: null,
  }
}

/** Thrown internally when a late answer belongs to a ticket or requester no longer shown. */
class Stale extends Error {}

const statusOf = ({ status, evidence }: { status: RequesterStatusValue; evidence: StatusEvidence }) => ({ value: status, evidence })

function failureOf(error: unknown): ZendeskFailure {
  if (error instanceof ZendeskError) return error.failure
  return { kind: 'host', call: 'app', message: error instanceof Error ? error.message : String(error) }
}

/** How much of one message the intent hint reads. */
export const MAX_HINT_CHARS = 2000

/**
 * The hint from the newest customer message that gives one: in a chat the latest line is often a
 * follow-up ("둘 다 같은 번호예요") while the question came just before.
 */
export function hintFrom(messages: readonly string[]): IntentHint {
  for (const message of messages) {
    // A pasted log or a very long message: the question is in its first lines.
    const hint = detectIntent(message.slice(0, MAX_HINT_CHARS))
    if (hint.intent !== 'none') return hint
  }
  return NO_HINT
}

/** The two typed numbers compared, once both are filled in. */
function comparePhones({ driverApp, kakaoTalk }: PhoneInputs): PhoneMatch | null {
  return driverApp.trim() && kakaoTalk.trim() ? matchPhones(driverApp, kakaoTalk) : null
}

/** The path Apply writes, as depth names; undefined while the agent has not picked the depth. */
function pathOf(state: SidebarState, decision: Extract<Decision, { applies: true }>): readonly string[] | undefined {
  return decision.consultation.agentPicksDepth ? state.pickedDepth?.depths : decision.consultation.depths
}

/** Derives what the components show from the state (pure). */
export function viewOf(state: SidebarState, today: Date = new Date()): SidebarView {
  const settings = state.settings
  const canWrite = state.settingsProblems.length === 0 && settings !== null
  const identity = checkIdentity(state.identity, today)
  const decision = state.status === null ? null : decideFor(state, identity)
  const applies = decision?.applies ? decision : null
  const identityCheck = applies && reads(applies.branch, 'identity') ? identity : null
  const phoneCompare = comparePhones(state.phoneInputs)

  const fields = settings?.consultationFields ?? null
  const definitions = state.fieldDefinitions ?? []
  const choices = fields && applies ? depthChoices(fields, definitions, applies.consultation.depths[0] ?? '') : []
  const depths = applies && pathOf(state, applies)
  const resolution = fields && depths && state.fieldDefinitions ? resolveConsultation(fields, definitions, depths) : null

  const pending: SidebarView['pending'] = []
  if (applies) {
    if (state.empathy && !state.inserted.includes('empathy')) pending.push({ id: 'empathy', text: state.empathy.phrase })
    for (const step of applies.steps) {
      if (!stepIsSent(step, state) || state.inserted.includes(step.id) || step.text === undefined) continue
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

function applyBlocker(
  state: SidebarState,
  decision: Extract<Decision, { applies: true }>,
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

/** A value the agent set by hand that Apply would replace (not one this app wrote). */
function handSetConflict(current: FieldWrite, write: FieldWrite, lastApply: AppliedChange | null): boolean {
  return Object.entries(write).some(([id, tag]) => {
    const now = current[Number(id)] ?? null
    return now !== null && now !== tag && now !== (lastApply?.written[Number(id)] ?? null)
  })
}

export class Sidebar {
  private state: SidebarState
  private readonly listeners = new Set<() => void>()
  /** Bumped on every (re)load: answers for an older generation are dropped. */
  private generation = 0
  private installation: Promise<Installation> | null = null
  private readonly today: () => Date
  private readonly sleep: (ms: number) => Promise<void>
  private readonly maxAttempts: number

  constructor(
    private readonly host: TicketHost,
    language: UiLanguage = 'en',
    options: SidebarOptions = {},
  ) {
    this.state = initialState(language)
    this.today = options.today ?? (() => new Date())
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.maxAttempts = options.maxAttempts ?? 3
  }

  get current(): SidebarState {
    return this.state
  }

  view(): SidebarView {
    return viewOf(this.state, this.today())
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Starts reading the ticket and follows requester and field changes; returns the stop function. */
  start(): () => void {
    const stopRequester = this.host.onRequesterChanged(() => void this.load())
    let stopFields = () => {}
    void this.load().then(() => {
      const ids = consultationFieldIds(this.state.settings?.consultationFields)
      if (ids.length) stopFields = this.host.onFieldsChanged(ids, () => void this.refreshFieldValues())
    })
    return () => {
      this.generation++
      stopRequester()
      stopFields()
    }
  }

  private set(patch: Partial<SidebarState>, generation?: number): void {
    if (generation !== undefined && generation !== this.generation) throw new Stale()
    this.state = { ...this.state, ...patch }
    for (const listener of this.listeners) listener()
  }

  /**
   * Runs `work` for the current generation. Its failure is dropped once a newer load has begun (the
   * answer belongs to a ticket or requester no longer shown), else `failed` says what to show.
   */
  private async guard(work: (generation: number) => Promise<unknown>, failed: (failure: ZendeskFailure) => Partial<SidebarState>): Promise<void> {
    const generation = this.generation
    try {
      await work(generation)
    } catch (error) {
      if (generation === this.generation) this.set(failed(failureOf(error)))
    }
  }

  /** Runs a read, waiting out 429s (Retry-After) a bounded number of times and telling the agent. */
  private async patiently<T>(generation: number, run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run()
      } catch (error) {
        const failure = failureOf(error)
        if (failure.kind !== 'http' || failure.status !== 429 || attempt >= this.maxAttempts) throw error
        const seconds = Math.min(Math.max(failure.retryAfterSeconds ?? 2, 1), 60)
        this.set({ notice: { tone: 'info', key: 'rateLimited', params: { seconds, attempt: attempt + 1, max: this.maxAttempts } } }, generation)
        await this.sleep(seconds * 1000)
        if (generation !== this.generation) throw new Stale()
      }
    }
  }

  /** (Re)reads the ticket and decides. A newer load makes every answer of this one stale. */
  async load(): Promise<void> {
    this.generation++
    // Settings and field options outlive a requester change; everything else starts over.
    const { language, settings, settingsProblems, fieldDefinitions } = this.state
    this.set({ ...initialState(language), settings, settingsProblems, fieldDefinitions })
    await this.guard(
      async (generation) => {
        // A failed registration is asked for again on the next load.
        const installation = await (this.installation ??= this.host.registered().catch((error: unknown) => {
          this.installation = null
          throw error
        }))
        const parsed = parseSettings(installation.settings)
        const settings = parsed.ok ? parsed.settings : null
        const settingsProblems = parsed.ok ? [] : parsed.problems
        const marker = settings?.memberMarker
        const fieldIds = consultationFieldIds(settings?.consultationFields)
        const ticket = await this.host.readTicket({
          userFieldKey: marker?.source === 'user_field' ? marker.fieldKey : null,
          consultationFieldIds: fieldIds,
        })
        const reading = marker ? readRequesterStatus(marker, ticket) : null
        this.set(
          {
            phase: 'ready',
            language: resolveLanguage(ticket.agentLocale),
            settings,
            settingsProblems,
            ticket,
            hint: hintFrom(ticket.customerMessages),
            customerFrustrated: ticket.customerMessages.some((message) => detectFrustration(message).frustrated),
            status: reading?.kind === 'known' ? statusOf(reading) : null,
            statusPending: reading?.kind === 'needs_record',
            notice: settingsProblems.length ? { tone: 'error', key: 'settingsBroken' } : null,
          },
          generation,
        )
        this.suggestEmpathy()
        // In parallel: the status (maybe one REST call) and the field options (read once per app
        // instance, and not at all for a member or without a requester: the procedure does not apply).
        await Promise.all([
          reading?.kind === 'needs_record' &&
            marker?.source === 'user_field' &&
            this.guard(
              async () => {
                const record = await this.patiently(generation, () => this.host.readRequesterRecord(reading.userId))
                this.set({ status: statusOf(statusFromRecord(marker, record)), statusPending: false, notice: null }, generation)
                this.suggestEmpathy()
              },
              // Nothing is assumed: no status, no decision, a message and a retry.
              (failure) => ({ statusPending: false, notice: { tone: 'error', key: 'failedStatus', failure, retry: 'load' } }),
            ),
          fieldIds.length &&
            !this.state.fieldDefinitions &&
            reading?.kind !== 'no_requester' &&
            !(reading?.kind === 'known' && reading.status === 'member') &&
            this.guard(
              async () => {
                const definitions = await this.patiently(generation, () => this.host.readFieldDefinitions(fieldIds))
                this.set({ fieldDefinitions: definitions, fieldsFailure: null }, generation)
              },
              (fieldsFailure) => ({ fieldsFailure }),
            ),
        ])
      },
      (failure) => ({ phase: 'failed', notice: { tone: 'error', key: 'failedLoad', failure, retry: 'load' } }),
    )
  }

  private async refreshFieldValues(): Promise<void> {
    const generation = this.generation
    const ids = consultationFieldIds(this.state.settings?.consultationFields)
    const ticket = this.state.ticket
    if (!ticket || ids.length === 0) return
    try {
      const values = await this.host.readFieldValues(ids)
      this.set({ ticket: { ...ticket, consultationValues: values } }, generation)
    } catch {
      // Only the displayed current value is stale; Apply reads the fields again anyway.
    }
  }

  /** Picks the suggested empathy phrase for the current branch (the agent can change it). */
  private suggestEmpathy(): void {
    const decision = this.view().decision
    if (decision?.applies) {
      const phrase = decision.empathy.phrases[0]
      this.set({ empathy: phrase ? { kind: decision.empathy.kind, phrase } : null })
    }
  }

  // ---- agent actions -------------------------------------------------------------------------

  chooseBranch(branch: BranchId): void {
    if (this.state.busy) return
    this.set({ chosenBranch: branch, pickedDepth: null, depthQuery: '', confirmOverwrite: null, notice: null })
    this.suggestEmpathy()
  }

  chooseEmpathy(choice: { kind: EmpathyKind; phrase: string } | null): void {
    this.set({ empathy: choice })
  }

  toggleOptional(step: StepId, on: boolean): void {
    this.set({ optionalSteps: { ...this.state.optionalSteps, [step]: on } })
  }

  setVerificationOnly(on: boolean): void {
    this.set({ verificationOnly: on, pickedDepth: null, depthQuery: '' })
  }

  /** An RRN must not be collected: a field that holds one is emptied and the agent told why. */
  private refuseRrn<T extends object>(patch: T): T {
    let refused = false
    const clean = { ...patch } as Record<string, unknown>
    for (const [key, value] of Object.entries(clean)) {
      if (typeof value === 'string' && detectRrn(value)) {
        clean[key] = ''
        refused = true
      }
    }
    if (refused) this.set({ notice: { tone: 'error', key: 'rrnRefused' } })
    else if (this.state.notice?.key === 'rrnRefused') this.set({ notice: null })
    return clean as T
  }

  updatePhones(inputs: Partial<PhoneInputs>): void {
    const phoneInputs = { ...this.state.phoneInputs, ...this.refuseRrn(inputs) }
    const compared = comparePhones(phoneInputs)
    // A valid comparison selects the next text; an invalid one leaves the choice open.
    const phoneMatch = compared === 'same' || compared === 'different' ? compared : this.state.phoneMatch
    this.set({ phoneInputs, phoneMatch })
  }

  /** The driver's answer, when the agent did not type the numbers. */
  setPhoneMatch(answer: PhoneMatchAnswer | null): void {
    this.set({ phoneMatch: answer })
  }

  updateIdentity(patch: Partial<IdentityInput>): void {
    this.set({ identity: { ...this.state.identity, ...this.refuseRrn(patch) } })
  }

  searchDepths(query: string): void {
    this.set({ depthQuery: query })
  }

  pickDepth(choice: DepthChoice | null): void {
    this.set({ pickedDepth: choice, confirmOverwrite: null })
  }

  retry(): void {
    void this.load()
  }

  dismissNotice(): void {
    this.set({ notice: null })
  }

  /** Inserts one step's text (or its macro) at the cursor. Once per step: a second click does nothing. */
  async insertStep(id: StepId): Promise<void> {
    const state = this.state
    if (state.busy || state.inserted.includes(id)) return
    const view = this.view()
    if (!view.canWrite) {
      this.set({ notice: { tone: 'error', key: 'settingsBroken' } })
      return
    }
    const decision = view.decision?.applies ? view.decision : null
    const text = id === 'empathy' ? state.empathy?.phrase : decision?.steps.find((step) => step.id === id)?.text
    if (!text) return
    const macroId = id === 'empathy' ? undefined : state.settings?.stepMacros[id]
    this.set({ busy: 'insert' })
    await this.guard(
      async (generation) => {
        await this.insertPieces([{ id, text, macroId }])
        this.set({ busy: null, inserted: [...this.state.inserted, id], notice: { tone: 'success', key: 'inserted' } }, generation)
      },
      (failure) => ({ busy: null, notice: { tone: 'error', key: 'failedInsert', failure } }),
    )
  }

  /**
   * Applies the branch: sets the consultation type (option tags), adds the extra tags, inserts the
   * pending texts, writes the audit note. All or nothing for the first three: a failure undoes
   * what was done before it. One click applies once.
   */
  async apply(overwrite = false): Promise<void> {
    if (this.state.busy) return
    const view = this.view()
    const { decision, resolution } = view
    if (!decision?.applies || view.applyBlocker || !resolution?.ok) return
    // Without a blocker there are settings; with a decision there is a ticket (both come with the status).
    const settings = this.state.settings!
    const ticket = this.state.ticket!
    const generation = this.generation
    this.set({ busy: 'apply', confirmOverwrite: null, notice: null })
    const write = resolution.write
    const change: AppliedChange = { previous: {}, written: write, addedTags: [] }
    let fieldsWritten = false
    try {
      const previous = (change.previous = await this.host.readFieldValues(Object.keys(write).map(Number)))
      if (!overwrite && handSetConflict(previous, write, this.state.lastApply)) {
        this.set({ busy: null, confirmOverwrite: previous }, generation)
        return
      }
      await this.host.setFieldValues(write)
      fieldsWritten = true
      change.addedTags = settings.extraTags.filter((tag) => !ticket.ticketTags.includes(tag))
      await this.host.addTags(change.addedTags)
      await this.insertPieces(view.pending)
    } catch (error) {
      if (generation !== this.generation) return
      const rolledBack = !fieldsWritten || (await this.restore(change).then(() => true, () => false))
      this.set({
        busy: null,
        ...(rolledBack ? {} : { lastApply: change }),
        notice: { tone: 'error', key: rolledBack ? 'failedApply' : 'failedApplyPartial', failure: failureOf(error) },
      })
      return
    }
    const inserted = view.pending.map((piece) => piece.id)
    let notice: Notice = { tone: 'success', key: 'applied' }
    if (settings.auditNote && ticket.ticketId !== null) {
      try {
        await this.host.writeInternalNote(
          ticket.ticketId,
          buildAuditNote(
            { decision, consultationPath: pathOf(this.state, decision) ?? [], identity: view.identityCheck, inserted },
            translator(this.state.language),
          ),
        )
      } catch (error) {
        notice = { tone: 'error', key: 'appliedNoteFailed', failure: failureOf(error) }
      }
    }
    if (generation !== this.generation) return
    this.set({
      busy: null,
      inserted: [...this.state.inserted, ...inserted],
      lastApply: change,
      ticket: { ...ticket, consultationValues: { ...ticket.consultationValues, ...write }, ticketTags: [...ticket.ticketTags, ...change.addedTags] },
      notice,
    })
  }

  /** Inserts texts in order: consecutive texts in one insert, a step with a macro as that macro. */
  private async insertPieces(pieces: SidebarView['pending']): Promise<void> {
    let texts: string[] = []
    const flush = async () => {
      if (texts.length) await this.host.insertText(texts.join('\n\n'))
      texts = []
    }
    for (const piece of pieces) {
      if (piece.macroId) {
        await flush()
        await this.host.applyMacro(piece.macroId)
      } else texts.push(piece.text)
    }
    await flush()
  }

  /** Puts back the field values and removes the tags of an apply (rollback and Undo). */
  private async restore({ previous, addedTags }: AppliedChange): Promise<void> {
    await this.host.setFieldValues(previous)
    await this.host.removeTags(addedTags)
  }

  cancelOverwrite(): void {
    this.set({ confirmOverwrite: null })
  }

  /** Restores the field values and removes the tags of the last Apply (inserted text stays). */
  async undo(): Promise<void> {
    const last = this.state.lastApply
    if (this.state.busy || !last) return
    this.set({ busy: 'undo', notice: null })
    await this.guard(
      async (generation) => {
        await this.restore(last)
        const ticket = this.state.ticket
        this.set(
          {
            busy: null,
            lastApply: null,
            ticket: ticket && {
              ...ticket,
              consultationValues: { ...ticket.consultationValues, ...last.previous },
              ticketTags: ticket.ticketTags.filter((tag) => !last.addedTags.includes(tag)),
            },
            notice: { tone: 'success', key: 'undone' },
          },
          generation,
        )
      },
      (failure) => ({ busy: null, notice: { tone: 'error', key: 'failedUndo', failure } }),
    )
  }
}
