import { describe, expect, it, vi } from 'vitest'
import { browserStorage, createDefinitionsCache, DEFINITIONS_CACHE_VERSION, DEFINITIONS_TTL_MS } from '../../src/zendesk/definitions-cache'
import type { DefinitionsCacheOptions, DefinitionsStorage } from '../../src/zendesk/definitions-cache'
import type { FieldDefinition } from '../../src/zendesk/ticket-host'
import { clock, memoryStorage } from '../support/memory-storage'

const CONSULTATION: FieldDefinition = {
  id: 360001,
  title: '상담유형',
  type: 'tagger',
  options: [
    { name: '대리_기사::정산/수수료::정산::정산금 미입금', tag: 'daeri_driver__settlement__payout__not_received' },
    { name: '대리_기사::기타/이벤트::비회원문의::기타', tag: 'daeri_driver__etc_event__nonmember__etc' },
  ],
}
const DEPTH_2: FieldDefinition = {
  id: 360012,
  title: '상담유형 2단계',
  type: 'tagger',
  options: [{ name: '대리_기사::보험', tag: 'd2_daeri_driver__insurance' }],
}

/** REST as the cache sees it: a function that answers `definitions` and counts its calls. */
function rest(definitions: FieldDefinition[] = [CONSULTATION]) {
  return vi.fn(() => Promise.resolve(definitions))
}

/** A frame's cache over shared options (storage, clock). */
const frame = (options: DefinitionsCacheOptions) => createDefinitionsCache(options)

describe('createDefinitionsCache', () => {
  it('serves the definitions one frame read to the frames after it', async () => {
    const { storage } = memoryStorage()
    const time = clock()
    const read = rest([CONSULTATION, DEPTH_2])
    expect(await frame({ storage, now: time.now })([360001, 360012], read)).toEqual([CONSULTATION, DEPTH_2])
    time.advance(60_000)
    expect(await frame({ storage, now: time.now })([360001, 360012], read)).toEqual([CONSULTATION, DEPTH_2])
    expect(read).toHaveBeenCalledTimes(1)
  })

  it('keys entries by version, scope (account and language) and the fields asked for', async () => {
    const { storage, only } = memoryStorage()
    await frame({ storage, scope: 'acme|ko' })([360001], rest())
    const [key] = only()
    expect(key).toContain(`v${DEFINITIONS_CACHE_VERSION}:`)
    expect(key).toMatch(/acme\|ko:360001$/)
    const read = rest()
    await frame({ storage, scope: 'acme|ko' })([360001], read)
    expect(read).not.toHaveBeenCalled()
    for (const [scope, ids] of [
      ['acme|en-US', [360001]],
      ['other|ko', [360001]],
      ['acme|ko', [360001, 360012]],
    ] as const) {
      const other = rest()
      await frame({ storage, scope })(ids, other)
      expect(other, `${scope} ${ids.join()}`).toHaveBeenCalledTimes(1)
    }
  })

  it('never reads an entry of another version of the cache', async () => {
    const { storage, items, only } = memoryStorage()
    await frame({ storage })([360001], rest())
    const [key, value] = only()
    items.clear()
    items.set(key.replace(`:v${DEFINITIONS_CACHE_VERSION}:`, `:v${DEFINITIONS_CACHE_VERSION - 1}:`), value)
    const read = rest()
    await frame({ storage })([360001], read)
    expect(read).toHaveBeenCalledTimes(1)
  })

  it('serves an entry for ten minutes, then reads again and keeps the new copy', async () => {
    expect(DEFINITIONS_TTL_MS).toBe(600_000)
    const { storage } = memoryStorage()
    const time = clock()
    const read = rest()
    await frame({ storage, now: time.now })([360001], read)
    time.advance(DEFINITIONS_TTL_MS - 1)
    await frame({ storage, now: time.now })([360001], read)
    expect(read).toHaveBeenCalledTimes(1)
    time.advance(1)
    await frame({ storage, now: time.now })([360001], read)
    expect(read).toHaveBeenCalledTimes(2)
    time.advance(DEFINITIONS_TTL_MS - 1)
    await frame({ storage, now: time.now })([360001], read)
    expect(read).toHaveBeenCalledTimes(2)
  })

  it('follows a time-to-live given to it', async () => {
    const { storage } = memoryStorage()
    const time = clock()
    const read = rest()
    await frame({ storage, now: time.now, ttlMs: 1_000 })([360001], read)
    time.advance(1_000)
    await frame({ storage, now: time.now, ttlMs: 1_000 })([360001], read)
    expect(read).toHaveBeenCalledTimes(2)
  })

  it('does not trust an entry dated after now (a clock set back)', async () => {
    const { storage } = memoryStorage()
    const time = clock()
    const read = rest()
    await frame({ storage, now: time.now })([360001], read)
    time.advance(-1)
    await frame({ storage, now: time.now })([360001], read)
    expect(read).toHaveBeenCalledTimes(2)
  })

  it('passes on a failed read, and keeps nothing of it', async () => {
    const { storage, items } = memoryStorage()
    const failure = new Error('503')
    await expect(frame({ storage })([360001], () => Promise.reject(failure))).rejects.toBe(failure)
    expect(items.size).toBe(0)
  })
})

describe('storage failures degrade to "no cache", silently', () => {
  it('works without storage at all', async () => {
    const read = rest()
    const cache = frame({ storage: null })
    expect(await cache([360001], read)).toEqual([CONSULTATION])
    expect(await frame({ storage: null })([360001], read)).toEqual([CONSULTATION])
    expect(read).toHaveBeenCalledTimes(2)
    expect(await cache([360001], read, true)).toBeNull()
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

  it('survives storage that throws on every call', async () => {
    const { storage } = memoryStorage({ get: true, set: true })
    const read = rest()
    expect(await frame({ storage })([360001], read)).toEqual([CONSULTATION])
    expect(await frame({ storage })([360001], read)).toEqual([CONSULTATION])
    expect(read).toHaveBeenCalledTimes(2)
  })

  it('keeps working when the quota is full: the write is lost, nothing else', async () => {
    const { storage, items } = memoryStorage({ set: true })
    expect(await frame({ storage })([360001], rest())).toEqual([CONSULTATION])
    expect(items.size).toBe(0)
  })

  it('reads afresh over corrupt and foreign entries under its key, and overwrites them', async () => {
    const { storage, items, only } = memoryStorage()
    await frame({ storage })([360001], rest())
    const [key, good] = only()
    const foreign = [
      '{not json',
      'null',
      '[]',
      JSON.stringify({ at: Date.now(), definitions: [{ ...CONSULTATION, id: 360002 }] }),
      JSON.stringify({ at: 'yesterday', definitions: [CONSULTATION] }),
      JSON.stringify({ at: Date.now(), definitions: CONSULTATION }),
      JSON.stringify({ at: Date.now(), definitions: [] }),
      JSON.stringify({ at: Date.now(), definitions: [{ id: 360001, name: '김기사', phone: '010-1234-5678' }] }),
      good.replace(/"tag"/g, '"value"'),
    ]
    for (const value of foreign) {
      items.set(key, value)
      const read = rest()
      expect(await frame({ storage })([360001], read), value).toEqual([CONSULTATION])
      expect(read, value).toHaveBeenCalledTimes(1)
      expect(items.get(key), value).toBe(good.replace(/"at":\d+/, `"at":${JSON.parse(items.get(key)!).at}`))
    }
  })
})

describe('only field definitions are stored', () => {
  const withExtra = { ...CONSULTATION, requesterName: '김기사' }
  const optionWithExtra = { ...DEPTH_2, options: [{ name: '기타', tag: 'etc', phone: '010-1234-5678' }] }

  it('writes the definitions’ own parts and nothing else, even what the types let through', async () => {
    const { storage, only } = memoryStorage()
    // Both are assignable to FieldDefinition: extra properties pass the type checker.
    const wider: FieldDefinition[] = [withExtra, optionWithExtra]
    await frame({ storage })([360001, 360012], rest(wider))
    const [, value] = only()
    expect(value).not.toMatch(/김기사|010-|phone|requesterName/)
    expect(JSON.parse(value)).toEqual({
      at: expect.any(Number),
      recheck: false,
      definitions: [CONSULTATION, { ...DEPTH_2, options: [{ name: '기타', tag: 'etc' }] }],
    })
  })

  it('keeps an option’s name as typed, when it has one', async () => {
    const { storage } = memoryStorage()
    const english: FieldDefinition = {
      ...CONSULTATION,
      options: [{ name: 'Daeri driver::Settlement/Fees::Payout::Payout not received', tag: 'x', rawName: '대리_기사::정산/수수료::정산::정산금 미입금' }],
    }
    await frame({ storage })([360001], rest([english]))
    const read = rest()
    expect(await frame({ storage })([360001], read)).toEqual([english])
    expect(read).not.toHaveBeenCalled()
  })

  const notShaped: unknown[] = [
    { id: 360001, externalId: 'driver-77', tags: ['vip'], userFields: { phone: '010-1234-5678' } },
    { ...CONSULTATION, id: '360001' },
    { ...CONSULTATION, options: 'all' },
    { ...CONSULTATION, options: [null] },
    { ...CONSULTATION, options: [{ name: '기타', tag: 7 }] },
    { ...CONSULTATION, title: null },
    { ...CONSULTATION, type: 3 },
    null,
    [CONSULTATION],
    'definition',
  ]

  it.each(notShaped.map((value) => [JSON.stringify(value), value]))('serves nothing from an entry holding %s', async (_label, value) => {
    const { storage, items } = memoryStorage()
    items.set(`nonmember-sidebar:fields:v${DEFINITIONS_CACHE_VERSION}::360001`, JSON.stringify({ at: Date.now(), recheck: false, definitions: [value] }))
    const read = rest()
    expect(await frame({ storage })([360001], read)).toEqual([CONSULTATION])
    expect(read).toHaveBeenCalledTimes(1)
  })

  it('serves the same entry once it is whole (the key above is the cache’s own)', async () => {
    const { storage, items } = memoryStorage()
    items.set(`nonmember-sidebar:fields:v${DEFINITIONS_CACHE_VERSION}::360001`, JSON.stringify({ at: Date.now(), recheck: false, definitions: [CONSULTATION] }))
    const read = rest()
    expect(await frame({ storage })([360001], read)).toEqual([CONSULTATION])
    expect(read).not.toHaveBeenCalled()
  })
})

describe('again: a re-read once when a configured path is not found', () => {
  it('reads a copy taken from the cache once more through REST, once per frame', async () => {
    const { storage } = memoryStorage()
    await frame({ storage })([360001], rest())
    const cache = frame({ storage })
    const read = rest()
    await cache([360001], read)
    expect(read).not.toHaveBeenCalled()
    expect(await cache([360001], read, true)).toEqual([CONSULTATION])
    expect(read).toHaveBeenCalledTimes(1)
    // The re-read happened; the path is still not found: no second one in this frame.
    expect(await cache([360001], read, true)).toBeNull()
    expect(read).toHaveBeenCalledTimes(1)
  })

  it('refuses a re-read of what this frame read itself through REST', async () => {
    const cache = frame({ storage: memoryStorage().storage })
    const read = rest()
    await cache([360001], read)
    expect(await cache([360001], read, true)).toBeNull()
    expect(read).toHaveBeenCalledTimes(1)
  })

  it('refuses it when this frame took nothing from the cache', async () => {
    const read = rest()
    expect(await frame({ storage: memoryStorage().storage })([360001], read, true)).toBeNull()
    expect(read).not.toHaveBeenCalled()
  })

  it('lets a copy that is itself a re-read serve the next frames without another re-read, until it expires', async () => {
    const { storage } = memoryStorage()
    const time = clock()
    const open = () => frame({ storage, now: time.now })
    const read = rest()
    await open()([360001], read)
    const second = open()
    await second([360001], read)
    expect(await second([360001], read, true)).toEqual([CONSULTATION])
    expect(read).toHaveBeenCalledTimes(2)

    time.advance(60_000)
    const third = open()
    expect(await third([360001], read)).toEqual([CONSULTATION])
    expect(await third([360001], read, true)).toBeNull()
    expect(read).toHaveBeenCalledTimes(2)

    // Once it expires, the next frame reads afresh, and a copy from the cache may be re-read again.
    time.advance(DEFINITIONS_TTL_MS)
    await open()([360001], read)
    expect(read).toHaveBeenCalledTimes(3)
    const fifth = open()
    await fifth([360001], read)
    expect(await fifth([360001], read, true)).toEqual([CONSULTATION])
    expect(read).toHaveBeenCalledTimes(4)
  })
})
