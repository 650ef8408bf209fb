/**
 * The sidebar's store: holds the state, tells subscribers of each change, reads the ticket and
 * drops answers that arrive after a newer read began, and takes the agent's input. Writing is
 * apply.ts's; what to show, view.ts's. The preact components render `view()` and call these.
 */
import {
  detectFrustration,
  detectRrn,
  findReinquiryEvidence,
  hintFromMessages,
  suggestDepth,
  type BranchId,
  type EmpathyKind,
  type PhoneMatchAnswer,
  type StepId,
} from '../procedure'
import { resolveLanguage, type UiLanguage } from '../i18n'
import { failureOf, type ZendeskFailure } from '../zendesk/calls'
import { patiently } from '../zendesk/retry'
import type { FieldDefinition, Installation, TicketHost } from '../zendesk/ticket-host'
import { followArticleAndCheck } from './article-and-check'
import { afterApply, afterUndo, applyPlan, insertPieces, planFor, restore } from './apply'
import { loadPerDepth, type DepthChoice } from './consultation'
import { markerReads, readRequesterStatus, type Status } from './requester-status'
import type { AuditNote } from './saved-note'
import { consultationFieldIds, parseSettings } from './settings'
import { initialState, type SidebarState, type TextBox } from './state'
import { comparePhones, viewOf, type Piece, type SidebarView } from './view'

export interface SidebarOptions {
  /** Today's date for the identity check (injectable for tests). */
  today?: () => Date
  /** Waits between 429 retries (injectable for tests). */
  sleep?: (ms: number) => Promise<void>
  /** How many times a rate-limited read is tried in all. */
  maxAttempts?: number
}

/** Thrown internally when a late answer belongs to a ticket or requester no longer shown. */
class Stale extends Error {}

const statusOf = ({ status, evidence }: Status) => ({ value: status, evidence })

/** What the sidebar reads from the customer's messages: the intent hint and frustration. */
const chatOf = (messages: string[]) => ({
  hint: hintFromMessages(messages),
  customerFrustrated: messages.some((message) => detectFrustration(message).frustrated),
})

export class Sidebar {
  // Fields the constructor (or the chat's first message) sets are only declared: nothing to emit for them.
  declare private state: SidebarState
  private readonly listeners = new Set<() => void>()
  /** Bumped on every (re)load: answers for an older generation are dropped. */
  private generation = 0
  private installation: Promise<Installation> | null = null
  declare private readonly today: () => Date
  declare private readonly sleep: (ms: number) => Promise<void>
  declare private readonly maxAttempts: number
  declare private chatTimer: ReturnType<typeof setTimeout> | undefined

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

  /** Starts reading the ticket and follows requester and field changes, saves and the chat; returns the stop function. */
  start(): () => void {
    const stopRequester = this.host.onRequesterChanged(() => void this.load())
    const stopSaved = this.host.onSaved(() => void this.writeNote())
    const stopChat = this.host.onConversationChanged(() => this.followChat())
    let stopFields = () => {}
    void this.load().then(() => {
      const ids = consultationFieldIds(this.state.settings?.consultationFields)
      if (ids.length) stopFields = this.host.onFieldsChanged(ids, () => void this.refreshFieldValues())
    })
    return () => {
      this.generation++
      clearTimeout(this.chatTimer)
      stopRequester()
      stopSaved()
      stopChat()
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

  /** Runs a read, waiting out 429s and telling the agent; a newer load stops the waiting. */
  private patiently<T>(generation: number, run: () => Promise<T>): Promise<T> {
    const max = this.maxAttempts
    return patiently(run, max, async (seconds, attempt) => {
      this.set({ notice: { tone: 'info', key: 'rateLimited', params: { seconds, attempt, max } } }, generation)
      await this.sleep(seconds * 1000)
      if (generation !== this.generation) throw new Stale()
    })
  }

  /** (Re)reads the ticket and decides. A newer load makes every answer of this one stale. */
  async load(): Promise<void> {
    this.generation++
    // Settings outlive a requester change; everything else starts over (the field options come
    // again with the ticket, or from the frames' cache).
    const { language, settings, settingsProblems } = this.state
    this.set({ ...initialState(language), settings, settingsProblems })
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
        const fields = settings?.consultationFields
        const fieldIds = consultationFieldIds(fields)
        const ticket = await this.host.readTicket({ ...markerReads(marker), consultationFieldIds: fieldIds })
        const reading = marker ? readRequesterStatus(marker, ticket) : null
        this.set(
          {
            phase: 'ready',
            language: resolveLanguage(ticket.agentLocale),
            settings,
            settingsProblems,
            ticket,
            ...chatOf(ticket.customerMessages),
            status: reading?.kind === 'known' ? statusOf(reading) : null,
            statusPending: reading?.kind === 'needs_record',
            notice: settingsProblems.length ? { tone: 'error', key: 'settingsBroken' } : null,
          },
          generation,
        )
        this.suggestEmpathy()
        followArticleAndCheck(this, this.host, (patch) => this.set(patch))
        this.suggestDepth()
        // Re-inquiry evidence (a non-member's recent tickets) once the decision is on screen, in parallel.
        const evidence = this.readEvidence(generation)
        // The status first (one REST read where the data API cannot read the user field)...
        if (reading?.kind === 'needs_record')
          await this.guard(
            async () => {
              const record = await this.patiently(generation, () => this.host.readRequesterRecord(reading.userId))
              this.set({ status: statusOf(reading.finish(record)), statusPending: false, notice: null }, generation)
              this.suggestEmpathy()
              await this.readEvidence(generation)
            },
            // Nothing is assumed: no status, no decision, a message and a retry.
            (failure) => ({ statusPending: false, notice: { tone: 'error', key: 'failedStatus', failure, retry: 'load' } }),
          )
        // ...then the field's options, only where the procedure applies: a member reads none,
        // nor does a ticket without a requester or a status. The data API's, read with the
        // ticket, where they hold the decision's path (a nested field's labels must then be whole
        // paths, `A::B::C`: leaf-only labels match no path of two depths or more). Else the frames'
        // cache or REST, and once more through REST when the cache's copy lacks the path (an option
        // added since). REST always for per-depth fields (a depth's label need not say its parent).
        // Labels translated for the agent (dynamic content) that lack the decision's path go to
        // REST too: its `raw_name` holds the names as typed, which the configured paths use.
        if (fields && this.view().decision?.applies && generation === this.generation)
          await this.guard(
            async () => {
              // The per-depth layout's code (a chunk of its own) comes along with its definitions.
              const code = fields.layout === 'per_depth' && loadPerDepth()
              const read = (again?: boolean) => this.patiently(generation, () => this.host.readFieldDefinitions(fieldIds, again))
              const fromTicket = ticket.fieldDefinitions
              const definitions = (fields.layout === 'nested' && !this.lacksPath(fromTicket) ? fromTicket : await read()) ?? []
              await code
              this.set({ fieldDefinitions: (this.lacksPath(definitions) && (await read(true))) || definitions, fieldsFailure: null }, generation)
              this.suggestDepth()
            },
            (fieldsFailure) => ({ fieldsFailure }),
          )
        await evidence
      },
      (failure) => ({ phase: 'failed', notice: { tone: 'error', key: 'failedLoad', failure, retry: 'load' } }),
    )
  }

  /**
   * Whether these definitions cannot give the decision's path (the field or the option is missing,
   * or it is no dropdown); where the agent picks the depth, whether no path lies under the root.
   */
  private lacksPath(fieldDefinitions: FieldDefinition[]): boolean {
    const { decision, resolution, choices } = viewOf({ ...this.state, fieldDefinitions }, this.today())
    return !!decision?.applies && (decision.consultation.agentPicksDepth ? !choices.length : resolution?.ok === false)
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

  // ---- the live chat ---------------------------------------------------------------------------

  /**
   * A message came, often the first of several: once the chat is quiet, the hint and the
   * frustration flag from the conversation as it is now (read again, never the event's data),
   * touching nothing the agent chose or typed: a branch they picked stays, an unpicked one follows
   * the new hint, said quietly. Never under a running Apply or Insert, nor while Apply asks to
   * overwrite: it waits its turn. A failed read keeps the last hint.
   */
  private followChat(): void {
    const suggested = () => {
      const decision = this.view().decision
      return decision?.applies && decision.branch.number
    }
    clearTimeout(this.chatTimer)
    this.chatTimer = setTimeout(
      () =>
        void this.guard(
          async (generation) => {
            const { customerMessages } = await this.host.readTicket()
            if (this.state.busy || this.state.confirmOverwrite) return this.followChat()
            const before = suggested()
            this.set(chatOf(customerMessages), generation)
            const number = suggested()
            if (before && number && number !== before && this.state.notice?.tone !== 'error')
              this.set({ notice: { tone: 'info', key: 'hintChanged', params: { number } } })
          },
          () => ({}),
        ),
      // Customers write in bursts: the conversation is read again once it has been quiet 1 s.
      1000,
    )
  }

  // ---- the audit note, after the agent's save (saved-note.ts) -------------------------------

  /**
   * Writes the pending audit note once Zendesk reported the ticket saved; a failed one is tried
   * again on the next save or the agent's retry, and saved-note.ts looks first whether the failed
   * try landed after all. Nothing else is written: no note, one already written, or under way.
   */
  async writeNote(): Promise<void> {
    const note = this.state.auditNote
    if (note?.status !== 'pending' && note?.status !== 'failed') return
    const generation = this.generation
    // Dropped for a requester no longer shown, or once a later Apply's note took this one's place.
    const report = (patch: Partial<AuditNote>) => {
      if (generation === this.generation && this.state.auditNote?.input === note.input) this.set({ auditNote: { ...note, ...patch } })
    }
    report({ status: 'writing' })
    await import('./saved-note').then(
      (chunk) => chunk.writeSavedNote(this.host, this.state, note, report),
      (error: unknown) => report({ status: 'failed', failure: failureOf(error) }),
    )
  }

  /** Picks the suggested empathy phrase for the current branch (the agent can change it). */
  private suggestEmpathy(): void {
    const decision = this.view().decision
    if (decision?.applies) {
      const { kind, phrase } = decision.empathy
      this.set({ empathy: phrase ? { kind, phrase } : null })
    }
  }

  /** Preselects the depth the customer's words clearly point to (추천), unless the agent picked one. */
  private suggestDepth(): void {
    const { choices } = this.view()
    const { suggested } = suggestDepth(
      choices.map((choice) => choice.depths),
      this.state.ticket?.customerMessages ?? [],
    )
    const depthSuggestion = (suggested && choices[suggested.index]) || null
    this.set({ depthSuggestion, pickedDepth: this.state.pickedDepth ?? depthSuggestion })
  }

  /**
   * A non-member's recent tickets, once the decision is on screen: one tagged with an evidence
   * branch makes this chat a re-inquiry. A failed read only loses the evidence (a quiet note).
   */
  private readEvidence(generation: number): Promise<void> | false {
    const { status, ticket, settings } = this.state
    const requester = ticket?.requester
    return (
      status?.value === 'non_member' &&
      !!requester &&
      this.guard(
        async () => {
          const tickets = await this.host.readRequestedTickets(requester.id)
          this.set(
            { evidence: findReinquiryEvidence({ tickets, currentTicketId: ticket.ticketId, today: this.today(), reinquiryDays: settings?.reinquiryDays }) },
            generation,
          )
          // The evidence chose the branch: its empathy line with it.
          const decision = this.view().decision
          if (decision?.applies && decision.suggestedBy === 'evidence') this.suggestEmpathy()
        },
        () => ({ evidenceFailed: true }),
      )
    )
  }

  // ---- the agent's input ---------------------------------------------------------------------

  chooseBranch(branch: BranchId): void {
    if (this.state.busy) return
    this.set({ chosenBranch: branch, pickedDepth: this.state.depthSuggestion, depthQuery: '', confirmOverwrite: null, notice: null })
    this.suggestEmpathy()
  }

  chooseEmpathy(choice: { kind: EmpathyKind; phrase: string } | null): void {
    this.set({ empathy: choice })
  }

  toggleOptional(step: StepId, on: boolean): void {
    this.set({ optionalSteps: { ...this.state.optionalSteps, [step]: on } })
  }

  setVerificationOnly(on: boolean): void {
    this.set({ verificationOnly: on, pickedDepth: this.state.depthSuggestion, depthQuery: '' })
  }

  /**
   * What the agent types into a box. A resident registration number is never collected: the box
   * is emptied, and the refusal shows beside it until the box is typed into again.
   */
  input(box: TextBox, value: string): void {
    const refused = detectRrn(value)
    const text = refused ? '' : value
    const { identity, phoneInputs, rrnIn } = this.state
    const patch: Partial<SidebarState> = { rrnIn: refused ? box : rrnIn === box ? null : rrnIn }
    if (box === 'depthQuery') patch.depthQuery = text
    else if (box === 'driverApp' || box === 'kakaoTalk') {
      const inputs = (patch.phoneInputs = { ...phoneInputs, [box]: text })
      const compared = comparePhones(inputs)
      // A valid comparison selects the next text; an invalid one leaves the choice open.
      if (compared === 'same' || compared === 'different') patch.phoneMatch = compared
    } else patch.identity = { ...identity, [box]: text }
    this.set(patch)
  }

  /** "본인 확인함": the agent confirmed the details are the driver's own. */
  confirmPerson(confirmedIsPerson: boolean): void {
    this.set({ identity: { ...this.state.identity, confirmedIsPerson } })
  }

  /** The driver's answer, when the agent did not type the numbers. */
  setPhoneMatch(answer: PhoneMatchAnswer | null): void {
    this.set({ phoneMatch: answer })
  }

  /** Picks a depth; like a radio button, picking the chosen one keeps it. */
  pickDepth(choice: DepthChoice): void {
    this.set({ pickedDepth: choice, confirmOverwrite: null })
  }

  retry(): void {
    void this.load()
  }

  cancelOverwrite(): void {
    this.set({ confirmOverwrite: null })
  }

  // ---- writing (apply.ts) --------------------------------------------------------------------

  /** Inserts one step's text (or its macro) at the cursor. Once per step: a second click does nothing. */
  insertStep(id: StepId): Promise<void> {
    const { empathy, settings } = this.state
    const decision = this.view().decision
    const step = decision?.applies && decision.steps.find((s) => s.id === id)
    // A step that waits for the identity check cannot go before it passed.
    const text = id === 'empathy' ? empathy?.phrase : step && !(step.requires && decision.identityGate !== 'passed') && step.text
    return this.insert(text ? [{ id, text, macroId: settings?.stepMacros[id] }] : [])
  }

  /**
   * Inserts every text Apply would insert now, without setting the consultation type: the texts
   * that need no check (branch 3's empathy line before the identity check), or the texts only
   * when the agent keeps a field they set by hand.
   */
  insertTexts(): Promise<void> {
    return this.insert(this.view().pending)
  }

  /** Inserts texts at the cursor, each step once; a failure inserts nothing more and says so. */
  private async insert(pieces: Piece[]): Promise<void> {
    const { busy, inserted } = this.state
    pieces = pieces.filter((piece) => !inserted.includes(piece.id))
    if (busy || !pieces.length) return
    if (!this.view().canWrite) {
      this.set({ notice: { tone: 'error', key: 'settingsBroken' } })
      return
    }
    this.set({ busy: 'insert', confirmOverwrite: null })
    await this.guard(
      async (generation) => {
        await insertPieces(this.host, pieces)
        this.set(
          { busy: null, inserted: [...this.state.inserted, ...pieces.map((piece) => piece.id)], notice: { tone: 'success', key: 'inserted' } },
          generation,
        )
      },
      (failure) => ({ busy: null, notice: { tone: 'error', key: 'failedInsert', failure } }),
    )
  }

  /**
   * Applies the branch: sets the consultation type (option tags), adds the extra tags, inserts the
   * pending texts, all or nothing (a failure undoes what was done before it), and leaves the audit
   * note pending until the agent saves. One click applies once.
   */
  async apply(overwrite = false): Promise<void> {
    const plan = this.state.busy ? null : planFor(this.state, this.view(), overwrite)
    if (!plan) return
    const generation = this.generation
    this.set({ busy: 'apply', confirmOverwrite: null, notice: null })
    const outcome = await applyPlan(this.host, plan)
    if (generation === this.generation) this.set(afterApply(this.state, plan, outcome))
  }

  /** Restores the field values and removes the tags of the last Apply (inserted text stays). */
  async undo(): Promise<void> {
    const last = this.state.lastApply
    if (this.state.busy || !last) return
    this.set({ busy: 'undo', notice: null })
    await this.guard(
      async (generation) => {
        await restore(this.host, last)
        this.set(afterUndo(this.state, last), generation)
      },
      (failure) => ({ busy: null, notice: { tone: 'error', key: 'failedUndo', failure } }),
    )
  }
}
