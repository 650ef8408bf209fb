/** The local host's Submit (dev/zendesk-host/save.ts): save hooks, then the submit events. */
import { describe, expect, it } from 'vitest'
import { SaveFlow } from '../../dev/zendesk-host/save'
import type { SaveFlowOptions, SaveHookFrame } from '../../dev/zendesk-host/save'
import type { HookAnswer } from '../../dev/zendesk-host/protocol'

/** A frame whose `ticket.save` hook answers with `answer` (or never, with `null`). */
function frame(instance: string, answer: HookAnswer | null | (() => Promise<HookAnswer>), subscribed = true) {
  const asked: number[] = []
  const f: SaveHookFrame & { asked: number[] } = {
    instance,
    asked,
    subscribed: (event) => subscribed && event === 'ticket.save',
    ask: (_event, _data, timeoutMs) => {
      asked.push(timeoutMs)
      if (typeof answer === 'function') return answer()
      return answer
        ? Promise.resolve(answer)
        : new Promise((resolve) => setTimeout(() => resolve({ ok: false, message: `no answer within ${timeoutMs} ms` }), timeoutMs))
    },
  }
  return f
}

function flow(frames: SaveHookFrame[], options: Partial<SaveFlowOptions> = {}) {
  const emitted: string[] = []
  let saves = 0
  const save = new SaveFlow({
    frames: () => frames,
    emit: (event) => emitted.push(event),
    save: async () => {
      saves++
    },
    hookTimeoutMs: 20,
    ...options,
  })
  return { save, emitted, saves: () => saves }
}

describe('SaveFlow', () => {
  it('without hooks: start, the save, done, always', async () => {
    const { save, emitted, saves } = flow([frame('app', { ok: true }, false)])
    const record = await save.submit(() => 5)
    expect(record).toEqual({ outcome: 'saved', hooks: [], events: ['ticket.submit.start', 'ticket.submit.done', 'ticket.submit.always'], at: 5 })
    expect(emitted).toEqual(record.events)
    expect(saves()).toBe(1)
  })

  it('asks every frame with a hook, with the time limit; all yes → saved', async () => {
    const app = frame('app', { ok: true })
    const probe = frame('probe-1', { ok: true })
    const { save, emitted } = flow([app, probe, frame('probe-2', { ok: true }, false)])
    const record = await save.submit()
    expect(record.hooks).toEqual([
      { instance: 'app', ok: true },
      { instance: 'probe-1', ok: true },
    ])
    expect([app.asked, probe.asked]).toEqual([[20], [20]])
    expect(record.events[0]).toBe('ticket.save')
    expect(emitted).toEqual(['ticket.submit.start', 'ticket.submit.done', 'ticket.submit.always'])
  })

  it('one no cancels: nothing saved, no submit event, the hook’s message kept', async () => {
    const { save, emitted, saves } = flow([frame('app', { ok: true }), frame('probe-1', { ok: false, message: '상담유형을 고르세요' })])
    const record = await save.submit()
    expect(record).toMatchObject({ outcome: 'cancelled', message: '상담유형을 고르세요', events: ['ticket.save'] })
    expect(emitted).toEqual([])
    expect(saves()).toBe(0)
    expect(save.history).toEqual([record])
  })

  it('a hook that never answers cancels once its time is up', async () => {
    const { save, emitted } = flow([frame('app', null)])
    const record = await save.submit()
    expect(record).toMatchObject({ outcome: 'cancelled', message: 'no answer within 20 ms' })
    expect(emitted).toEqual([])
  })

  it('failNext: start, fail (with the message), always; nothing saved; the next submit saves', async () => {
    const { save, emitted, saves } = flow([])
    save.failNext('서버 오류')
    expect(save.pendingFailures).toBe(1)
    expect(await save.submit()).toMatchObject({
      outcome: 'failed',
      message: '서버 오류',
      events: ['ticket.submit.start', 'ticket.submit.fail', 'ticket.submit.always'],
    })
    expect(saves()).toBe(0)
    expect((await save.submit()).outcome).toBe('saved')
    expect(emitted).toEqual([
      'ticket.submit.start',
      'ticket.submit.fail',
      'ticket.submit.always',
      'ticket.submit.start',
      'ticket.submit.done',
      'ticket.submit.always',
    ])
  })

  it('a save that throws is a failed submit', async () => {
    const { save, emitted } = flow([], {
      save: () => Promise.reject(new Error('HTTP 503')),
    })
    expect(await save.submit()).toMatchObject({ outcome: 'failed', message: 'HTTP 503' })
    expect(emitted.at(-2)).toBe('ticket.submit.fail')
  })

  it('a second press while saving joins the first: one save', async () => {
    let release: (answer: HookAnswer) => void = () => undefined
    const slow = frame('app', () => new Promise<HookAnswer>((resolve) => (release = resolve)))
    const { save, saves } = flow([slow])
    const first = save.submit()
    const second = save.submit()
    expect(save.running).not.toBeNull()
    release({ ok: true })
    expect(await second).toBe(await first)
    expect([saves(), save.history.length, slow.asked.length]).toEqual([1, 1, 1])
    expect(save.running).toBeNull()
  })
})
