// @ts-check
/**
 * `npm run sizes`: where the shipped bytes go. Builds into a temporary folder (dist/ is left
 * alone) with source maps, then prints, per script (the entry every frame loads, each lazy chunk
 * only the frames that import it) and per source module, its minified bytes and its gzip -9
 * bytes when compressed alone (an over-estimate: modules share words in the real file), then the
 * real gzip of each shipped file with what it is to a frame (scripts/lib/frame-files.mjs) and
 * what a frame loads. Informative only; `npm run bench` holds the budgets.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import sourceMap from 'source-map-js'
import { frameEstimate, frameFiles, gzipBytes as gz } from './lib/frame-files.mjs'

const root = resolve(import.meta.dirname, '..')
const out = mkdtempSync(join(tmpdir(), 'module-sizes-'))
try {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--sourcemap'], { cwd: root, stdio: 'inherit', env: { ...process.env, DIST_DIR: out } })
  const assets = join(out, 'assets')
  const files = frameFiles(assets)
  for (const file of files.filter((f) => f.name.endsWith('.js'))) {
    const code = readFileSync(join(assets, file.name), 'utf8')
    const consumer = new sourceMap.SourceMapConsumer(JSON.parse(readFileSync(join(assets, `${file.name}.map`), 'utf8')))
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
    console.log(`\n${file.name} (${file.role === 'static' ? 'every frame' : `lazy, imported by ${file.importedBy.join(', ') || '?'}`}): ${file.gzip} B gzip\n`)
    console.log('| module | minified B | gzip alone B |\n| --- | ---: | ---: |')
    for (const row of rows) console.log(`| ${row.name} | ${row.min} | ${row.gzip} |`)
  }
  console.log('\n| shipped file | what a frame does with it | raw B | gzip B |\n| --- | --- | ---: | ---: |')
  const ROLE = {
    static: 'every frame loads it',
    core: 'every frame of its language (core texts)',
    rare: 'fetched when a rare text is first shown',
    lazy: 'lazy chunk',
    page: 'the page (not counted)',
  }
  for (const file of files) console.log(`| ${file.name} | ${ROLE[file.role]} | ${file.raw} | ${file.gzip} |`)
  console.log('\n(This build has source maps: each script ends with its sourceMappingURL line, some 35 B gzip more than `npm run bench` measures.)')
  for (const language of [...new Set(files.flatMap((file) => (file.role === 'core' && file.language ? [file.language] : [])))]) {
    const estimate = frameEstimate(files, language)
    console.log(
      `\nA frame in ${language} loads ${estimate.gzip} B gzip (${estimate.files.map((file) => file.name).join(' + ')}); with its rare texts ${estimate.withRare} B; at most ${estimate.atMost} B.`,
    )
  }
} finally {
  rmSync(out, { recursive: true, force: true })
}
