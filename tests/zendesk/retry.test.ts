import { describe, expect, it } from 'vitest'
import { hostError, ZendeskError, type ZendeskFailure } from '../../src/zendesk/calls'
import { patiently, retryDelay } from '../../src/zendesk/retry'

const http = (status: number, retryAfterSeconds?: number): ZendeskFailure => ({
  kind: 'http',
  call: 'GET /api/v2/users/1.json',
  status,
  message: '',
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
})

describe('retryDelay', () => {
  it.each<[string, ZendeskFailure, number | null]>([
    ['a 429 with Retry-After', http(429, 4), 4],
    ['a 429 without', http(429), 2],
    ['a 429 asking for no wait: at least a second', http(429, 0), 1],
    ['a 429 asking for an hour: at most a minute', http(429, 3600), 60],
    ['a 503', http(503, 4), null],
    ['a 404', http(404), null],
    ['a time-out', { kind: 'timeout', call: 'get', afterMs: 10_000 }, null],
    ['a host error', hostError('set', 'closed').failure, null],
    ['an answer that is not JSON', { kind: 'not_json', call: 'GET /x', status: 200 }, null],
  ])('%s → %s', (_label, failure, seconds) => {
    expect(retryDelay(failure)).toBe(seconds)
  })
})

/** A call that fails with these failures in turn, then answers 'ok'. */
function failing(...failures: ZendeskFailure[]) {
  let calls = 0
  const run = async () => {
    const failure = failures[calls++]
    if (failure) throw new ZendeskError(failure)
    return 'ok'
  }
  return { run, calls: () => calls }
}

describe('patiently', () => {
  it('waits before each new attempt, with the attempt that follows', async () => {
    const waits: [number, number][] = []
    const call = failing(http(429, 4), http(429))
    expect(await patiently(call.run, 3, async (seconds, attempt) => void waits.push([seconds, attempt]))).toBe('ok')
    expect(waits).toEqual([
      [4, 2],
      [2, 3],
    ])
    expect(call.calls()).toBe(3)
  })

  it('gives up after `limit` tries with the last failure', async () => {
    const call = failing(http(429, 1), http(429, 2), http(429, 3))
    await expect(patiently(call.run, 2, async () => {})).rejects.toMatchObject({ failure: { status: 429, retryAfterSeconds: 2 } })
    expect(call.calls()).toBe(2)
  })

  it('does not try again what waiting cannot fix', async () => {
    const waits: number[] = []
    const call = failing(http(500))
    await expect(patiently(call.run, 3, async (seconds) => void waits.push(seconds))).rejects.toMatchObject({ failure: { status: 500 } })
    expect(waits).toEqual([])
    expect(call.calls()).toBe(1)
  })

  it('stops when the wait throws (the answer is no longer wanted)', async () => {
    const call = failing(http(429), http(429))
    await expect(
      patiently(call.run, 3, async () => {
        throw new Error('moved on')
      }),
    ).rejects.toThrow('moved on')
    expect(call.calls()).toBe(1)
  })

  it('an error that is not Zendesk’s is not retried', async () => {
    let calls = 0
    const run = () => {
      calls++
      return Promise.reject(new TypeError('bug'))
    }
    await expect(patiently(run, 3, async () => {})).rejects.toThrow(TypeError)
    expect(calls).toBe(1)
  })
})
