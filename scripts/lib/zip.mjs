// @ts-check
/**
 * A small, dependency-free ZIP writer/reader (PKWARE APPNOTE 6.3.x, no ZIP64) for the app package.
 *
 * The writer is deterministic: entries are written in the order given (callers sort them), every
 * entry carries the same fixed DOS timestamp (1980-01-01 00:00:00) and the same Unix mode (0644),
 * names are stored with forward slashes and the UTF-8 flag, and each file is deflated
 * (raw DEFLATE, level 9) unless deflating would not make it smaller, in which case it is stored.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'

const SIG_LOCAL = 0x04034b50
const SIG_CENTRAL = 0x02014b50
const SIG_EOCD = 0x06054b50
const FLAG_UTF8 = 0x0800
const METHOD_STORE = 0
const METHOD_DEFLATE = 8
/** 1980-01-01 00:00:00 in MS-DOS date/time format (the earliest a ZIP can express). */
export const FIXED_DOS_TIME = 0
export const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1
const VERSION_NEEDED = 20
/** "made by" = Unix (3) << 8 | spec 2.0, so the external attributes below are read as a Unix mode. */
const VERSION_MADE_BY = (3 << 8) | 20
const UNIX_FILE_MODE = 0o100644
const MAX_U32 = 0xffffffff
const MAX_U16 = 0xffff

/**
 * @typedef {{ name: string, data: Uint8Array }} ZipInput
 * @typedef {{
 *   name: string,
 *   data: Buffer,
 *   method: number,
 *   crc32: number,
 *   compressedSize: number,
 *   size: number,
 *   dosTime: number,
 *   dosDate: number,
 *   flags: number,
 * }} ZipEntry
 */

/**
 * Builds a ZIP archive in memory.
 * @param {readonly ZipInput[]} files entries in the order they should appear; names use "/"
 * @returns {Buffer}
 */
export function createZip(files) {
  /** @type {Buffer[]} */
  const locals = []
  /** @type {Buffer[]} */
  const centrals = []
  let offset = 0
  const seen = new Set()
  for (const file of files) {
    const name = file.name
    if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
      throw new Error(`zip: refusing entry name ${JSON.stringify(name)} (must be a relative path with forward slashes)`)
    }
    if (seen.has(name)) throw new Error(`zip: duplicate entry ${JSON.stringify(name)}`)
    seen.add(name)
    const nameBytes = Buffer.from(name, 'utf8')
    const raw = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength)
    const crc = crc32(raw) >>> 0
    const deflated = deflateRawSync(raw, { level: 9 })
    const useDeflate = deflated.length < raw.length
    const body = useDeflate ? deflated : raw
    const method = useDeflate ? METHOD_DEFLATE : METHOD_STORE
    if (raw.length > MAX_U32 || body.length > MAX_U32 || nameBytes.length > MAX_U16) {
      throw new Error(`zip: entry ${name} is too large for a non-ZIP64 archive`)
    }

    const local = Buffer.alloc(30)
    local.writeUInt32LE(SIG_LOCAL, 0)
    local.writeUInt16LE(VERSION_NEEDED, 4)
    local.writeUInt16LE(FLAG_UTF8, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(FIXED_DOS_TIME, 10)
    local.writeUInt16LE(FIXED_DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    local.writeUInt16LE(0, 28)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(SIG_CENTRAL, 0)
    central.writeUInt16LE(VERSION_MADE_BY, 4)
    central.writeUInt16LE(VERSION_NEEDED, 6)
    central.writeUInt16LE(FLAG_UTF8, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(FIXED_DOS_TIME, 12)
    central.writeUInt16LE(FIXED_DOS_DATE, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(raw.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt16LE(0, 30) // extra length
    central.writeUInt16LE(0, 32) // comment length
    central.writeUInt16LE(0, 34) // disk number start
    central.writeUInt16LE(0, 36) // internal attributes
    central.writeUInt32LE((UNIX_FILE_MODE << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)

    locals.push(local, nameBytes, body)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + body.length
    if (offset > MAX_U32) throw new Error('zip: archive too large for a non-ZIP64 archive')
  }
  if (files.length > MAX_U16) throw new Error('zip: too many entries for a non-ZIP64 archive')
  const centralDir = Buffer.concat(centrals)
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(SIG_EOCD, 0)
  eocd.writeUInt16LE(0, 4) // this disk
  eocd.writeUInt16LE(0, 6) // disk with central directory
  eocd.writeUInt16LE(files.length, 8)
  eocd.writeUInt16LE(files.length, 10)
  eocd.writeUInt32LE(centralDir.length, 12)
  eocd.writeUInt32LE(offset, 16)
  eocd.writeUInt16LE(0, 20) // comment length
  return Buffer.concat([...locals, centralDir, eocd])
}

/**
 * Reads every entry of a ZIP archive through its central directory, inflating the data and
 * checking each entry's size and CRC-32 against the directory (throws on any mismatch).
 * @param {Uint8Array} archive
 * @returns {ZipEntry[]}
 */
export function readZipEntries(archive) {
  const buf = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength)
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - MAX_U16); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('zip: end of central directory record not found')
  const count = buf.readUInt16LE(eocd + 10)
  const cdSize = buf.readUInt32LE(eocd + 12)
  let p = buf.readUInt32LE(eocd + 16)
  if (p + cdSize > eocd) throw new Error('zip: central directory lies outside the archive')
  /** @type {ZipEntry[]} */
  const entries = []
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== SIG_CENTRAL) throw new Error(`zip: bad central directory signature at ${p}`)
    const flags = buf.readUInt16LE(p + 8)
    const method = buf.readUInt16LE(p + 10)
    const dosTime = buf.readUInt16LE(p + 12)
    const dosDate = buf.readUInt16LE(p + 14)
    const crc = buf.readUInt32LE(p + 16)
    const compressedSize = buf.readUInt32LE(p + 20)
    const size = buf.readUInt32LE(p + 24)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    const localOffset = buf.readUInt32LE(p + 42)
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1')
    p += 46 + nameLen + extraLen + commentLen

    if (buf.readUInt32LE(localOffset) !== SIG_LOCAL) throw new Error(`zip: bad local header for ${name}`)
    const localNameLen = buf.readUInt16LE(localOffset + 26)
    const localExtraLen = buf.readUInt16LE(localOffset + 28)
    const start = localOffset + 30 + localNameLen + localExtraLen
    const body = buf.subarray(start, start + compressedSize)
    /** @type {Buffer} */
    let data
    if (method === METHOD_STORE) data = Buffer.from(body)
    else if (method === METHOD_DEFLATE) data = inflateRawSync(body)
    else throw new Error(`zip: ${name} uses unsupported compression method ${method}`)
    if (data.length !== size) throw new Error(`zip: ${name} inflated to ${data.length} bytes, directory says ${size}`)
    const actual = crc32(data) >>> 0
    if (actual !== crc) throw new Error(`zip: CRC mismatch for ${name}`)
    entries.push({ name, data, method, crc32: crc, compressedSize, size, dosTime, dosDate, flags })
  }
  return entries
}
