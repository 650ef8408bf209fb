// @ts-check
/**
 * `npm run sizes`: where the shipped bytes go. Builds into a temporary folder (dist/ is left
 * alone) with source maps, then prints, per source module, its minified bytes and its gzip -9
 * bytes when compressed alone (an over-estimate: modules share words in the real file), and the
 * real gzip of each shipped file. Informative only; `npm run bench` holds the budgets.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import sourceMap from 'source-map-js'

const root = resolve(import.meta.dirname, '..')
const out = mkdtempSync(join(tmpdir(), 'module-sizes-'))
const gz = (/** @type {string | Buffer} */ data) => gzipSync(data, { level: 9 }).length
try {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--sourcemap'], { cwd: root, stdio: 'inherit', env: { ...process.env, DIST_DIR: out } })
  const assets = join(out, 'assets')
  const script = readdirSync(assets).find((name) => /^app-.*\.js$/.test(name))
  if (!script) throw new Error('no app script in the build')
  const code = readFileSync(join(assets, script), 'utf8')
  const consumer = new sourceMap.SourceMapConsumer(JSON.parse(readFileSync(join(assets, `${script}.map`), 'utf8')))
  /** @type {{ line: number, column: number, source: string }[]} */
  const marks = []
  consumer.eachMapping((m) => marks.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source ?? '?' }))
  marks.sort((a, b) => a.line - b.line || a.column - b.column)
  const lines = code.split('\n')
  /** @type {Map<string, string>} */
  const bySource = new Map()
  marks.forEach((mark, i) => {
    const next = marks[i + 1]
    const line = lines[mark.line - 1] ?? ''
    const piece = line.slice(mark.column, next && next.line === mark.line ? next.column : line.length)
    const name = mark.source.replace(/.*node_modules\//, '').replace(/.*?\bsrc\//, 'src/')
    bySource.set(name, (bySource.get(name) ?? '') + piece)
  })
  const rows = [...bySource].map(([name, text]) => ({ name, min: text.length, gzip: gz(text) })).sort((a, b) => b.gzip - a.gzip)
  console.log('| module | minified B | gzip alone B |\n| --- | ---: | ---: |')
  for (const row of rows) console.log(`| ${row.name} | ${row.min} | ${row.gzip} |`)
  console.log('\n| shipped file | raw B | gzip B |\n| --- | ---: | ---: |')
  for (const name of readdirSync(assets).filter((n) => /\.(js|css|json)$/.test(n)).sort()) {
    const data = readFileSync(join(assets, name))
    console.log(`| ${name} | ${data.length} | ${gz(data)} |`)
  }
} finally {
  rmSync(out, { recursive: true, force: true })
}
