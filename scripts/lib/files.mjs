// @ts-check
/**
 * Which files make up an app package directory, the way Zendesk's tools see it.
 *
 * - ZAS (`ZendeskAppsSupport::Package#files`) globs `root/**` with Ruby's Dir[], which skips
 *   dot-files/dot-directories, and drops everything under `tmp/`.
 * - zcli (`createAppPkg`) zips `**` with `ignore: ['tmp/**']` (glob also skips dot-files).
 * Symlinks are reported separately: ZAS's Marketplace validation refuses them (`symlink_in_zip`).
 * Own rule: a root-level `zcli.apps.config.json` (zcli's local settings: parameter values for
 * `zcli apps:server`, the app_id written by `zcli apps:create`) is never part of the package.
 */
import { lstatSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * @typedef {{
 *   files: string[],
 *   skipped: string[],
 *   symlinks: string[],
 * }} PackageListing
 */

/** Root-level files that stay out of the package (own rule). */
export const LOCAL_ONLY_FILES = ['zcli.apps.config.json']

/** Byte-wise (code unit) comparison, so the order never depends on the locale. */
/** @param {string} a @param {string} b */
export function compareNames(a, b) {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Lists the package's files as sorted, forward-slash relative paths.
 * @param {string} dir absolute or cwd-relative package directory
 * @returns {PackageListing}
 */
export function listPackageFiles(dir) {
  /** @type {string[]} */
  const files = []
  /** @type {string[]} */
  const skipped = []
  /** @type {string[]} */
  const symlinks = []
  /** @param {string} rel */
  const walk = (rel) => {
    const abs = rel === '' ? dir : join(dir, rel)
    const entries = readdirSync(abs, { withFileTypes: true })
    for (const entry of entries) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`
      if (entry.isSymbolicLink()) {
        symlinks.push(childRel)
        continue
      }
      const ignored = entry.name.startsWith('.') || (rel === '' && (entry.name === 'tmp' || LOCAL_ONLY_FILES.includes(entry.name)))
      if (entry.isDirectory()) {
        if (ignored) skipped.push(`${childRel}/`)
        else walk(childRel)
      } else if (entry.isFile()) {
        if (ignored) skipped.push(childRel)
        else files.push(childRel)
      } else {
        // sockets, FIFOs, devices: never part of an app
        skipped.push(childRel)
      }
    }
  }
  if (!lstatSync(dir).isDirectory()) throw new Error(`${dir} is not a directory`)
  walk('')
  files.sort(compareNames)
  skipped.sort(compareNames)
  symlinks.sort(compareNames)
  return { files, skipped, symlinks }
}
