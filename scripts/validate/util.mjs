// @ts-check
/** Small helpers shared by the rule modules. */
import { basename } from 'node:path'

/** @typedef {Record<string, unknown>} JsonObject */

/** @param {unknown} v @returns {v is JsonObject} */
export function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Ruby truthiness: everything but nil and false. @param {unknown} v */
export function rubyTruthy(v) {
  return v !== undefined && v !== null && v !== false
}

/** Present in the JSON (Ruby: not nil). @param {unknown} v */
export function present(v) {
  return v !== undefined && v !== null
}

/** How a JSON value is shown inside a message. @param {unknown} v */
export function show(v) {
  if (typeof v === 'string') return v
  if (v === undefined) return 'undefined'
  return JSON.stringify(v)
}

/** @param {unknown} v */
export function jsonType(v) {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v === 'object' ? 'object' : typeof v
}

/** @param {number} count @param {string} one @param {string} other */
export function plural(count, one, other) {
  return count === 1 ? one : other
}

/** @param {string} s */
export function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** @param {string} path */
export function extensionOf(path) {
  const name = basename(path)
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase()
}

/** @param {Buffer} buf @returns {(bytes: number[]) => boolean} */
function startsWith(buf) {
  return (bytes) => bytes.every((b, i) => buf.length > i && buf.readUInt8(i) === b)
}

/** MimeMagic.by_magic, reduced to the subtypes in UNSUPPORTED_MIME_TYPES it can report. @param {Buffer} buf */
export function magicSubtype(buf) {
  const starts = startsWith(buf)
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) return 'zip'
  if (starts([0x1f, 0x8b])) return 'gzip'
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  if (starts([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'vnd.rar'
  if (starts([0x49, 0x44, 0x33]) || starts([0x00, 0x00, 0x01, 0xba]) || starts([0x00, 0x00, 0x01, 0xb3])) return 'mpeg'
  return null
}

/** Executable formats by magic bytes. @param {Buffer} buf */
export function executableMagic(buf) {
  const starts = startsWith(buf)
  if (starts([0x7f, 0x45, 0x4c, 0x46])) return 'an ELF executable'
  if (starts([0x4d, 0x5a]) && buf.length >= 64) return 'a Windows (MZ) executable'
  for (const m of [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ]) {
    if (starts(m)) return 'a Mach-O executable'
  }
  if (starts([0x00, 0x61, 0x73, 0x6d])) return 'a WebAssembly module'
  return null
}

/** ipaddress_2's private?/loopback?/link_local? for IPv4. @param {string} ip */
export function blockedIpType(ip) {
  const [a = 0, b = 0] = ip.split('.').map(Number)
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private'
  if (a === 127) return 'loopback'
  if (a === 169 && b === 254) return 'link-local'
  return null
}

/** Gem::Version comparison of a framework version against 2. @param {unknown} v */
export function isIframeOnly(v) {
  if (typeof v !== 'string' || !/^\d+(\.\d+)*$/.test(v)) return false
  return Number(v.split('.')[0]) >= 2
}
