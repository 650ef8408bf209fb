// @ts-check
/**
 * A rule: `{ id, summary, check }`, plus `level: 'warning'` for advice that does not fail the
 * package. `check(ctx, report)` calls `report(file, message)` once per problem it finds.
 * Ids say where a rule comes from: `zas.*` the zendesk_apps_support gem (its message key),
 * `docs.*` developer.zendesk.com, `own.*` this project.
 */

/**
 * @typedef {import('./context.mjs').Context} Context
 * @typedef {import('./util.mjs').JsonObject} JsonObject
 * @typedef {(file: string, message: string) => void} Report
 * @typedef {{ id: string, summary: string, level?: 'warning', check: (ctx: Context, report: Report) => void }} Rule
 */

/**
 * A rule that runs only when manifest.json parsed (ZAS stops at a broken manifest too).
 * @param {string} id @param {string} summary
 * @param {(m: JsonObject, ctx: Context, report: Report) => void} check
 * @param {{ level?: 'warning' }} [options]
 * @returns {Rule}
 */
export function manifestRule(id, summary, check, options = {}) {
  return {
    id,
    summary,
    ...options,
    check: (ctx, report) => {
      if (ctx.manifest) check(ctx.manifest, ctx, report)
    },
  }
}

/** The manifest's file name, as problems name it. */
export const MANIFEST = 'manifest.json'
