/**
 * localStorage as a Map for the cross-frame caches' tests; `fail` makes the named methods throw
 * as browsers do (a denied third-party frame, a full quota).
 */
export function memoryStorage(fail: { get?: boolean; set?: boolean; remove?: boolean } = {}) {
  const items = new Map<string, string>()
  const storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
    getItem(key) {
      if (fail.get) throw new DOMException('The operation is insecure.', 'SecurityError')
      return items.get(key) ?? null
    },
    setItem(key, value) {
      if (fail.set) throw new DOMException('Quota exceeded', 'QuotaExceededError')
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
  return { storage, items, only }
}

/** A clock the test moves. */
export function clock(start = 1_780_000_000_000) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}
