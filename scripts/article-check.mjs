// @ts-check
// `npm run article:check -- FILE`: compares a saved help-center article (the body's HTML, or the
// JSON of GET /api/v2/help_center/{locale}/articles/{id}.json) with the app's built-in reply
// texts: one line per step, a line diff for each difference. Exit 0: every step the same; 1: a
// step differs, is not found or is ambiguous; 2: no file, or a file that is not an article.
//
// The comparison is TypeScript (src/article/report.ts), bundled for Node (scripts/lib/node-bundle.mjs)
// and removed afterwards, so a clean clone needs nothing built beforehand.
import { readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { bundleForNode } from './lib/node-bundle.mjs'

/** @typedef {typeof import('../src/article/report')} ReportModule */

const USAGE = `Usage: npm run article:check -- FILE
FILE: the article saved as HTML (its body), or the JSON of
      GET /api/v2/help_center/ko/articles/<id>.json
Exit 0 when every reply text is the same as the app's, 1 otherwise, 2 when FILE cannot be read.`

/** @returns {Promise<ReportModule>} */
async function loadReport() {
  const { module, dir } = await bundleForNode({ entry: 'src/article/report.ts', cacheName: 'article-check', prefix: 'run-', logLevel: 'error' })
  rmSync(dir, { recursive: true, force: true })
  return /** @type {ReportModule} */ (module)
}

async function main() {
  const args = process.argv.slice(2)
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE)
    return 0
  }
  const [file, ...extra] = args
  if (file === undefined || extra.length || file.startsWith('-')) {
    console.error(USAGE)
    return 2
  }
  let text
  try {
    // npm runs scripts in the project's folder; INIT_CWD is where the owner typed the command.
    text = readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8')
  } catch (error) {
    console.error(
      `${file}: cannot read it (${error instanceof Error ? ('code' in error && typeof error.code === 'string' ? error.code : error.message) : 'unreadable'})`,
    )
    return 2
  }
  const { checkSavedArticle } = await loadReport()
  const { output, exitCode } = checkSavedArticle(text, file)
  if (exitCode === 2) process.stderr.write(output)
  else process.stdout.write(output)
  return exitCode
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 2
  },
)
