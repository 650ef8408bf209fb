import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, utimesSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createZip, readZipEntries } from '../../scripts/lib/zip.mjs'
import { defaultZipPath, InvalidPackageError, packageApp, PROJECT_ROOT } from '../../scripts/package.mjs'
import { createFixture, FIXTURE_FILES, makePng, parseZip, type Fixture } from './fixture'

const PACKAGE = resolve(import.meta.dirname, '../../scripts/package.mjs')

let fx: Fixture
beforeEach(() => {
  fx = createFixture()
})
afterEach(() => {
  fx.cleanup()
})

describe('packageApp', () => {
  it('writes a zip with manifest.json at the root and every package file, byte-identical', () => {
    const out = join(fx.root, 'out', 'app.zip')
    const result = packageApp(fx.dir, out)
    expect(result.out).toBe(out)
    expect(result.files).toEqual(FIXTURE_FILES)

    const zip = readFileSync(out)
    expect(result.zipBytes).toBe(zip.length)
    const entries = parseZip(zip)
    expect(entries.map((e) => e.name)).toEqual(FIXTURE_FILES)
    expect(entries.some((e) => e.name === 'manifest.json')).toBe(true)
    expect(entries.every((e) => !e.name.includes('\\') && !e.name.startsWith('/'))).toBe(true)
    let inputBytes = 0
    for (const entry of entries) {
      const original = fx.read(entry.name)
      inputBytes += original.length
      expect(entry.data.equals(original), entry.name).toBe(true)
      expect(entry.size).toBe(original.length)
      expect(entry.crc32).toBe(crc32(original) >>> 0)
      expect(crc32(entry.data) >>> 0).toBe(entry.crc32)
      expect([0, 8]).toContain(entry.method)
      // fixed timestamp: 1980-01-01 00:00:00
      expect([entry.dosDate, entry.dosTime]).toEqual([0x21, 0])
    }
    expect(result.inputBytes).toBe(inputBytes)
    expect(JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'))).toMatchObject({ version: '0.1.0' })
  })

  it('is deterministic: same content gives the same bytes, whatever the file times', () => {
    const a = join(fx.root, 'a.zip')
    const b = join(fx.root, 'b.zip')
    packageApp(fx.dir, a)
    utimesSync(join(fx.dir, 'manifest.json'), new Date('2001-02-03T04:05:06Z'), new Date('2001-02-03T04:05:06Z'))
    packageApp(fx.dir, b)
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true)
    fx.write('assets/iframe.html', `${fx.read('assets/iframe.html').toString()}<!-- changed -->`)
    packageApp(fx.dir, b)
    expect(readFileSync(a).equals(readFileSync(b))).toBe(false)
  })

  it('leaves out tmp/ and dot-files (as zcli does) and the local zcli.apps.config.json', () => {
    fx.write('tmp/app-20240101.zip', 'old package')
    fx.write('zcli.apps.config.json', '{"parameters": {"api_token": "secret"}}')
    fx.write('.zcliignore', 'x')
    fx.write('assets/.DS_Store', 'x')
    const out = join(fx.root, 'app.zip')
    packageApp(fx.dir, out)
    expect(parseZip(readFileSync(out)).map((e) => e.name)).toEqual(FIXTURE_FILES)
  })

  it('refuses an invalid package and writes nothing', () => {
    fx.write('assets/logo.png', makePng(100, 100))
    fx.write('assets/mockServiceWorker.js', '/* msw */')
    const out = join(fx.root, 'app.zip')
    let error: unknown
    try {
      packageApp(fx.dir, out)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InvalidPackageError)
    expect((error as InvalidPackageError).problems.map((p) => [p.rule, p.file])).toEqual([
      ['docs.logo', 'assets/logo.png'],
      ['own.no_msw', 'assets/mockServiceWorker.js'],
    ])
    expect(existsSync(out)).toBe(false)
  })

  it('refuses to write the zip inside the package directory (outside tmp/)', () => {
    expect(() => packageApp(fx.dir, join(fx.dir, 'app.zip'))).toThrow(/inside the package directory/)
    expect(existsSync(join(fx.dir, 'app.zip'))).toBe(false)
    const inTmp = join(fx.dir, 'tmp', 'app.zip')
    packageApp(fx.dir, inTmp)
    expect(existsSync(inTmp)).toBe(true)
  })

  it('--marketplace: the same files with "private": false in the manifest, validated as a listing', () => {
    const out = join(fx.root, 'listing.zip')
    packageApp(fx.dir, out, { marketplace: true })
    const entries = parseZip(readFileSync(out))
    expect(entries.map((e) => e.name)).toEqual(FIXTURE_FILES)
    const listed = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as Record<string, unknown>
    expect(listed).toEqual({ ...fx.readJson('manifest.json'), private: false })
    for (const entry of entries.filter((e) => e.name !== 'manifest.json')) expect(entry.data.equals(fx.read(entry.name)), entry.name).toBe(true)
    expect(fx.readJson('manifest.json').private).toBe(true)

    fx.editJson('manifest.json', (m) => delete (m.author as Record<string, unknown>).url)
    expect(() => packageApp(fx.dir, join(fx.root, 'listing-2.zip'), { marketplace: true })).toThrow(InvalidPackageError)
    expect(packageApp(fx.dir, join(fx.root, 'private.zip')).files).toEqual(FIXTURE_FILES)
  })

  it('names the default zip after the manifest version, at the project root', () => {
    expect(defaultZipPath('0.1.0')).toBe(join(PROJECT_ROOT, 'app-0.1.0.zip'))
    expect(defaultZipPath('0.1.0', { marketplace: true })).toBe(join(PROJECT_ROOT, 'app-0.1.0-marketplace.zip'))
    expect(PROJECT_ROOT).toBe(resolve(import.meta.dirname, '../..') + '/')
  })
})

describe('createZip / readZipEntries', () => {
  it('round-trips stored and deflated entries', () => {
    const files = [
      { name: 'a/compressible.txt', data: Buffer.from('zendesk '.repeat(500)) },
      { name: 'b/random.bin', data: randomBytes(4096) },
      { name: 'c/empty.txt', data: Buffer.alloc(0) },
      { name: 'd/한글.json', data: Buffer.from('{"이름":"앱"}') },
    ]
    const zip = createZip(files)
    const independent = parseZip(zip)
    expect(independent.map((e) => [e.name, e.method])).toEqual([
      ['a/compressible.txt', 8],
      ['b/random.bin', 0],
      ['c/empty.txt', 0],
      ['d/한글.json', 0], // too short for DEFLATE to shrink it
    ])
    expect(independent[0]!.compressedSize).toBeLessThan(files[0]!.data.length)
    const own = readZipEntries(zip)
    expect(own.map((e) => e.name)).toEqual(files.map((f) => f.name))
    files.forEach((f, i) => {
      expect(independent[i]!.data.equals(f.data)).toBe(true)
      expect(own[i]!.data.equals(f.data)).toBe(true)
      expect(own[i]!.crc32).toBe(crc32(f.data) >>> 0)
    })
  })

  it('detects a corrupted entry', () => {
    const data = randomBytes(64)
    const zip = createZip([{ name: 'x.bin', data }])
    // stored entry: the data starts right after the 30-byte local header and the 5-byte name
    zip.writeUInt8(zip.readUInt8(35) ^ 0xff, 35)
    expect(() => readZipEntries(zip)).toThrow(/CRC mismatch for x\.bin/)
    const entry = parseZip(zip)[0]!
    expect(crc32(entry.data) >>> 0).not.toBe(entry.crc32)
  })

  it('refuses unsafe entry names', () => {
    for (const name of ['/abs.txt', '../up.txt', 'a\\b.txt', '']) {
      expect(() => createZip([{ name, data: Buffer.from('x') }])).toThrow(/refusing entry name/)
    }
    expect(() =>
      createZip([
        { name: 'a', data: Buffer.from('x') },
        { name: 'a', data: Buffer.from('y') },
      ]),
    ).toThrow(/duplicate entry/)
  })

  it('produces an archive that Python zipfile accepts', () => {
    const check = spawnSync('python3', ['--version'])
    if (check.status !== 0) return
    const out = join(fx.root, 'app.zip')
    packageApp(fx.dir, out)
    const script = [
      'import sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      'bad = z.testzip()',
      'print(bad or "ok")',
      'print("\\n".join(z.namelist()))',
    ].join('\n')
    const r = spawnSync('python3', ['-c', script, out], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stdout.trimEnd().split('\n')).toEqual(['ok', ...FIXTURE_FILES])
  })
})

describe('package.mjs CLI', () => {
  // run from the fixture root, so `dist` and the zip path are relative like in `npm run package`
  const run = (...args: string[]) => spawnSync(process.execPath, [PACKAGE, ...args], { encoding: 'utf8', cwd: fx.root })

  it('packages a valid app and prints the file count and bytes', () => {
    const r = run('dist', 'cli.zip')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const zip = readFileSync(join(fx.root, 'cli.zip'))
    const total = FIXTURE_FILES.reduce((sum, f) => sum + fx.read(f).length, 0)
    expect(r.stdout).toBe(`packaged 7 files (${total} bytes) from dist into cli.zip (${zip.length} bytes)\n`)
    expect(parseZip(zip).map((e) => e.name)).toEqual(FIXTURE_FILES)
  })

  it('--marketplace writes the listing zip', () => {
    const r = run('--marketplace', 'dist', 'listing.zip')
    expect(r.status).toBe(0)
    const manifest = parseZip(readFileSync(join(fx.root, 'listing.zip'))).find((e) => e.name === 'manifest.json')!
    expect(JSON.parse(manifest.data.toString('utf8'))).toMatchObject({ private: false })
  })

  it('refuses an invalid app with exit 1 and the problems', () => {
    fx.editJson('manifest.json', (m) => delete m.version)
    const out = join(fx.root, 'cli.zip')
    const r = run('dist', 'cli.zip')
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('✗ manifest.json: Missing required field in manifest: version [zas.manifest_keys.missing]')
    expect(r.stderr).toContain('not packaging it')
    expect(existsSync(out)).toBe(false)
  })
})
