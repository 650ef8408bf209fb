// @ts-check
// `npm start`: build the app, then serve it inside a local imitation of a Zendesk ticket page
// (dev/zendesk-host/), so the app can be seen working without a Zendesk account.
//
//   node scripts/start.mjs [--no-build] [--port 4568] [--scenario nonmember-account]
//
// Also a module: `startHost({ port, distDir })` starts the same host (tests use port 0).
// The host is TypeScript (dev/zendesk-host/server.ts); this file bundles it for Node with vite's
// `build()` into node_modules/.cache/zendesk-local-host/ (bare imports resolve from there), and
// removes the bundle when the host closes.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleForNode } from './lib/node-bundle.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * @typedef {import('../dev/zendesk-host/server').StartHostOptions} StartHostOptions
 * @typedef {import('../dev/zendesk-host/server').LocalHost} LocalHost
 * @typedef {typeof import('../dev/zendesk-host/server')} ServerModule
 */

/**
 * Bundles dev/zendesk-host/server.ts into a fresh folder under node_modules/.cache and imports it.
 * @returns {Promise<{ module: ServerModule, dir: string }>}
 */
async function loadServerModule() {
  const { module, dir } = await bundleForNode({ entry: 'dev/zendesk-host/server.ts', cacheName: 'zendesk-local-host', prefix: 'server-' })
  return { module: /** @type {ServerModule} */ (module), dir }
}

/**
 * Starts the local Zendesk host. `port: 0` picks a free port.
 * @param {StartHostOptions} [options]
 * @returns {Promise<LocalHost>}
 */
export async function startHost(options = {}) {
  const { module, dir } = await loadServerModule()
  let host
  try {
    host = await module.startHost({ root, ...options })
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  const close = host.close.bind(host)
  return {
    ...host,
    async close() {
      await close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ build: boolean, port: number | undefined, scenario: string, help: boolean }} */
  const args = { build: true, port: undefined, scenario: 'nonmember-account', help: false }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = /** @type {[string, string | undefined]} */ (argv[i]?.split(/=(.*)/s) ?? [''])
    const value = () => inline ?? argv[++i] ?? ''
    if (flag === '--no-build') args.build = false
    else if (flag === '--port' || flag === '-p') args.port = Number(value())
    else if (flag === '--scenario' || flag === '-s') args.scenario = value()
    else if (flag === '--help' || flag === '-h') args.help = true
    else throw new Error(`unknown option ${argv[i]} (try --help)`)
  }
  if (args.port !== undefined && !(Number.isInteger(args.port) && args.port >= 0 && args.port < 65536)) throw new Error('--port needs a port number')
  return args
}

function buildApp() {
  return new Promise((resolveBuild, reject) => {
    const vite = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' })
    vite.on('error', reject)
    vite.on('exit', (code) => (code === 0 ? resolveBuild(undefined) : reject(new Error(`vite build failed (exit ${code})`))))
  })
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  if (args.help) {
    console.log('Usage: node scripts/start.mjs [--no-build] [--port 4568] [--scenario <id>]')
    console.log('Builds the app (unless --no-build) and serves it in a local imitation of a Zendesk ticket page.')
    return
  }
  if (args.build) await buildApp()
  const host = await startHost({ ...(args.port === undefined ? {} : { port: args.port }), log: (line) => console.log(`  ${line}`) })
  console.log('')
  console.log(`Local Zendesk host: ${host.scenarioUrl(args.scenario)}`)
  console.log(`  the app iframe is served from ${host.appOrigin} (another origin, as on Zendesk)`)
  console.log(`  scenarios (switch in the page or with ?scenario=<id>): ${host.scenarios.join(', ')}`)
  console.log('  also: ?latency=<ms>, ?layout=per_depth, ?locale=en-US, ?setting.<name>=<value>')
  console.log('  press Ctrl+C to stop')
  const stop = () => {
    console.log('stopping…')
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
