import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { zendeskApi } from '../../dev/zendesk-host/fixtures/handlers'

/**
 * The simulated account's REST API (msw) for one test file: any request it does not know fails
 * the test; after each test the handlers and the account's data are as they started. With
 * `today`, each test's account is dated from it (the requesters' earlier tickets count back from
 * it). Returns the server, for a test's own overrides.
 */
export function useZendeskApi({ today }: { today?: Date } = {}) {
  const server = setupServer(...zendeskApi.handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  if (today) beforeEach(() => zendeskApi.reset(today.getTime()))
  afterEach(() => {
    server.resetHandlers()
    zendeskApi.reset()
  })
  afterAll(() => server.close())
  return server
}
