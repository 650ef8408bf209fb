#!/usr/bin/env node
// @ts-check
/**
 * One version source: package.json's `version`. `npm version <patch|minor|major|x.y.z>` runs this
 * (the npm "version" lifecycle script) to write it into manifest.json, which Zendesk shows, and
 * stages the manifest with the release commit; tests/package/version.test.ts fails when they differ.
 *
 *   node scripts/version.mjs [dir]           writes package.json's version into manifest.json
 *   node scripts/version.mjs --check [dir]   exit 1 when they differ       (dir: the project root)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * The manifest's text with its top-level `version` set, everything else byte for byte.
 * @param {string} manifestText
 * @param {string} version
 */
export function withManifestVersion(manifestText, version) {
  const field = /^(\s{2}"version":\s*)"[^"]*"/m
  if (!field.test(manifestText)) throw new Error('manifest.json has no top-level "version" line to update')
  return manifestText.replace(field, (_all, /** @type {string} */ head) => `${head}${JSON.stringify(version)}`)
}

/** @param {string} dir */
export function readVersions(dir = root) {
  const pkg = /** @type {{ version: string }} */ (JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')))
  const manifest = /** @type {{ version?: unknown }} */ (JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')))
  return { package: pkg.version, manifest: manifest.version }
}

/** Writes package.json's version into dir/manifest.json. @param {string} dir */
export function syncVersion(dir = root) {
  const file = resolve(dir, 'manifest.json')
  writeFileSync(file, withManifestVersion(readFileSync(file, 'utf8'), readVersions(dir).package))
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? root)
  if (args.includes('--check')) {
    const versions = readVersions(dir)
    if (versions.manifest !== versions.package) {
      process.stderr.write(`version: manifest.json has ${String(versions.manifest)}, package.json ${versions.package}; run node scripts/version.mjs\n`)
      process.exitCode = 1
    }
  } else {
    syncVersion(dir)
  }
}
