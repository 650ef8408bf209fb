// @ts-check
/**
 * Offline validator for a Zendesk (ZAF v2) app package directory: the rules of the
 * zendesk_apps_support gem that `zcli apps:validate` and the Marketplace upload run, the docs'
 * rules ZAS leaves to people, and this project's own. Each module of rules/ exports its rules as
 * a table `{ id, summary, check }` (see rule.mjs); RULES lists them in the order problems are
 * reported. CLI: cli.mjs (`npm run validate`, `npm run validate -- --marketplace`).
 *
 * Two profiles: the package as it is (a private upload: `"private": true`), and `marketplace`,
 * which judges the same files as if `"private": false` (a Marketplace listing).
 */
import { createContext } from './context.mjs'
import { rules as assetRules } from './rules/assets.mjs'
import { rules as contentRules } from './rules/contents.mjs'
import { rules as locationRules } from './rules/locations.mjs'
import { rules as manifestRules } from './rules/manifest.mjs'
import { rules as marketplaceRules } from './rules/marketplace.mjs'
import { rules as packageRules, sizeRules } from './rules/package.mjs'
import { rules as parameterRules } from './rules/parameters.mjs'
import { rules as translationRules } from './rules/translations.mjs'

export * from './data.mjs'

/**
 * @typedef {{ rule: string, file: string, message: string }} Problem
 * @typedef {import('./rule.mjs').Rule} Rule
 * @typedef {{ marketplace?: boolean }} ValidateOptions
 * @typedef {{
 *   dir: string,
 *   problems: Problem[],
 *   warnings: Problem[],
 *   files: string[],
 *   skipped: string[],
 *   manifest: import('./util.mjs').JsonObject | null,
 *   totalBytes: number,
 *   zipBytes: number | null,
 * }} Report
 */

/** Every rule, in reporting order. */
export const RULES = /** @type {readonly Rule[]} */ ([
  ...packageRules,
  ...manifestRules,
  ...parameterRules,
  ...locationRules,
  ...translationRules,
  ...assetRules,
  ...contentRules,
  ...marketplaceRules,
  ...sizeRules,
])

/**
 * Validates an app package directory and returns errors, warnings and what was looked at.
 * @param {string} dirArg
 * @param {ValidateOptions} [options]
 * @returns {Report}
 */
export function inspectPackage(dirArg, options = {}) {
  const ctx = createContext(dirArg, options)
  /** @type {Problem[]} */
  const problems = []
  /** @type {Problem[]} */
  const warnings = []
  for (const rule of RULES) {
    const into = rule.level === 'warning' ? warnings : problems
    rule.check(ctx, (file, message) => into.push({ rule: rule.id, file, message }))
  }
  return {
    dir: ctx.dir,
    problems,
    warnings,
    files: ctx.files,
    skipped: ctx.listing.skipped,
    manifest: ctx.manifest,
    totalBytes: ctx.totalBytes(),
    zipBytes: ctx.zipBytes(),
  }
}

/**
 * Validates an app package directory; returns the errors (empty = valid).
 * @param {string} dir
 * @param {ValidateOptions} [options]
 * @returns {Problem[]}
 */
export function validatePackage(dir, options = {}) {
  return inspectPackage(dir, options).problems
}

/** @param {Problem} p */
export function formatProblem(p) {
  return `${p.file}: ${p.message} [${p.rule}]`
}
