/**
 * The agent's Submit, as Zendesk runs it for the apps of the ticket:
 *
 * 1. every frame that registered a `ticket.save` hook is asked (all at once); one no (a `false`
 *    or string answer, a throw, a rejected promise, or no answer in time) cancels the save:
 *    nothing is saved, no submit event fires, the page shows the hook's message;
 * 2. `ticket.submit.start`;
 * 3. the save: `ticket.submit.done` (the draft became a comment, the fields and tags are saved),
 *    or `ticket.submit.fail` (nothing saved, the draft and the changes stay on screen);
 * 4. `ticket.submit.always`.
 *
 * Assumed, not proven: that hooks run before `ticket.submit.start`, and that a hook that does
 * not answer in time cancels the save. No DOM here: the page wires it to its frames.
 */
import type { HookAnswer } from './protocol'
import type { SubmitRecord } from './types'

export interface SaveHookFrame {
  instance: string
  ask(event: string, data: unknown, timeoutMs: number): Promise<HookAnswer>
  /** Whether the frame registered a handler for the event. */
  subscribed(event: string): boolean
}

export interface SaveFlowOptions {
  /** The frames of the ticket (the app and any probes). */
  frames(): readonly SaveHookFrame[]
  /** Sends an event to every subscribed frame. */
  emit(event: string, data?: unknown): void
  /** Saves the ticket (the draft as a comment, fields and tags); throws with a message when the save fails. */
  save(): Promise<void>
  /** How long a hook may take before its silence counts as a no. */
  hookTimeoutMs: number
  /** Waits between the submit's steps (the host's latency). */
  pause?(): Promise<void>
  /** Something changed (the page re-renders). */
  onChange?(): void
}

export const SUBMIT_EVENTS = ['ticket.submit.start', 'ticket.submit.done', 'ticket.submit.fail', 'ticket.submit.always'] as const

export class SaveFlow {
  /** Every submit, in order. */
  readonly history: SubmitRecord[] = []
  /** The submit under way (a second press meanwhile joins it, as the disabled button would). */
  running: Promise<SubmitRecord> | null = null
  private failures: string[] = []

  constructor(private readonly options: SaveFlowOptions) {}

  /** Makes the next submit (or the next `times`) fail after `ticket.submit.start`, as a server error would. */
  failNext(message = 'the ticket could not be saved (simulated)', times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(message)
    this.options.onChange?.()
  }

  /** Failures still waiting for a submit. */
  get pendingFailures(): number {
    return this.failures.length
  }

  submit(at: () => number = Date.now): Promise<SubmitRecord> {
    if (!this.running) {
      this.running = this.run(at).finally(() => {
        this.running = null
        this.options.onChange?.()
      })
      this.options.onChange?.()
    }
    return this.running
  }

  private async run(at: () => number): Promise<SubmitRecord> {
    const record: SubmitRecord = { outcome: 'saved', hooks: [], events: [], at: at() }
    const emit = (event: string, data?: unknown) => {
      record.events.push(event)
      this.options.emit(event, data)
    }
    const frames = this.options.frames().filter((frame) => frame.subscribed('ticket.save'))
    if (frames.length > 0) record.events.push('ticket.save')
    const answers = await Promise.all(
      frames.map(async (frame) => ({ instance: frame.instance, ...(await frame.ask('ticket.save', undefined, this.options.hookTimeoutMs)) })),
    )
    record.hooks = answers
    const no = answers.find((answer) => !answer.ok)
    if (no) {
      record.outcome = 'cancelled'
      if (no.message !== undefined) record.message = no.message
      return this.done(record)
    }
    emit('ticket.submit.start')
    await this.options.pause?.()
    const failure = this.failures.shift()
    let error: string | undefined = failure
    if (failure === undefined) {
      try {
        await this.options.save()
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught)
      }
    }
    if (error === undefined) emit('ticket.submit.done')
    else {
      record.outcome = 'failed'
      record.message = error
      emit('ticket.submit.fail', { message: error })
    }
    emit('ticket.submit.always')
    return this.done(record)
  }

  private done(record: SubmitRecord): SubmitRecord {
    this.history.push(record)
    return record
  }
}
