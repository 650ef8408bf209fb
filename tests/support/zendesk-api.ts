import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { handlers, zendeskApi } from '../../dev/zendesk-host/fixtures/handlers'

/**
 * The simulated account's REST API (msw) for one test file: any request it does not know fails
 * the test; after each test the handlers and the account's data are as they started.
 */
export function useZendeskApi() {
  const server = setupServer(...handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    zendeskApi.reset()
  })
  afterAll(() => server.close())
  return server
}
