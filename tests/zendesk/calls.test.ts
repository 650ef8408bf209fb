import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createZafCalls, parseRetryAfter, ZendeskError, type ZendeskFailure } from '../../src/zendesk/calls'
import { FakeZafClient } from '../support/fake-zaf'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

async function failureOf(promise: Promise<unknown>): Promise<ZendeskFailure> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ZendeskError)
  return (error as ZendeskError).failure
}

describe('get', () => {
  it('returns every readable path and lists the unreadable ones apart', async () => {
    const client = new FakeZafClient({ 'ticket.id': 7 })
    const result = await createZafCalls(client).get(['ticket.id', 'ticket.customField:custom_field_9'])
    expect(result.values).toEqual({ 'ticket.id': 7 })
    expect(Object.keys(result.errors)).toEqual(['ticket.customField:custom_field_9'])
  })

  it.each([
    ['resolve-error', 'host'],
    ['timeout-object', 'timeout'],
    ['reject', 'host'],
  ] as const)('turns an SDK %s into a %s failure instead of a result', async (fault, kind) => {
    const client = new FakeZafClient({ 'ticket.id': 7 })
    client.faults['ticket.id'] = fault
    expect((await failureOf(createZafCalls(client).get(['ticket.id']))).kind).toBe(kind)
  })

  it('gives up on a call that never answers after its own time limit', async () => {
    vi.useFakeTimers()
    try {
      const client = new FakeZafClient({ 'ticket.id': 7 })
      client.faults['ticket.id'] = 'never'
      const pending = failureOf(createZafCalls(client, 3000).get(['ticket.id']))
      await vi.advanceTimersByTimeAsync(3000)
      expect(await pending).toEqual({ kind: 'timeout', call: 'get ticket.id', afterMs: 3000 })
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('set and invoke', () => {
  it('fails a set whose path the host rejects, naming the path', async () => {
    const client = new FakeZafClient()
    client.faults['ticket.customField:custom_field_1'] = 'resolve-error'
    const failure = await failureOf(createZafCalls(client).set({ 'ticket.customField:custom_field_1': 'tag_a' }))
    expect(failure).toMatchObject({ kind: 'host' })
  })

  it('invokes with the arguments given', async () => {
    const client = new FakeZafClient()
    await createZafCalls(client).invoke('ticket.editor.insert', '안녕하세요')
    expect(client.calls).toEqual([{ type: 'invoke', action: 'ticket.editor.insert', args: ['안녕하세요'] }])
  })
})

describe('request', () => {
  const url = '/api/v2/users/5.json'
  const endpoint = 'https://example.zendesk.com/api/v2/users/5.json'

  it('returns the JSON body and the headers of a 2xx answer', async () => {
    server.use(http.get(endpoint, () => HttpResponse.json({ user: { id: 5 } }, { headers: { 'X-Rate-Limit': '700' } })))
    const response = await createZafCalls(new FakeZafClient()).request<{ user: { id: number } }>({ url })
    expect(response.body.user.id).toBe(5)
    expect(response.headers['x-rate-limit']).toBe('700')
  })

  it.each([
    [401, { error: "Couldn't authenticate you" }, "Couldn't authenticate you"],
    [403, { error: 'Forbidden', description: 'You do not have access to this page.' }, 'You do not have access to this page.'],
    [404, { error: 'RecordNotFound', description: 'Not found' }, 'Not found'],
    [422, { error: 'RecordInvalid', description: 'Record validation errors' }, 'Record validation errors'],
    [500, { error: { title: 'Internal Server Error', message: 'Something went wrong' } }, 'Internal Server Error: Something went wrong'],
  ])('turns HTTP %i into an http failure with Zendesk’s message', async (status, body, message) => {
    server.use(http.get(endpoint, () => HttpResponse.json(body, { status })))
    expect(await failureOf(createZafCalls(new FakeZafClient()).request({ url }))).toEqual({
      kind: 'http',
      call: `GET ${url}`,
      status,
      message,
    })
  })

  it('carries Retry-After of a 429', async () => {
    server.use(http.get(endpoint, () => HttpResponse.json({ error: 'TooManyRequests' }, { status: 429, headers: { 'Retry-After': '7' } })))
    expect(await failureOf(createZafCalls(new FakeZafClient()).request({ url }))).toMatchObject({
      kind: 'http',
      status: 429,
      retryAfterSeconds: 7,
    })
  })

  it('asks the host never to retry by itself: one retry policy, ours (retry.ts)', async () => {
    server.use(http.get(endpoint, () => HttpResponse.json({ user: { id: 5 } })))
    const client = new FakeZafClient()
    await createZafCalls(client).request({ url, type: 'GET' })
    server.use(http.put(endpoint, () => HttpResponse.json({ user: { id: 5 } })))
    await createZafCalls(client).request({ url, type: 'PUT', data: '{}' })
    const sent = client.calls.flatMap((call) => (call.type === 'request' ? [call.options] : []))
    expect(sent).toHaveLength(2)
    for (const options of sent) expect(options).toMatchObject({ autoRetry: false, httpCompleteResponse: true })
  })

  it('a write that outlives our time limit: the time-out carries the call still under way, which settles when the host answers', async () => {
    let answer = () => {}
    const answered = new Promise<void>((done) => (answer = done))
    server.use(
      http.put(endpoint, async () => {
        await answered
        return HttpResponse.json({ user: { id: 5 } })
      }),
    )
    const error: unknown = await createZafCalls(new FakeZafClient(), 50)
      .request({ url, type: 'PUT', data: '{}' })
      .catch((reason: unknown) => reason)
    if (!(error instanceof ZendeskError) || !error.settled) throw new Error('expected a time-out with the call under way')
    expect(error.failure.kind).toBe('timeout')
    let settled = false
    void error.settled.then(() => (settled = true))
    await new Promise((done) => setTimeout(done, 20))
    expect(settled).toBe(false)
    answer()
    await error.settled
    expect(settled).toBe(true)
  })

  it('refuses a 2xx body that is not JSON', async () => {
    server.use(http.get(endpoint, () => new HttpResponse('<html>maintenance</html>', { status: 200 })))
    expect(await failureOf(createZafCalls(new FakeZafClient()).request({ url }))).toEqual({
      kind: 'not_json',
      call: `GET ${url}`,
      status: 200,
    })
  })
})

describe('parseRetryAfter', () => {
  it.each([
    ['12', 12],
    [' 3 ', 3],
    ['Wed, 25 Nov 2026 10:00:30 GMT', 30],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (value, seconds) => {
    expect(parseRetryAfter(value, Date.parse('Wed, 25 Nov 2026 10:00:00 GMT'))).toBe(seconds)
  })
})
