/**
 * Test helpers for the package validator/packager: real PNGs made with node:zlib, a minimal valid
 * app package written to a temp dir, and an independent ZIP central-directory reader (so the zip
 * writer is not checked against its own reader).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { crc32, deflateSync, inflateRawSync } from 'node:zlib'

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData) >>> 0)
  return Buffer.concat([length, typeAndData, crc])
}

/** A real RGBA PNG (8-bit, colour type 6) of the given size, filled with one colour. */
export function makePng(width: number, height: number, rgba: [number, number, number, number] = [3, 54, 61, 255]): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.writeUInt8(8, 8) // bit depth
  ihdr.writeUInt8(6, 9) // colour type RGBA
  ihdr.writeUInt8(0, 10) // compression
  ihdr.writeUInt8(0, 11) // filter
  ihdr.writeUInt8(0, 12) // interlace
  const row = Buffer.alloc(1 + width * 4)
  for (let x = 0; x < width; x++) row.set(rgba, 1 + x * 4)
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export type Json = Record<string, unknown>

/** Every file of the fixture package, in the sorted order the validator and the zip list them. */
export const FIXTURE_FILES = [
  'assets/app-abc123.js',
  'assets/iframe.html',
  'assets/logo-small.png',
  'assets/logo.png',
  'manifest.json',
  'translations/en.json',
  'translations/ko.json',
]

export function validManifest(): Json {
  return {
    name: 'Fixture App',
    author: { name: 'Fixture Author', email: 'apps@fixture-author.dev', url: 'https://fixture-author.dev/apps' },
    defaultLocale: 'ko',
    private: true,
    location: { support: { ticket_sidebar: { url: 'assets/iframe.html', flexible: true } } },
    version: '0.1.0',
    frameworkVersion: '2.0',
    parameters: [
      { name: 'member_marker_source', type: 'text', required: false, default: 'user_field' },
      { name: 'show_debug', type: 'checkbox', required: false, default: false },
    ],
  }
}

export function validTranslation(lang: 'en' | 'ko'): Json {
  const t = lang === 'en'
  return {
    app: {
      name: t ? 'Fixture App' : '픽스처 앱',
      short_description: t ? 'Short description' : '짧은 설명',
      long_description: t ? 'Long description' : '긴 설명',
      installation_instructions: t ? 'Install it.' : '설치하세요.',
      parameters: {
        member_marker_source: { label: t ? 'Member marker source' : '회원 표시 출처', helpText: t ? 'Where to look' : '찾을 곳' },
        show_debug: { label: t ? 'Show debug' : '디버그 표시' },
      },
    },
    sidebar: { title: { title: 'Title for translators', value: t ? 'Sidebar' : '사이드바' } },
  }
}

export const IFRAME_HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>app</title><script type="module" src="./app-abc123.js"></script></head><body><div id="root"></div></body></html>\n'
export const APP_JS = 'const client = window.ZAFClient.init();client.invoke("resize",{height:"200px"});\n'

export interface Fixture {
  root: string
  /** the package directory (like dist/) */
  dir: string
  write(rel: string, data: string | Buffer): void
  remove(rel: string): void
  read(rel: string): Buffer
  readJson(rel: string): Json
  writeJson(rel: string, value: unknown): void
  editJson(rel: string, edit: (json: Json) => void): void
  cleanup(): void
}

/** Writes a minimal valid app package into a fresh temp dir. */
export function createFixture(): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'zaf-package-'))
  const dir = join(root, 'dist')
  const fixture: Fixture = {
    root,
    dir,
    write(rel, data) {
      const abs = join(dir, rel)
      mkdirSync(dirname(abs), { recursive: true })
      writeFileSync(abs, data)
    },
    remove(rel) {
      rmSync(join(dir, rel), { recursive: true, force: true })
    },
    read(rel) {
      return readFileSync(join(dir, rel))
    },
    readJson(rel) {
      return JSON.parse(readFileSync(join(dir, rel), 'utf8')) as Json
    },
    writeJson(rel, value) {
      fixture.write(rel, `${JSON.stringify(value, null, 2)}\n`)
    },
    editJson(rel, edit) {
      const json = fixture.readJson(rel)
      edit(json)
      fixture.writeJson(rel, json)
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true })
    },
  }
  fixture.writeJson('manifest.json', validManifest())
  fixture.writeJson('translations/en.json', validTranslation('en'))
  fixture.writeJson('translations/ko.json', validTranslation('ko'))
  fixture.write('assets/iframe.html', IFRAME_HTML)
  fixture.write('assets/app-abc123.js', APP_JS)
  fixture.write('assets/logo.png', makePng(320, 320))
  fixture.write('assets/logo-small.png', makePng(128, 128, [255, 255, 255, 0]))
  return fixture
}

export interface ReadEntry {
  name: string
  method: number
  crc32: number
  compressedSize: number
  size: number
  dosTime: number
  dosDate: number
  data: Buffer
}

/** Independent reader: EOCD -> central directory -> local headers -> inflateRawSync. */
export function parseZip(zip: Buffer): ReadEntry[] {
  let eocd = -1
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('no EOCD')
  const total = zip.readUInt16LE(eocd + 10)
  let p = zip.readUInt32LE(eocd + 16)
  const entries: ReadEntry[] = []
  for (let n = 0; n < total; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central header at ${p}`)
    const method = zip.readUInt16LE(p + 10)
    const dosTime = zip.readUInt16LE(p + 12)
    const dosDate = zip.readUInt16LE(p + 14)
    const crc = zip.readUInt32LE(p + 16)
    const compressedSize = zip.readUInt32LE(p + 20)
    const size = zip.readUInt32LE(p + 24)
    const nameLen = zip.readUInt16LE(p + 28)
    const extraLen = zip.readUInt16LE(p + 30)
    const commentLen = zip.readUInt16LE(p + 32)
    const offset = zip.readUInt32LE(p + 42)
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    p += 46 + nameLen + extraLen + commentLen
    if (zip.readUInt32LE(offset) !== 0x04034b50) throw new Error(`bad local header for ${name}`)
    const localName = zip.subarray(offset + 30, offset + 30 + zip.readUInt16LE(offset + 26)).toString('utf8')
    if (localName !== name) throw new Error(`local name ${localName} != central name ${name}`)
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28)
    const body = zip.subarray(start, start + compressedSize)
    const data = method === 0 ? Buffer.from(body) : method === 8 ? inflateRawSync(body) : null
    if (!data) throw new Error(`unsupported method ${method} for ${name}`)
    entries.push({ name, method, crc32: crc, compressedSize, size, dosTime, dosDate, data })
  }
  return entries
}
