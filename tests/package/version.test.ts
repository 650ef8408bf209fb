import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readVersions, syncVersion, withManifestVersion } from '../../scripts/version.mjs'

const root = resolve(import.meta.dirname, '../..')
const SCRIPT = resolve(root, 'scripts/version.mjs')
const read = (file: string) => readFileSync(resolve(root, file), 'utf8')

describe('one version source: package.json', () => {
  it('manifest.json carries the same version (npm version writes it there)', () => {
    const versions = readVersions(root)
    expect(versions.manifest).toBe(versions.package)
  })

  it("CHANGELOG.md's newest release is that version", () => {
    const newest = /^## (\d+\.\d+\.\d+\S*)/m.exec(read('CHANGELOG.md'))?.[1]
    expect(newest).toBe(readVersions(root).package)
  })

  it('package.json runs the sync on npm version, and has a license', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; license?: string }
    expect(pkg.scripts.version).toBe('node scripts/version.mjs && git add manifest.json')
    expect(pkg.license).toBe('UNLICENSED')
  })

  it('the sync sets the top-level version and leaves every other byte', () => {
    const manifest = read('manifest.json')
    const synced = withManifestVersion(manifest, '1.2.3-rc.1')
    expect(JSON.parse(synced)).toEqual({ ...(JSON.parse(manifest) as object), version: '1.2.3-rc.1' })
    expect(synced.replace('"1.2.3-rc.1"', '"X"')).toBe(manifest.replace(/^ {2}"version": "[^"]*"/m, '  "version": "X"'))
    expect(() => withManifestVersion('{\n  "name": "x"\n}\n', '1.0.0')).toThrow('no top-level "version"')
  })

  it("the script writes package.json's version into manifest.json, and --check tells when they differ", () => {
    const dir = mkdtempSync(join(tmpdir(), 'version-'))
    const check = () => spawnSync(process.execPath, [SCRIPT, '--check', dir], { encoding: 'utf8' })
    try {
      cpSync(resolve(root, 'manifest.json'), join(dir, 'manifest.json'))
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...(JSON.parse(read('package.json')) as object), version: '9.8.7' }))
      expect(check().status).toBe(1)
      expect(check().stderr).toContain('package.json 9.8.7')
      syncVersion(dir)
      expect(readVersions(dir)).toEqual({ package: '9.8.7', manifest: '9.8.7' })
      expect(check().status).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
