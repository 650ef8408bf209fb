/**
 * Ticket-field definitions cached across the app's frames in the agent's browser: every ticket
 * opens a fresh frame, and without this each would read the consultation field's definition
 * through REST again. Definitions are configuration (titles, option names and tags), never
 * personal data; the cache refuses anything else.
 *
 * Entries live in the localStorage of the app's origin, one per field, under a key with
 * {@link DEFINITIONS_CACHE_VERSION} and a scope (account and language: option names come
 * rendered in the agent's language). Any storage failure (disabled storage, quota, corrupt or
 * foreign JSON) only means "not cached": the caller reads through REST as before.
 *
 * Create one cache per frame: the refetch allowance of {@link DefinitionsCache.invalidate} is
 * the frame's.
 */
import { isRecord } from './calls'
import type { FieldDefinition } from './ticket-host'

/** Part of every key; bump it when FieldDefinition changes shape or meaning, so old entries are never read. */
export const DEFINITIONS_CACHE_VERSION = 1

/**
 * How long an entry serves: 10 minutes. An admin's change to a field (an option renamed,
 * removed, its tag changed) reaches every frame within that time without a reload; an option
 * added is seen at once, through `invalidate` when a configured path is not found. At one
 * ticket every 3 minutes per agent, a field costs at most 6 REST reads per agent-hour instead
 * of 20; longer would save more but keep a removed option on screen longer.
 */
export const DEFINITIONS_TTL_MS = 10 * 60_000

/** The part of Web Storage the cache uses. */
export type DefinitionsStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** Where and when: injectable for tests. */
export interface DefinitionsCacheOptions {
  /** Default: the frame's localStorage ({@link browserStorage}); null: no cache. */
  storage?: DefinitionsStorage | null
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number
  ttlMs?: number
  /** The account and language the definitions are for, e.g. `acme.zendesk.com|ko`. */
  scope?: string
}

/** The cache of one frame. */
export interface DefinitionsCache {
  /** The fresh cached definitions among these fields, and the ids left to read through REST. */
  read(fieldIds: readonly number[]): { definitions: FieldDefinition[]; missing: number[] }
  /** Keeps definitions this frame just read through REST; anything not definition-shaped is refused. */
  write(definitions: readonly FieldDefinition[]): void
  /**
   * A configured path was not found in these fields: true when the caller should read them
   * through REST again, their cached copies dropped. At most once per frame, and only for
   * copies this frame took from the cache that were not themselves such a re-read: a path
   * really missing costs one extra read per time-to-live, not one per ticket.
   */
  invalidate(fieldIds: readonly number[]): boolean
}

/** The frame's localStorage, or null where reading it throws (storage disabled, sandboxed frame). */
export function browserStorage(scope: { readonly localStorage?: DefinitionsStorage } = globalThis): DefinitionsStorage | null {
  try {
    return scope.localStorage ?? null
  } catch {
    return null
  }
}

const exactKeys = (value: Record<string, unknown>, keys: string) => Object.keys(value).sort().join() === keys

/** Whether a value is exactly a FieldDefinition: those keys, those types, nothing more. */
export function isFieldDefinition(value: unknown): value is FieldDefinition {
  return (
    isRecord(value) &&
    exactKeys(value, 'id,options,title,type') &&
    Number.isSafeInteger(value.id) &&
    typeof value.title === 'string' &&
    typeof value.type === 'string' &&
    Array.isArray(value.options) &&
    value.options.every((option) => isRecord(option) && exactKeys(option, 'name,tag') && typeof option.name === 'string' && typeof option.tag === 'string')
  )
}

/** A stored entry: when it was read, whether it was a re-read after a missing path. */
interface Entry {
  at: number
  recheck: boolean
  definition: FieldDefinition
}

function parseEntry(json: string | null | undefined, id: number): Entry | null {
  try {
    const entry: unknown = json ? JSON.parse(json) : null
    return isRecord(entry) && typeof entry.at === 'number' && isFieldDefinition(entry.definition) && entry.definition.id === id
      ? { at: entry.at, recheck: entry.recheck === true, definition: entry.definition }
      : null
  } catch {
    return null
  }
}

/** A cache over `storage`; with no storage it caches nothing and every read is missing. */
export function createDefinitionsCache({ storage = browserStorage(), now = Date.now, ttlMs = DEFINITIONS_TTL_MS, scope = '' }: DefinitionsCacheOptions = {}): DefinitionsCache {
  const key = (id: number) => `nonmember-sidebar:field-definition:v${DEFINITIONS_CACHE_VERSION}:${scope}:${id}`
  const attempt = <T>(use: (store: DefinitionsStorage) => T): T | undefined => {
    try {
      return storage ? use(storage) : undefined
    } catch {
      return undefined
    }
  }
  // This frame: copies taken from the cache (true: a re-read's), fields to be re-read, the allowance.
  const served = new Map<number, boolean>()
  const rereading = new Set<number>()
  let reread = false

  return {
    read(fieldIds) {
      const definitions: FieldDefinition[] = []
      const missing: number[] = []
      for (const id of fieldIds) {
        const json = attempt((store) => store.getItem(key(id)))
        const entry = parseEntry(json, id)
        const age = entry ? now() - entry.at : -1
        if (entry && age >= 0 && age < ttlMs) {
          definitions.push(entry.definition)
          served.set(id, entry.recheck)
        } else {
          // Expired, corrupt, foreign, or dated ahead by a clock set back: never served again.
          if (json != null) attempt((store) => store.removeItem(key(id)))
          missing.push(id)
        }
      }
      return { definitions, missing }
    },

    write(definitions) {
      for (const definition of definitions) {
        if (!isFieldDefinition(definition)) continue
        const entry: Entry = { at: now(), recheck: rereading.has(definition.id), definition }
        attempt((store) => store.setItem(key(definition.id), JSON.stringify(entry)))
        served.delete(definition.id)
      }
    },

    invalidate(fieldIds) {
      const stale = reread ? [] : fieldIds.filter((id) => served.get(id) === false)
      for (const id of stale) {
        attempt((store) => store.removeItem(key(id)))
        served.delete(id)
        rereading.add(id)
      }
      reread ||= stale.length > 0
      return stale.length > 0
    },
  }
}
