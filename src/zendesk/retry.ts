/**
 * Waiting out Zendesk's rate limit (429 with Retry-After). When to try again is decided here,
 * apart from what failed (calls.ts) and from how the caller waits and what it shows meanwhile.
 */
import { failureOf, type ZendeskFailure } from './calls'

/**
 * Seconds to wait before trying a failed call again, or null when trying again would not help:
 * only a 429 is retried, after its Retry-After (2 s when it gives none), kept within 1–60 s.
 */
export function retryDelay(failure: ZendeskFailure): number | null {
  return failure.kind === 'http' && failure.status === 429 ? Math.min(Math.max(failure.retryAfterSeconds ?? 2, 1), 60) : null
}

/**
 * Runs a call, trying again after each retryable failure until `limit` tries are used. `wait`
 * waits the seconds before the given attempt (2, 3, …); it may throw to stop trying.
 */
export async function patiently<T>(run: () => Promise<T>, limit: number, wait: (seconds: number, attempt: number) => Promise<void>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      const seconds = attempt < limit ? retryDelay(failureOf(error)) : null
      if (seconds === null) throw error
      await wait(seconds, attempt + 1)
    }
  }
}
