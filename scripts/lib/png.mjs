// @ts-check
/**
 * Reads a PNG's dimensions from its IHDR chunk (PNG spec §5.2 signature, §11.2.2 IHDR), with no
 * image library. Also checks the IHDR CRC so a truncated or hand-edited header is caught.
 */
import { crc32 } from 'node:zlib'

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * @typedef {{ ok: true, width: number, height: number, bitDepth: number, colorType: number }
 *   | { ok: false, reason: string }} PngInfo
 */

/**
 * @param {Uint8Array} bytes
 * @returns {PngInfo}
 */
export function readPngInfo(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return { ok: false, reason: 'it does not start with the PNG signature' }
  }
  if (buf.length < 33) return { ok: false, reason: 'it is truncated before the end of the IHDR chunk' }
  const length = buf.readUInt32BE(8)
  const type = buf.subarray(12, 16).toString('latin1')
  if (type !== 'IHDR' || length !== 13) return { ok: false, reason: 'its first chunk is not a 13-byte IHDR' }
  const storedCrc = buf.readUInt32BE(29)
  if (crc32(buf.subarray(12, 29)) >>> 0 !== storedCrc) return { ok: false, reason: 'its IHDR chunk has a bad CRC' }
  const width = buf.readUInt32BE(16)
  const height = buf.readUInt32BE(20)
  if (width === 0 || height === 0) return { ok: false, reason: 'its IHDR declares a zero width or height' }
  return { ok: true, width, height, bitDepth: buf.readUInt8(24), colorType: buf.readUInt8(25) }
}
