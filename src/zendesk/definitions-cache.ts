/**
 * Ticket-field definitions cached across the app's frames in the agent's browser: every ticket
 * opens a fresh frame, and without this each would read the consultation fields' definitions
 * through REST again. Definitions are configuration (titles, option names and tags), never
 * personal data: an entry holds the definitions' own parts and nothing else, copied part by part
 * on the way in and on the way out.
 *
 * One entry in the localStorage of the app's origin per set of fields, under a key with
 * {@link DEFINITIONS_CACHE_VERSION} and a scope (account and language: option names come
 * rendered in the agent's language). Any storage failure (disabled storage, quota, corrupt or
 * foreign JSON) only means "not cached": the caller reads through REST as before.
 *
 * Create one cache per frame: the re-read allowance is the frame's.
 */
import { isRecord } from './calls'
import { CACHED_OPTION, fieldDefinition } from './field-definitions'
import type { FieldDefinition } from './ticket-host'

// Loaded with the cache, for the frames that read REST (ticket-host.ts imports both lazily).
export { restDefinition } from './field-definitions'

/** Part of every key; bump it when FieldDefinition changes shape or meaning, so old entries are never read. */
export const DEFINITIONS_CACHE_VERSION = 2

/**
 * How long an entry serves: 10 minutes. An admin's change to a field (an option renamed,
 * removed, its tag changed) reaches every frame within that time without a reload; an option
 * added is seen at once, through a re-read when a configured path is not found. At one ticket
 * every 3 minutes per agent, the fields cost at most 6 REST reads per agent-hour instead of 20;
 * longer would save more but keep a removed option on screen longer.
 */
export const DEFINITIONS_TTL_MS = 10 * 60_000

/** The part of Web Storage the cache uses. */
export type DefinitionsStorage = Pick<Storage, 'getItem' | 'setItem'>

/** Where and when: injectable for tests. */
export interface DefinitionsCacheOptions {
  /** Default: the frame's localStorage ({@link browserStorage}); null: no cache. */
  storage?: DefinitionsStorage | null
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number
  ttlMs?: number
  /** The account and language the definitions are for, e.g. `acme|ko`. */
  scope?: string
}

/**
 * The cache of one frame: the definitions of these fields, from a fresh cached copy, else from
 * `read` (and kept for the next frames). With `again` (a configured path was not found in what
 * it gave): `read`'s, or null when this frame may not re-read. A re-read is allowed once per
 * frame, and only of a copy taken from the cache that was not itself such a re-read: a path
 * really missing costs one extra read per time-to-live, not one per ticket.
 */
export type DefinitionsCache = (fieldIds: readonly number[], read: () => Promise<FieldDefinition[]>, again?: boolean) => Promise<FieldDefinition[] | null>

/** The frame's localStorage, or null where reading it throws (storage disabled, sandboxed frame). */
export function browserStorage(scope: { readonly localStorage?: DefinitionsStorage } = globalThis): DefinitionsStorage | null {
  try {
    return scope.localStorage ?? null
  } catch {
    return null
  }
}

/** A definition's own parts, or null when `value` is not wholly a definition (no option dropped as malformed). */
function ownParts(value: unknown): FieldDefinition | null {
  if (!isRecord(value)) return null
  const { id, title, type, options } = value
  const copy = typeof id === 'number' && fieldDefinition(id, value, options, CACHED_OPTION)
  return copy && typeof title === 'string' && typeof type === 'string' && Array.isArray(options) && options.length === copy.options.length ? copy : null
}

/** A cache over `storage`; with no storage it caches nothing and every call reads. */
export function createDefinitionsCache({
  storage = browserStorage(),
  now = Date.now,
  ttlMs = DEFINITIONS_TTL_MS,
  scope = '',
}: DefinitionsCacheOptions = {}): DefinitionsCache {
  // This frame's: the re-read mark of the copy it took from the cache (undefined: none), and whether it re-read.
  let served: boolean | undefined
  let reread = false

  return async (fieldIds, read, again) => {
    const key = `nonmember-sidebar:fields:v${DEFINITIONS_CACHE_VERSION}:${scope}:${fieldIds.join()}`
    if (again) {
      if (served !== false) return null
      reread = true
    } else {
      try {
        const entry: unknown = JSON.parse(storage?.getItem(key) ?? '0')
        if (isRecord(entry) && Array.isArray(entry.definitions)) {
          // Fresh (not expired, nor dated ahead by a clock set back), one whole definition per field.
          const age = now() - Number(entry.at)
          const definitions = entry.definitions.map(ownParts)
          if (age >= 0 && age < ttlMs && definitions.length === fieldIds.length && definitions.every((definition, i) => definition?.id === fieldIds[i])) {
            served = entry.recheck === true
            return definitions.filter((definition) => definition !== null)
          }
        }
      } catch {
        // corrupt: read afresh, and the entry is overwritten
      }
    }
    const definitions = await read()
    try {
      storage?.setItem(key, JSON.stringify({ at: now(), recheck: reread, definitions: definitions.map(ownParts) }))
    } catch {
      // disabled storage, quota: not cached
    }
    served = undefined
    return definitions
  }
}
