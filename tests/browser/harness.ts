/**
 * Browser-test harness: the local Zendesk host (scripts/start.mjs → dev/zendesk-host/) on a random port
 * and Debian's Chromium driven by playwright-core.
 *
 *   const harness = await startHarness()              // beforeAll
 *   const s = await harness.open('nonmember-account') // a ticket page with the app in its sidebar
 *   await s.app.locator('[data-testid="requester-name"]').textContent()
 *   const state = await s.hostState()                 // window.__host.snapshot()
 *   await s.screenshotSidebar('artifacts/x.png')
 *   await harness.close()                             // afterAll
 *
 * The app is the BUILT one (dist/, `npx vite build` first). Chromium is never downloaded: Debian's,
 * else the one inside the npm package @sparticuz/chromium (scripts/lib/chromium.mjs; CHROMIUM_PATH
 * picks another binary, CHROMIUM_SOURCE=npm forces the package's).
 *
 * Every scenario page a test opens through useHarness() is closed after that test by the harness.
 */
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core'
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/lib/chromium.mjs'
import { startHost } from '../../scripts/start.mjs'
import type { LocalHost } from '../../dev/zendesk-host/server'
import type { HostSnapshot } from '../../dev/zendesk-host/types'

export type { HostSnapshot } from '../../dev/zendesk-host/types'

export { CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs'

/**
 * The part of the SDK client the tests call inside a frame (`window.client` in a probe frame).
 * Use it inside `frame.evaluate(() => (window as unknown as ProbeWindow).client…)`.
 */
export interface SdkClient {
  get(paths: string | string[]): Promise<Record<string, unknown> & { errors?: Record<string, { name?: string; message?: string; path?: string }> }>
  set(path: string | Record<string, unknown>, value?: unknown): Promise<Record<string, unknown>>
  invoke(name: string, ...args: unknown[]): Promise<Record<string, unknown>>
  on(event: string, handler: (data: unknown) => void): void
  request(options: string | Record<string, unknown>): Promise<unknown>
  context(): Promise<Record<string, unknown>>
  metadata(): Promise<{ settings?: Record<string, unknown> } & Record<string, unknown>>
}
export interface ProbeWindow {
  client: SdkClient
  ZAFClient: { init(): SdkClient | false }
}

/** Bounded waits: generous for a loaded CI machine, short enough to fail clearly. */
export const TIMEOUTS = { launch: 30_000, action: 15_000, app: 20_000 } as const
/**
 * Options for `waitForFunction`: poll on a timer. The default (requestAnimationFrame) stalls in
 * frames Chromium does not render, such as the hidden probe frames.
 */
export const POLL = { polling: 50 } as const
/** Per-test limit for browser tests (`describe(name, { timeout: TEST_TIMEOUT }, …)`). */
export const TEST_TIMEOUT = 45_000
/** For beforeAll (builds the host's bundles, launches Chromium) and afterAll. */
export const HOOK_TIMEOUT = 120_000

export async function launchChromium(): Promise<Browser> {
  const { path } = await resolveChromium()
  return chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, timeout: TIMEOUTS.launch })
}

export interface OpenOptions {
  /** `?latency=<ms>`: every host answer delayed. */
  latency?: number
  /** `?layout=`: the consultation fields' layout. */
  layout?: 'nested' | 'per_depth'
  /** `?locale=`: the agent's locale (`currentUser.locale`), e.g. 'en-US'. */
  locale?: string
  /** `?setting.<name>=`: installation settings overrides. */
  settings?: Record<string, string | boolean>
  /** Other URL options of the host page (`role`, `article`, `composer`, …: dev/zendesk-host/page.ts). */
  query?: Record<string, string>
  /** Wait until the host has registered the app (default true). */
  waitForRegistration?: boolean
  viewport?: { width: number; height: number }
}

/** One opened scenario: the host page, the app frame, and what the host saw. */
export interface ScenarioPage {
  page: Page
  context: BrowserContext
  /** The sidebar app's frame (cross-origin iframe running dist/assets/iframe.html). */
  app: Frame
  /** Uncaught errors and console errors of the page and its frames, in order. */
  errors: string[]
  /** `window.__host.snapshot()`. */
  hostState(): Promise<HostSnapshot>
  /** Waits until the app shows the requester's name and returns it. */
  requesterName(): Promise<string>
  /** A frame of the app's origin with the real SDK and `window.client = ZAFClient.init()`, registered. */
  probe(): Promise<Frame>
  /** Screenshot of the sidebar iframe element; returns the absolute path. */
  screenshotSidebar(path: string): Promise<string>
  close(): Promise<void>
}

export interface Harness {
  host: LocalHost
  browser: Browser
  open(scenario: string, options?: OpenOptions): Promise<ScenarioPage>
  close(): Promise<void>
}

/** Reads `window.__host.snapshot()` from a host page. */
export function readHost(page: Page): Promise<HostSnapshot> {
  return page.evaluate(() => {
    if (!window.__host) throw new Error('window.__host is missing: is this the local host page?')
    return window.__host.snapshot()
  })
}

/** The app frame of a host page, once it has loaded. */
export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-testid="app-frame"]', { state: 'attached', timeout: TIMEOUTS.action })
  const frame = await handle.contentFrame()
  if (!frame) throw new Error('the app iframe has no frame')
  await frame.waitForURL(/\/assets\/iframe\.html\?/, { timeout: TIMEOUTS.action })
  await frame.waitForLoadState('load', { timeout: TIMEOUTS.action })
  return frame
}

/** Screenshot of the sidebar iframe element into `path` (folders created). */
export async function screenshotSidebar(page: Page, path: string): Promise<string> {
  const file = resolve(path)
  mkdirSync(dirname(file), { recursive: true })
  await page.locator('[data-testid="app-frame"]').screenshot({ path: file, timeout: TIMEOUTS.action })
  return file
}

/** Adds a probe frame (see dev/zendesk-host/server.ts) and returns it once the host registered it. */
export async function probeFrame(page: Page): Promise<Frame> {
  const guid = await page.evaluate(() => window.__host!.addProbe())
  const frame = page.frames().find((f) => f.url().includes('/__host/probe.html') && f.url().includes(guid))
  if (!frame) throw new Error(`probe frame ${guid} not found`)
  await frame.waitForFunction(() => Boolean((window as { client?: unknown }).client), undefined, { ...POLL, timeout: TIMEOUTS.action })
  await frame.evaluate(() => (window as unknown as { registered: Promise<unknown> }).registered)
  return frame
}

export async function openScenario(host: LocalHost, browser: Browser, scenario: string, options: OpenOptions = {}): Promise<ScenarioPage> {
  const params: Record<string, string | number | boolean> = {}
  if (options.latency !== undefined) params.latency = options.latency
  if (options.layout) params.layout = options.layout
  if (options.locale) params.locale = options.locale
  for (const [name, value] of Object.entries(options.settings ?? {})) params[`setting.${name}`] = value
  Object.assign(params, options.query)
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(TIMEOUTS.action)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console (${message.location().url}): ${message.text()}`)
  })
  await page.goto(host.scenarioUrl(scenario, params), { waitUntil: 'load', timeout: TIMEOUTS.action })
  const app = await appFrame(page)
  if (options.waitForRegistration ?? true) {
    await page.waitForFunction(() => window.__host?.registeredAt != null, undefined, { ...POLL, timeout: TIMEOUTS.app })
  }
  return {
    page,
    context,
    app,
    errors,
    hostState: () => readHost(page),
    async requesterName() {
      const name = app.locator('[data-testid="requester-name"]')
      await name.waitFor({ state: 'visible', timeout: TIMEOUTS.app })
      return (await name.textContent())?.trim() ?? ''
    },
    probe: () => probeFrame(page),
    screenshotSidebar: (path) => screenshotSidebar(page, path),
    close: () => context.close(),
  }
}

/** Starts the host (random port) and Chromium. Close it in afterAll. */
export async function startHarness(options: { distDir?: string } = {}): Promise<Harness> {
  const host = await startHost({ port: 0, ...(options.distDir ? { distDir: options.distDir } : {}) })
  let browser: Browser
  try {
    browser = await launchChromium()
  } catch (error) {
    await host.close()
    throw error
  }
  return {
    host,
    browser,
    open: (scenario, openOptions) => openScenario(host, browser, scenario, openOptions),
    async close() {
      await browser.close().catch(() => undefined)
      await host.close()
    },
  }
}

/**
 * Starts the harness before a test file's tests and closes it after them; the scenario pages a
 * test opens are closed after that test, passed or failed, so tests just open.
 */
export function useHarness(): Harness {
  let started: Harness | undefined
  const opened = new Set<ScenarioPage>()
  beforeAll(async () => {
    started = await startHarness()
  }, HOOK_TIMEOUT)
  afterEach(async () => {
    const pages = [...opened]
    opened.clear()
    await Promise.all(pages.map((s) => s.close()))
  }, HOOK_TIMEOUT)
  afterAll(async () => {
    await started?.close()
  }, HOOK_TIMEOUT)
  const live = () => {
    if (!started) throw new Error('the harness has not started (call useHarness() at the top of the file)')
    return started
  }
  return {
    get host() {
      return live().host
    },
    get browser() {
      return live().browser
    },
    async open(scenario, options) {
      const s = await live().open(scenario, options)
      opened.add(s)
      return s
    },
    close: () => live().close(),
  }
}
