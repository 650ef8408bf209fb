// @ts-check
/**
 * `npm run bench`: builds the app, then measures it against its budgets and prints a table.
 *  1. Size: raw and gzip -9 bytes of every file in dist/assets, and what one frame loads (JS +
 *     CSS + the texts of its language, the larger one) against 24 KB (0.30 of the React
 *     scaffold's 79.7 KB). The ZAF SDK comes from Zendesk's CDN and is reported apart
 *     (measured here as the npm build, bundled).
 *  2. Opening a ticket: in headless Chromium against the local Zendesk host with a simulated
 *     host latency, per scenario: the files the frame really loaded (gzip, against the same
 *     budget), host calls and REST calls before the decision is on screen, sequential waves,
 *     resizes, time to decision (informative only).
 * Exits non-zero when a budget is broken; times never decide.
 *
 * Options: --latency <ms> (default 100), --no-build, --json <file> (write the figures),
 * --size-ceiling <B> (the 24 KB target is printed, and this ceiling is what decides: CI holds the
 * size it has reached while the target waits on a product decision, see the README's Performance
 * section; the round-trip budgets always decide).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, resolveChromium } from './lib/chromium.mjs'
import { startHost } from './start.mjs'

const root = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const option = (/** @type {string} */ name) => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}
const latency = Number(option('--latency') ?? 100)
const SIZE_BUDGET = 24_000
const SCAFFOLD_BYTES = 79_700
const BUDGET = { waves: 2, restMember: 0, rest: 1, fieldReads: 1, resizesBeforeDecision: 0, resizesUnchanged: 0 }
/** @type {string[]} */
const broken = []

if (!args.includes('--no-build')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })

// ---- 1. size ---------------------------------------------------------------------------------
// A frame loads the JS, the CSS and the texts of one language (ui-<lang>-<hash>.json): the budget
// is for that, with the larger language; the other language's file ships but is never loaded.
const assets = join(root, 'dist', 'assets')
const gz = (/** @type {Buffer} */ data) => gzipSync(data, { level: 9 }).length
const files = readdirSync(assets)
  .filter((name) => /\.(js|css|html|json)$/.test(name))
  .sort()
  .map((name) => {
    const data = readFileSync(join(assets, name))
    return { name, raw: data.length, gzip: gz(data), language: /^ui-([a-z]+)-/.exec(name)?.[1] ?? null, code: /\.(js|css)$/.test(name) }
  })
const code = files.filter((file) => file.code)
const languages = files.filter((file) => file.language)
const largestLanguage = languages.reduce((a, b) => (b.gzip > (a?.gzip ?? -1) ? b : a), /** @type {(typeof files)[number] | undefined} */ (undefined))
const sum = (/** @type {typeof files} */ list, /** @type {'raw' | 'gzip'} */ key) => list.reduce((total, file) => total + file[key], 0)
const perFrame = [...code, ...(largestLanguage ? [largestLanguage] : [])]
const total = { raw: sum(perFrame, 'raw'), gzip: sum(perFrame, 'gzip') }
const ceilingOption = option('--size-ceiling')
const SIZE_CEILING = ceilingOption === undefined ? null : Number(ceilingOption)
if (SIZE_CEILING !== null && !(SIZE_CEILING > 0)) throw new Error(`--size-ceiling takes a number of bytes, not ${ceilingOption}`)
/** @type {string[]} */
const notEnforced = []
/** Over the 24 KB target: a failure, or only reported when a ceiling decides instead. */
const sizeOver = (/** @type {string} */ what, /** @type {number} */ bytes) => {
  if (bytes > SIZE_BUDGET) (SIZE_CEILING === null ? broken : notEnforced).push(`${what} ${bytes} B gzip, over the ${SIZE_BUDGET} B target`)
  if (SIZE_CEILING !== null && bytes > SIZE_CEILING) broken.push(`${what} ${bytes} B gzip, over the ${SIZE_CEILING} B ceiling`)
}
sizeOver('a frame loads (JS + CSS + texts)', total.gzip)

/** The SDK, as the npm build bundled for the local host (Zendesk serves its own from the CDN). */
function sdkSize() {
  const cacheDir = join(root, 'node_modules', '.cache', 'zendesk-local-host')
  if (!existsSync(cacheDir)) return null
  for (const dir of readdirSync(cacheDir, { recursive: true, withFileTypes: true })) {
    if (dir.isFile() && dir.name === 'zaf_sdk.js') {
      const data = readFileSync(join(dir.parentPath ?? dir.path, dir.name))
      return { raw: data.length, gzip: gz(data) }
    }
  }
  return null
}

console.log('\n## Size (gzip -9)\n')
console.log('| file | raw B | gzip B |')
console.log('| --- | ---: | ---: |')
for (const file of files) {
  const note = file.name.endsWith('.html') ? ' (not counted)' : file.language ? ` (texts, ${file.language})` : ''
  console.log(`| ${file.name}${note} | ${file.raw} | ${file.gzip} |`)
}
console.log(
  `| **one frame: JS + CSS + ${largestLanguage?.language ?? 'no'} texts** | ${total.raw} | **${total.gzip}** (target ${SIZE_BUDGET}${SIZE_CEILING === null ? '' : `, ceiling ${SIZE_CEILING}`}: ${(total.gzip / SCAFFOLD_BYTES).toFixed(2)} of the React scaffold's ${SCAFFOLD_BYTES}) |`,
)

// ---- 2. opening a ticket ----------------------------------------------------------------------
/** Each scenario with the agent's locale Korean, and one with English (its own language file). */
const RUNS = [
  ...['member', 'nonmember-account', 'nonmember-general', 'withdrawn-certificate', 'reinquiry-same', 'reinquiry-different'].map((scenario) => ({ scenario, locale: 'ko' })),
  { scenario: 'withdrawn-certificate', locale: 'en-US' },
]
const host = await startHost({ port: 0, log: () => undefined })
const browser = await chromium.launch({ executablePath: (await resolveChromium()).path, args: CHROMIUM_ARGS })
/** @type {any[]} */
const rows = []
try {
  for (const { scenario, locale } of RUNS) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    /** @type {Set<string>} */
    const loaded = new Set()
    page.on('requestfinished', (request) => {
      const name = new URL(request.url()).pathname.split('/').pop() ?? ''
      if (request.frame() !== page.mainFrame() && files.some((file) => file.name === name && !file.name.endsWith('.html'))) loaded.add(name)
    })
    await page.goto(host.scenarioUrl(scenario, locale === 'ko' ? { latency } : { latency, locale }), { waitUntil: 'load' })
    const handle = await page.waitForSelector('[data-testid="app-frame"]', { state: 'attached' })
    const app = await handle.contentFrame()
    if (!app) throw new Error('no app frame')
    await app.waitForSelector('[data-testid="branch"], [data-testid="not-applicable"]', { timeout: 30_000 })
    const decidedAt = await app.evaluate(() => Date.now())
    // Let late calls (field options, resize) land before counting what came after.
    await page.waitForTimeout(latency * 3 + 200)
    /** @type {{ registeredAt: number, calls: { instance: string, type: string, detail: string, sentAt: number, answeredAt: number | null }[] }} */
    const state = await page.evaluate(() => /** @type {any} */ (window).__host.snapshot())
    const calls = state.calls.filter((call) => call.instance === state.calls[0]?.instance)
    const before = calls.filter((call) => call.sentAt <= decidedAt)
    // A call's wave: one more than the latest wave answered before it was sent.
    /** @type {number[]} */
    const waves = []
    before.forEach((call, i) => {
      let wave = 1
      before.forEach((other, j) => {
        if (j !== i && other.answeredAt !== null && other.answeredAt <= call.sentAt && other.type !== 'invoke') wave = Math.max(wave, (waves[j] ?? 1) + 1)
      })
      waves[i] = wave
    })
    const dataCalls = before.filter((call, i) => call.type !== 'invoke' || waves[i] === undefined)
    const wavesUsed = Math.max(0, ...before.map((call, i) => (call.type === 'invoke' ? 0 : (waves[i] ?? 0))))
    // Field options are budgeted apart (once per app instance); the rest is the requester's record.
    const rest = before.filter((call) => call.type === 'request' && !call.detail.includes('/ticket_fields/'))
    const fieldReads = calls.filter((call) => call.type === 'request' && call.detail.includes('/ticket_fields/')).length
    const resizes = calls.filter((call) => call.type === 'invoke' && call.detail.includes('resize'))
    const heights = resizes.map((call) => JSON.stringify(/** @type {any} */ (call).params))
    // A resize while "loading" is shown, or one that repeats the height it already has, is a jump.
    const firstRead = calls.find((call) => call.type === 'get')
    const resizesBeforeDecision = resizes.filter((call) => call.sentAt < (firstRead?.answeredAt ?? Infinity)).length
    const resizesUnchanged = heights.filter((height, i) => i > 0 && height === heights[i - 1]).length
    const loadedGzip = files.filter((file) => loaded.has(file.name)).reduce((total, file) => total + file.gzip, 0)
    const row = {
      scenario,
      locale,
      loaded: [...loaded].sort(),
      loadedGzip,
      hostCalls: dataCalls.length,
      restCalls: rest.length,
      waves: wavesUsed,
      fieldReads,
      resizes: resizes.length,
      resizesBeforeDecision,
      resizesUnchanged,
      msToDecision: Math.round(decidedAt - state.registeredAt),
    }
    rows.push(row)
    sizeOver(`${scenario} (${locale}): the frame loaded`, loadedGzip)
    const restBudget = scenario === 'member' ? BUDGET.restMember : BUDGET.rest
    if (row.waves > BUDGET.waves) broken.push(`${scenario}: ${row.waves} waves before the decision (budget ${BUDGET.waves})`)
    if (row.restCalls > restBudget) broken.push(`${scenario}: ${row.restCalls} REST calls before the decision (budget ${restBudget})`)
    if (row.fieldReads > BUDGET.fieldReads) broken.push(`${scenario}: ticket-field options read ${row.fieldReads} times (budget ${BUDGET.fieldReads})`)
    if (row.resizesBeforeDecision > BUDGET.resizesBeforeDecision) broken.push(`${scenario}: ${row.resizesBeforeDecision} resizes before the decision (budget 0)`)
    if (row.resizesUnchanged > BUDGET.resizesUnchanged) broken.push(`${scenario}: ${row.resizesUnchanged} resizes to an unchanged height (budget 0)`)
    await context.close()
  }
} finally {
  await browser.close()
  await host.close()
}

console.log(`\n## Opening a ticket (host latency ${latency} ms per call)\n`)
console.log('| scenario (agent locale) | files the frame loaded, gzip B | host calls before decision | REST calls before decision | sequential waves | field-option reads | resizes (before decision / same height) | time to decision (ms, informative) |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const row of rows) {
  const restBudget = row.scenario === 'member' ? BUDGET.restMember : BUDGET.rest
  console.log(
    `| ${row.scenario} (${row.locale}) | ${row.loadedGzip} (${row.loaded.length} files; target ≤ ${SIZE_BUDGET}) | ${row.hostCalls} | ${row.restCalls} (≤ ${restBudget}) | ${row.waves} (≤ ${BUDGET.waves}) | ${row.fieldReads} (≤ ${BUDGET.fieldReads}) | ${row.resizes} (${row.resizesBeforeDecision} / ${row.resizesUnchanged}, budget 0 / 0) | ${row.msToDecision} |`,
  )
}
const sdk = sdkSize()
if (sdk) console.log(`\nZAF SDK (served by Zendesk's CDN in production, not counted; npm 2.0.11 build bundled): ${sdk.raw} B raw, ${sdk.gzip} B gzip`)

const json = option('--json')
if (json) writeFileSync(json, JSON.stringify({ latency, files, total, sdk, rows, broken, notEnforced }, null, 2))
if (notEnforced.length) console.log(`\nOver the size target (not enforced: --size-ceiling ${SIZE_CEILING} decides):\n${notEnforced.map((line) => `- ${line}`).join('\n')}`)
if (broken.length) {
  console.log(`\nBudgets broken:\n${broken.map((line) => `- ${line}`).join('\n')}`)
  process.exit(1)
}
console.log(notEnforced.length ? '\nEvery enforced budget holds; the size target does not.' : '\nEvery budget holds.')
