import { describe, expect, it } from 'vitest'
import {
  browserStorage,
  createDefinitionsCache,
  DEFINITIONS_CACHE_VERSION,
  DEFINITIONS_TTL_MS,
  isFieldDefinition,
} from '../../src/zendesk/definitions-cache'
import type { DefinitionsStorage } from '../../src/zendesk/definitions-cache'
import type { FieldDefinition } from '../../src/zendesk/ticket-host'

/** localStorage as a Map, counting writes; `fail` makes the named methods throw as browsers do. */
function memoryStorage(fail: { get?: boolean; set?: boolean; remove?: boolean } = {}) {
  const items = new Map<string, string>()
  const writes: string[] = []
  const storage: DefinitionsStorage = {
    getItem(key) {
      if (fail.get) throw new DOMException('The operation is insecure.', 'SecurityError')
      return items.get(key) ?? null
    },
    setItem(key, value) {
      if (fail.set) throw new DOMException('Quota exceeded', 'QuotaExceededError')
      writes.push(key)
      items.set(key, String(value))
    },
    removeItem(key) {
      if (fail.remove) throw new DOMException('The operation is insecure.', 'SecurityError')
      items.delete(key)
    },
  }
  /** The one entry stored, as [key, value]. */
  const only = (): [string, string] => {
    const [entry, ...more] = items
    if (!entry || more.length) throw new Error(`expected one entry, found ${items.size}`)
    return entry
  }
  return { storage, items, writes, only }
}

/** A clock the test moves. */
function clock(start = 1_780_000_000_000) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

const CONSULTATION: FieldDefinition = {
  id: 360001,
  title: '상담유형',
  type: 'tagger',
  options: [
    { name: '대리_기사::정산/수수료::정산::정산금 미입금', tag: 'daeri_driver__settlement__payout__not_received' },
    { name: '대리_기사::기타/이벤트::비회원문의::기타', tag: 'daeri_driver__etc_event__nonmember__etc' },
  ],
}
const DEPTH_2: FieldDefinition = { id: 360012, title: '상담유형 2단계', type: 'tagger', options: [{ name: '대리_기사::보험', tag: 'd2_daeri_driver__insurance' }] }

describe('createDefinitionsCache', () => {
  it('serves a definition one frame read to the frames after it', () => {
    const { storage } = memoryStorage()
    const time = clock()
    const first = createDefinitionsCache({ storage, now: time.now })
    expect(first.read([360001, 360012])).toEqual({ definitions: [], missing: [360001, 360012] })
    first.write([CONSULTATION, DEPTH_2])

    time.advance(60_000)
    const next = createDefinitionsCache({ storage, now: time.now })
    expect(next.read([360001, 360012, 360099])).toEqual({ definitions: [CONSULTATION, DEPTH_2], missing: [360099] })
  })

  it('keys entries by field id and version, and keeps scopes (accounts, languages) apart', () => {
    const { storage, only } = memoryStorage()
    createDefinitionsCache({ storage, scope: 'acme.zendesk.com|ko' }).write([CONSULTATION])
    const [key] = only()
    expect(key).toContain(`v${DEFINITIONS_CACHE_VERSION}:`)
    expect(key).toMatch(/:360001$/)
    expect(createDefinitionsCache({ storage, scope: 'acme.zendesk.com|ko' }).read([360001]).missing).toEqual([])
    expect(createDefinitionsCache({ storage, scope: 'acme.zendesk.com|en' }).read([360001]).missing).toEqual([360001])
    expect(createDefinitionsCache({ storage, scope: 'other.zendesk.com|ko' }).read([360001]).missing).toEqual([360001])
  })

  it('never reads an entry of another version of the cache', () => {
    const { storage, items, only } = memoryStorage()
    createDefinitionsCache({ storage }).write([CONSULTATION])
    const [key, value] = only()
    items.clear()
    items.set(key.replace(`:v${DEFINITIONS_CACHE_VERSION}:`, `:v${DEFINITIONS_CACHE_VERSION + 1}:`), value)
    expect(createDefinitionsCache({ storage }).read([360001]).missing).toEqual([360001])
  })

  it('serves an entry for ten minutes, then drops it', () => {
    expect(DEFINITIONS_TTL_MS).toBe(600_000)
    const { storage, items } = memoryStorage()
    const time = clock()
    createDefinitionsCache({ storage, now: time.now }).write([CONSULTATION])
    time.advance(DEFINITIONS_TTL_MS - 1)
    expect(createDefinitionsCache({ storage, now: time.now }).read([360001]).definitions).toEqual([CONSULTATION])
    time.advance(1)
    expect(createDefinitionsCache({ storage, now: time.now }).read([360001]).missing).toEqual([360001])
    expect(items.size).toBe(0)
  })

  it('follows a time-to-live given to it', () => {
    const { storage } = memoryStorage()
    const time = clock()
    createDefinitionsCache({ storage, now: time.now, ttlMs: 1_000 }).write([CONSULTATION])
    time.advance(1_000)
    expect(createDefinitionsCache({ storage, now: time.now, ttlMs: 1_000 }).read([360001]).missing).toEqual([360001])
  })

  it('does not trust an entry dated after now (a clock set back)', () => {
    const { storage, items } = memoryStorage()
    const time = clock()
    createDefinitionsCache({ storage, now: time.now }).write([CONSULTATION])
    time.advance(-1)
    expect(createDefinitionsCache({ storage, now: time.now }).read([360001]).missing).toEqual([360001])
    expect(items.size).toBe(0)
  })
})

describe('storage failures degrade to "no cache", silently', () => {
  it('works without storage at all', () => {
    const cache = createDefinitionsCache({ storage: null })
    cache.write([CONSULTATION])
    expect(cache.read([360001])).toEqual({ definitions: [], missing: [360001] })
    expect(cache.invalidate([360001])).toBe(false)
  })

  it('finds no storage where reading localStorage throws or where there is none', () => {
    const disabled = {
      get localStorage(): DefinitionsStorage {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    }
    expect(browserStorage(disabled)).toBeNull()
    expect(browserStorage({})).toBeNull()
    const { storage } = memoryStorage()
    expect(browserStorage({ localStorage: storage })).toBe(storage)
  })

  it('survives storage that throws on every call', () => {
    const { storage } = memoryStorage({ get: true, set: true, remove: true })
    const cache = createDefinitionsCache({ storage })
    expect(() => cache.write([CONSULTATION])).not.toThrow()
    expect(cache.read([360001])).toEqual({ definitions: [], missing: [360001] })
    expect(cache.invalidate([360001])).toBe(false)
  })

  it('keeps working when the quota is full: the write is lost, nothing else', () => {
    const { storage, items } = memoryStorage({ set: true })
    const cache = createDefinitionsCache({ storage })
    expect(() => cache.write([CONSULTATION])).not.toThrow()
    expect(items.size).toBe(0)
    expect(cache.read([360001]).missing).toEqual([360001])
  })

  it('drops corrupt and foreign entries under its keys', () => {
    const { storage, items, only } = memoryStorage()
    createDefinitionsCache({ storage }).write([CONSULTATION])
    const [key, good] = only()
    const foreign = [
      '{not json',
      'null',
      '[]',
      JSON.stringify({ at: Date.now(), definition: { ...CONSULTATION, id: 360002 } }),
      JSON.stringify({ at: 'yesterday', definition: CONSULTATION }),
      JSON.stringify({ at: Date.now(), definition: { id: 360001, name: '김기사', phone: '010-1234-5678' } }),
      good.replace('"tag"', '"value"'),
    ]
    for (const value of foreign) {
      items.set(key, value)
      expect(createDefinitionsCache({ storage }).read([360001]).missing, value).toEqual([360001])
      expect(items.has(key), value).toBe(false)
    }
  })
})

describe('only field definitions are stored', () => {
  const requesterRecord = { id: 900001, externalId: 'driver-77', tags: ['vip'], userFields: { phone: '010-1234-5678' } }
  const withExtra = { ...CONSULTATION, requesterName: '김기사' }
  const optionWithExtra = { ...CONSULTATION, options: [{ name: '기타', tag: 'etc', phone: '010-1234-5678' }] }
  const notShaped: unknown[] = [
    requesterRecord,
    withExtra,
    optionWithExtra,
    { ...CONSULTATION, id: '360001' },
    { ...CONSULTATION, id: 1.5 },
    { ...CONSULTATION, options: 'all' },
    { ...CONSULTATION, options: [null] },
    { ...CONSULTATION, title: null },
    null,
    [CONSULTATION],
    'definition',
  ]

  it.each(notShaped.map((value) => [JSON.stringify(value), value]))('refuses %s', (_label, value) => {
    expect(isFieldDefinition(value)).toBe(false)
  })

  it('writes nothing that is not exactly a definition, even when the types let it through', () => {
    const { storage, writes } = memoryStorage()
    const cache = createDefinitionsCache({ storage })
    // Both are assignable to FieldDefinition: extra properties pass the type checker.
    const wider: FieldDefinition[] = [withExtra, optionWithExtra]
    cache.write(wider)
    expect(writes).toEqual([])
    cache.write([CONSULTATION, withExtra])
    expect(writes).toHaveLength(1)
    expect(isFieldDefinition(CONSULTATION)).toBe(true)
    expect(isFieldDefinition({ id: 1, title: '', type: 'tagger', options: [] })).toBe(true)
  })
})

describe('invalidate: a refetch once when a configured path is not found', () => {
  it('drops a cached copy and asks for one re-read, once per frame', () => {
    const { storage } = memoryStorage()
    createDefinitionsCache({ storage }).write([CONSULTATION, DEPTH_2])
    const frame = createDefinitionsCache({ storage })
    frame.read([360001, 360012])
    expect(frame.invalidate([360001])).toBe(true)
    expect(frame.read([360001]).missing).toEqual([360001])
    // The re-read happened; the path is still not found: no second refetch in this frame.
    frame.write([CONSULTATION])
    expect(frame.invalidate([360001])).toBe(false)
    expect(frame.invalidate([360012])).toBe(false)
  })

  it('refuses a re-read of what this frame read itself through REST', () => {
    const { storage } = memoryStorage()
    const frame = createDefinitionsCache({ storage })
    expect(frame.read([360001]).missing).toEqual([360001])
    frame.write([CONSULTATION])
    expect(frame.invalidate([360001])).toBe(false)
    expect(frame.invalidate([360012])).toBe(false)
    expect(frame.read([360001]).definitions).toEqual([CONSULTATION])
  })

  it('refuses it too when this frame replaced a cached copy with its own read', () => {
    const { storage } = memoryStorage()
    createDefinitionsCache({ storage }).write([CONSULTATION])
    const frame = createDefinitionsCache({ storage })
    expect(frame.read([360001]).definitions).toEqual([CONSULTATION])
    frame.write([CONSULTATION])
    expect(frame.invalidate([360001])).toBe(false)
  })

  it('lets a copy that is itself a re-read serve the next frames without another refetch, until it expires', () => {
    const { storage } = memoryStorage()
    const time = clock()
    const open = () => createDefinitionsCache({ storage, now: time.now })
    open().write([CONSULTATION])
    const second = open()
    second.read([360001])
    expect(second.invalidate([360001])).toBe(true)
    second.write([CONSULTATION])

    time.advance(60_000)
    const third = open()
    expect(third.read([360001]).definitions).toEqual([CONSULTATION])
    expect(third.invalidate([360001])).toBe(false)

    // Once it expires, the next frame reads afresh, and a copy from the cache may be re-read again.
    time.advance(DEFINITIONS_TTL_MS)
    const fourth = open()
    expect(fourth.read([360001]).missing).toEqual([360001])
    fourth.write([CONSULTATION])
    const fifth = open()
    fifth.read([360001])
    expect(fifth.invalidate([360001])).toBe(true)
  })

  it('asks for nothing about fields it never served', () => {
    const frame = createDefinitionsCache({ storage: memoryStorage().storage })
    expect(frame.invalidate([360001])).toBe(false)
    expect(frame.invalidate([])).toBe(false)
  })
})
