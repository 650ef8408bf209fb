#!/usr/bin/env node
// @ts-check
/**
 *   node scripts/validate/cli.mjs [--marketplace] [dir]     (default dir: dist)
 *
 * --marketplace judges the package as a Marketplace listing (as if `"private": false`).
 * Exit status: 0 valid (one OK line on stdout), 1 invalid (one line per problem on stderr),
 * 2 usage error.
 */
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatProblem, inspectPackage } from './index.mjs'
import { plural, show } from './util.mjs'

const USAGE = 'usage: node scripts/validate/cli.mjs [--marketplace] [dir]   (default dir: dist)\n'

/** @param {string[]} argv */
export function main(argv) {
  const marketplace = argv.includes('--marketplace')
  const rest = argv.filter((a) => a !== '--marketplace')
  if (rest.length > 1 || rest.some((a) => a.startsWith('-'))) {
    process.stderr.write(USAGE)
    return 2
  }
  const dirArg = rest[0] ?? 'dist'
  const dir = resolve(dirArg)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stderr.write(`validate: ${dirArg} is not a directory (build the app first: npm run build)\n`)
    return 2
  }
  const report = inspectPackage(dir, { marketplace })
  const as = marketplace ? ' as a Marketplace listing' : ''
  for (const w of report.warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`)
  if (report.problems.length > 0) {
    for (const p of report.problems) process.stderr.write(`✗ ${formatProblem(p)}\n`)
    process.stderr.write(
      `validate: ${dirArg} is not a valid Zendesk app package${as} (${report.problems.length} ${plural(report.problems.length, 'problem', 'problems')})\n`,
    )
    return 1
  }
  const m = report.manifest ?? {}
  process.stdout.write(
    `OK ${dirArg}${as}: ${show(m.name)} v${show(m.version)} (frameworkVersion ${show(m.frameworkVersion)}), ${report.files.length} files, ${report.totalBytes} bytes, zip ${report.zipBytes} bytes, ${report.warnings.length} ${plural(report.warnings.length, 'warning', 'warnings')}\n`,
  )
  return 0
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2))
}
