/**
 * The local Zendesk host's HTTP server (node:http, no framework).
 *
 * - `/` — the host page (a ticket view with the app in its sidebar iframe), on the origin the
 *   developer opened (`http://localhost:<port>`);
 * - the built app (`dist/`) on the OTHER loopback name (`http://127.0.0.1:<port>`), so the
 *   page and the iframe are cross-origin as on Zendesk and the SDK's `event.origin` check is real.
 *   `assets/iframe.html` is served with the CDN SDK's URL rewritten to `/vendor/zaf_sdk.js`;
 * - `/vendor/zaf_sdk.js` — the npm SDK bundled as a browser script (see assets.ts);
 * - `/api/v2/*` — answered by the fixture msw handlers through msw's `getResponse`, with the
 *   faults of the scenario named in the `x-local-host-scenario` header;
 * - `/__host/*` — the page's script and style, and a probe page (SDK only) for tests.
 *
 * Bundles go to a temporary folder removed on `close()`; nothing is written into dist/.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getResponse } from 'msw'
import { createZendeskApi, faultHandlers } from './fixtures/handlers'
import type { ZendeskApiState } from './fixtures/handlers'
import type { HttpHandler } from 'msw'
import { DEFAULT_SCENARIO_ID, SCENARIOS, scenarioById } from './fixtures/scenarios'
import { buildHostAssets } from './assets'
import type { HostAssets } from './assets'
import { SCENARIO_HEADER, SESSION_HEADER } from './rest'
import type { HostPageConfig } from './types'

export interface StartHostOptions {
  /** Port to listen on; 0 picks a free one. Default 4568. */
  port?: number
  /** Fail if the port is taken (default: only when a port other than the default is asked). Otherwise the next free port is used. */
  strictPort?: boolean
  /** The built app (default `<root>/dist`). */
  distDir?: string
  /** The project root, where node_modules and dev/ are (default: two folders up from this file). */
  root?: string
  /** Log lines (default: silent). */
  log?: (line: string) => void
}

export interface LocalHost {
  /** The host page, e.g. `http://localhost:4568/`. */
  url: string
  /** Where the app iframe is served from, e.g. `http://127.0.0.1:4568`. */
  appOrigin: string
  port: number
  /** The scenario ids. */
  scenarios: readonly string[]
  /** The host page for a scenario, with optional extra query parameters (`latency`, `layout`, `locale`, `setting.<name>`, `composer`, `role`, `option_labels`, `raw_names`, `submit`, `save_hook_timeout`: see page.ts). */
  scenarioUrl(scenario: string, params?: Record<string, string | number | boolean>): string
  /** The fixture REST API behind `/api/v2/*` (its db and accepted ticket updates). */
  api: ZendeskApiState
  close(): Promise<void>
}

export const DEFAULT_PORT = 4568

/** The scenario ids, for the command line's help. */
export const SCENARIO_IDS: readonly string[] = SCENARIOS.map((s) => s.id)
export { DEFAULT_SCENARIO_ID }

/** The URL the production iframe.html loads the SDK from (any version / min or not). */
const CDN_SDK = /https:\/\/static\.zdassets\.com\/zendesk_app_framework_sdk\/[^"'\s>]*?zaf_sdk(?:\.min)?\.js/g
export const LOCAL_SDK_PATH = '/vendor/zaf_sdk.js'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolveBody(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** The other loopback name: the app must not share the page's origin. */
export function appOriginFor(hostHeader: string): string {
  const url = new URL(`http://${hostHeader}`)
  const port = url.port ? `:${url.port}` : ''
  if (url.hostname === 'localhost') return `http://127.0.0.1${port}`
  if (url.hostname === '127.0.0.1') return `http://localhost${port}`
  return url.origin
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

function hostPageHtml(config: HostPageConfig, scenarioTitle: string): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c')
  return `<!doctype html>
<html lang="ko">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Local Zendesk host — ${escapeHtml(scenarioTitle)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/__host/page.css" />
  </head>
  <body>
    <div id="host-root"></div>
    <script>window.__HOST_CONFIG__ = ${json};</script>
    <script src="/__host/page.js"></script>
  </body>
</html>
`
}

const PROBE_HTML = `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <title>ZAF probe</title>
    <script src="${LOCAL_SDK_PATH}"></script>
    <script>
      // A bare SDK client in a frame of the app's origin, for tests: window.client, window.registered.
      window.client = window.ZAFClient.init();
      window.registered = new Promise(function (resolve) { if (window.client) window.client.on('app.registered', resolve); });
    </script>
  </head>
  <body>probe</body>
</html>
`

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening)
      reject(error)
    }
    const onListening = () => {
      server.off('error', onError)
      const address = server.address()
      resolveListen(typeof address === 'object' && address ? address.port : port)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })
}

export async function startHost(options: StartHostOptions = {}): Promise<LocalHost> {
  const root = options.root ?? fileURLToPath(new URL('../..', import.meta.url))
  const distDir = resolve(options.distDir ?? join(root, 'dist'))
  const log = options.log ?? (() => undefined)
  const iframePath = join(distDir, 'assets', 'iframe.html')
  if (!existsSync(iframePath)) {
    throw new Error(`${iframePath} not found: build the app first (\`npm run build\` or \`npx vite build\`).`)
  }
  const manifestPath = join(distDir, 'manifest.json')
  const readManifest = () =>
    (existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {}) as {
      name?: string
      version?: string
      parameters?: HostPageConfig['parameters']
    }

  // Bundles of a host that was killed (older than a day) go first.
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('zendesk-local-host-')) continue
    try {
      if (statSync(join(tmpdir(), name)).mtimeMs < Date.now() - 86_400_000) rmSync(join(tmpdir(), name), { recursive: true, force: true })
    } catch {
      // Removed by another host meanwhile.
    }
  }
  const workDir = mkdtempSync(join(tmpdir(), 'zendesk-local-host-'))
  let assets: HostAssets
  try {
    assets = await buildHostAssets(root, workDir)
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true })
    throw error
  }
  const pageCss = join(root, 'dev', 'zendesk-host', 'page.css')
  const zendesk = createZendeskApi()
  // Fault handlers per page load and scenario (a fault with `times` counts per page load).
  const sessions = new Map<string, HttpHandler[]>()
  function handlersFor(scenarioId: string | null, session: string | null): HttpHandler[] {
    const scenario = scenarioById(scenarioId)
    if (!scenario || scenario.restFaults.length === 0) return zendesk.handlers
    const key = `${scenario.id}|${session ?? ''}`
    let faults = sessions.get(key)
    if (!faults) {
      faults = faultHandlers(scenario.restFaults)
      sessions.set(key, faults)
      if (sessions.size > 200) sessions.delete(sessions.keys().next().value!)
    }
    return [...faults, ...zendesk.handlers]
  }

  async function answerApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value)
      else if (Array.isArray(value)) headers.set(name, value.join(', '))
    }
    const request = new Request(url, body === undefined ? { method, headers } : { method, headers, body: new Uint8Array(body) })
    const response = await getResponse(handlersFor(headers.get(SCENARIO_HEADER), headers.get(SESSION_HEADER)), request)
    if (!response) {
      send(res, 404, 'application/json; charset=utf-8', JSON.stringify({ error: 'InvalidEndpoint', description: 'Not found' }))
      return
    }
    const out: Record<string, string> = { 'cache-control': 'no-store' }
    response.headers.forEach((value, name) => (out[name] = value))
    res.writeHead(response.status, response.statusText, out)
    res.end(Buffer.from(await response.arrayBuffer()))
  }

  function serveDist(res: ServerResponse, pathname: string): void {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
    const file = resolve(distDir, relative)
    if (file !== distDir && !file.startsWith(distDir + sep)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden')
    if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'text/plain; charset=utf-8', `not found: ${pathname}`)
    if (file === iframePath) {
      const html = readFileSync(file, 'utf8')
      const rewritten = html.replace(CDN_SDK, LOCAL_SDK_PATH)
      if (rewritten === html) log(`warning: ${iframePath} does not load the SDK from static.zdassets.com; served as is`)
      return send(res, 200, TYPES['.html']!, rewritten)
    }
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file))
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = req.headers.host ?? `127.0.0.1:${port}`
    const url = new URL(req.url ?? '/', `http://${hostHeader}`)
    const path = url.pathname
    if (path === '/' || path === '/index.html') {
      const scenario = scenarioById(url.searchParams.get('scenario')) ?? scenarioById(DEFAULT_SCENARIO_ID)!
      // Read at each page load: a rebuild while the host runs is picked up.
      const manifest = readManifest()
      const config: HostPageConfig = {
        appOrigin: appOriginFor(hostHeader),
        appPath: '/assets/iframe.html',
        probePath: '/__host/probe.html',
        appName: manifest.name ?? 'app',
        appVersion: manifest.version ?? '0.0.0',
        parameters: (manifest.parameters ?? []).map((p) => ({ name: p.name, type: p.type, ...(p.default === undefined ? {} : { default: p.default }) })),
      }
      return send(res, 200, TYPES['.html']!, hostPageHtml(config, scenario.title))
    }
    if (path === '/__host/page.js') return send(res, 200, TYPES['.js']!, readFileSync(assets.page))
    if (path === '/__host/page.css') return send(res, 200, TYPES['.css']!, readFileSync(pageCss))
    if (path === '/__host/probe.html') return send(res, 200, TYPES['.html']!, PROBE_HTML)
    if (path === '/__host/health') return send(res, 200, TYPES['.json']!, JSON.stringify({ ok: true, scenarios: SCENARIOS.map((s) => s.id) }))
    if (path === LOCAL_SDK_PATH) return send(res, 200, TYPES['.js']!, readFileSync(assets.sdk))
    if (path.startsWith('/api/v2/')) return answerApi(req, res, url)
    if (path === '/favicon.ico') return send(res, 204, 'text/plain', '')
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed')
    return serveDist(res, path)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`error: ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'local host error')
      else res.end()
    })
  })

  const wanted = options.port ?? DEFAULT_PORT
  const strict = options.strictPort ?? (options.port !== undefined && options.port !== DEFAULT_PORT)
  let port = wanted
  for (let attempt = 0; ; attempt++) {
    try {
      port = await listen(server, wanted === 0 ? 0 : wanted + attempt, '127.0.0.1')
      break
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EADDRINUSE' || strict || wanted === 0 || attempt >= 20) {
        rmSync(workDir, { recursive: true, force: true })
        throw error
      }
    }
  }
  if (port !== wanted && wanted !== 0) log(`port ${wanted} is taken; using ${port}`)
  log(`SDK zendesk_app_framework_sdk ${assets.sdkVersion} bundled; app from ${distDir}`)

  const url = `http://localhost:${port}/`
  return {
    url,
    appOrigin: `http://127.0.0.1:${port}`,
    port,
    scenarios: SCENARIO_IDS,
    api: zendesk.state,
    scenarioUrl(scenario, params = {}) {
      const query = new URLSearchParams({ scenario })
      for (const [key, value] of Object.entries(params)) query.set(key, String(value))
      return `${url}?${query.toString()}`
    },
    close() {
      return new Promise<void>((resolveClose) => {
        server.close(() => {
          rmSync(workDir, { recursive: true, force: true })
          resolveClose()
        })
        server.closeAllConnections()
      })
    },
  }
}
