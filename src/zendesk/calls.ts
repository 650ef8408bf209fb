/**
 * The failure side of the Zendesk boundary, for modules that only need to recognise or explain a
 * failed call, and the raw calls for their tests. The code lives in ticket-host.ts.
 */
export { createZafCalls, parseRetryAfter, ZendeskError } from './ticket-host'
export type { GetResult, RestResponse, ZafCalls, ZendeskFailure } from './ticket-host'
