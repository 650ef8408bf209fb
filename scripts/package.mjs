#!/usr/bin/env node
// @ts-check
/**
 * Zips a validated app package directory into an upload-ready archive (what `zcli apps:package`
 * does, offline and deterministic).
 *
 *   node scripts/package.mjs [--marketplace] [dir] [out]    (defaults: dist, <project root>/app-<version>.zip)
 *
 * --marketplace: the zip for a Marketplace submission (app-<version>-marketplace.zip): the same
 * files with `"private": false` in manifest.json, validated as a listing first.
 *
 * - runs the validator first and refuses to package an invalid app (exit 1, problems on stderr);
 * - takes the same files ZAS/zcli take (everything but tmp/ and dot-files; also never the local
 *   zcli.apps.config.json), with manifest.json at the zip root and forward-slash paths;
 * - deterministic: entries sorted by path, fixed timestamps and modes (see lib/zip.mjs), so the
 *   same dist/ always gives byte-identical zips.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatProblem, inspectPackage } from './validate/index.mjs'
import { createZip } from './lib/zip.mjs'

/** @typedef {import('./validate/index.mjs').Problem} Problem */

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * Where the zip goes by default: app-<version>.zip (app-<version>-marketplace.zip) at the project root.
 * @param {string} version
 * @param {{ marketplace?: boolean }} [options]
 */
export function defaultZipPath(version, options = {}) {
  return resolve(PROJECT_ROOT, `app-${version}${options.marketplace ? '-marketplace' : ''}.zip`)
}

/** Thrown when the package directory does not validate; carries the problems. */
export class InvalidPackageError extends Error {
  /** @param {string} dir @param {Problem[]} problems */
  constructor(dir, problems) {
    super(`${dir} is not a valid Zendesk app package (${problems.length} problem${problems.length === 1 ? '' : 's'}); not packaging it`)
    this.name = 'InvalidPackageError'
    this.problems = problems
  }
}

/**
 * @typedef {{
 *   out: string,
 *   files: string[],
 *   inputBytes: number,
 *   zipBytes: number,
 *   warnings: Problem[],
 * }} PackageResult
 */

/**
 * Validates `dir` and writes the zip.
 * @param {string} dirArg package directory (e.g. dist)
 * @param {string} [outArg] zip path; default <project root>/app-<manifest version>.zip
 * @param {{ marketplace?: boolean }} [options] marketplace: a listing's zip, `"private": false`
 * @returns {PackageResult}
 */
export function packageApp(dirArg, outArg, options = {}) {
  const dir = resolve(dirArg)
  const marketplace = Boolean(options.marketplace)
  const report = inspectPackage(dir, { marketplace })
  if (report.problems.length > 0 || !report.manifest) throw new InvalidPackageError(dirArg, report.problems)
  const version = String(report.manifest.version)
  const out = resolve(outArg ?? defaultZipPath(version, { marketplace }))
  const rel = relative(dir, out)
  if (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '' && !rel.startsWith(`tmp${sep}`)) {
    // it would end up inside the next package (zcli only ignores tmp/)
    throw new Error(`refusing to write ${out} inside the package directory ${dir} (use a path outside it, or under tmp/)`)
  }
  // the listing's manifest is the one the validator judged: the package's, with private false
  const listingManifest = Buffer.from(`${JSON.stringify(report.manifest, null, 2)}\n`)
  const entries = report.files.map((name) => ({ name, data: marketplace && name === 'manifest.json' ? listingManifest : readFileSync(resolve(dir, name)) }))
  const zip = createZip(entries)
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, zip)
  return {
    out,
    files: report.files,
    inputBytes: entries.reduce((sum, e) => sum + e.data.length, 0),
    zipBytes: zip.length,
    warnings: report.warnings,
  }
}

/** @param {string[]} argv */
function main(argv) {
  const marketplace = argv.includes('--marketplace')
  const rest = argv.filter((a) => a !== '--marketplace')
  if (rest.length > 2 || rest.some((a) => a.startsWith('-'))) {
    process.stderr.write(
      'usage: node scripts/package.mjs [--marketplace] [dir] [out]   (defaults: dist, app-<version>[-marketplace].zip at the project root)\n',
    )
    return 2
  }
  const dirArg = rest[0] ?? 'dist'
  if (!existsSync(dirArg) || !statSync(dirArg).isDirectory()) {
    process.stderr.write(`package: ${dirArg} is not a directory (build the app first: npm run build)\n`)
    return 2
  }
  try {
    const result = packageApp(dirArg, rest[1], { marketplace })
    for (const w of result.warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`)
    process.stdout.write(
      `packaged ${result.files.length} files (${result.inputBytes} bytes) from ${dirArg} into ${relative(process.cwd(), result.out) || result.out} (${result.zipBytes} bytes)\n`,
    )
    return 0
  } catch (e) {
    if (e instanceof InvalidPackageError) {
      for (const p of e.problems) process.stderr.write(`✗ ${formatProblem(p)}\n`)
      process.stderr.write(`package: ${e.message}\n`)
      return 1
    }
    process.stderr.write(`package: ${/** @type {Error} */ (e).message}\n`)
    return 1
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2))
}
