// @ts-check
/**
 * JSON.parse keeps the last of two equal keys silently. ZAS parses manifest.json into a
 * `NoOverrideHash` (lib/zendesk_apps_support/manifest/no_override_hash.rb) and fails with
 * `duplicate_manifest_keys` instead. This scanner finds those duplicates in text that
 * JSON.parse has already accepted.
 */

/**
 * @typedef {{ path: string, key: string, original: unknown, attempted: unknown }} DuplicateKey
 */

/**
 * @param {string} text JSON text that JSON.parse accepts
 * @returns {DuplicateKey[]}
 */
export function findDuplicateKeys(text) {
  let pos = 0
  /** @type {DuplicateKey[]} */
  const duplicates = []
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y

  const skipWs = () => {
    while (pos < text.length && /\s/.test(text.charAt(pos))) pos++
  }
  const parseString = () => {
    const start = pos
    pos++ // opening quote
    while (text.charAt(pos) !== '"') pos += text.charAt(pos) === '\\' ? 2 : 1
    pos++ // closing quote
    return /** @type {string} */ (JSON.parse(text.slice(start, pos)))
  }
  /** @param {string} path @returns {unknown} */
  const parseValue = (path) => {
    skipWs()
    const ch = text.charAt(pos)
    if (ch === '{') {
      pos++
      /** @type {Map<string, unknown>} */
      const map = new Map()
      skipWs()
      if (text.charAt(pos) === '}') {
        pos++
        return {}
      }
      for (;;) {
        skipWs()
        const key = parseString()
        skipWs()
        pos++ // ':'
        const childPath = path === '' ? key : `${path}.${key}`
        const value = parseValue(childPath)
        if (map.has(key)) duplicates.push({ path: childPath, key, original: map.get(key), attempted: value })
        else map.set(key, value)
        skipWs()
        if (text.charAt(pos++) === '}') break
      }
      return Object.fromEntries(map)
    }
    if (ch === '[') {
      pos++
      /** @type {unknown[]} */
      const list = []
      skipWs()
      if (text.charAt(pos) === ']') {
        pos++
        return list
      }
      for (;;) {
        list.push(parseValue(`${path}[${list.length}]`))
        skipWs()
        if (text.charAt(pos++) === ']') break
      }
      return list
    }
    if (ch === '"') return parseString()
    literal.lastIndex = pos
    const match = literal.exec(text)
    if (!match) throw new Error(`findDuplicateKeys: unexpected ${JSON.stringify(ch)} at ${pos}`)
    pos += match[0].length
    return JSON.parse(match[0])
  }
  parseValue('')
  return duplicates
}
