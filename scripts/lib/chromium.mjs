// @ts-check
/**
 * Which Chromium the browser tests and the bench drive (playwright-core never downloads one):
 *  1. CHROMIUM_PATH, when set (it must exist);
 *  2. Debian's /usr/lib/chromium/chromium, when installed;
 *  3. the headless Chromium shipped inside the npm package @sparticuz/chromium (a devDependency),
 *     unpacked once into the temporary folder: `npm ci` is then all the set-up.
 * CHROMIUM_SOURCE=npm skips 1 and 2 (to test the fallback on a machine that has Debian's).
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

export const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium'

/** Our flags, the same whichever binary runs (the npm package's own flags would turn off site isolation and web security, which the tests rely on). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<{ path: string, source: 'CHROMIUM_PATH' | 'debian' | 'npm' }>}
 */
export async function resolveChromium(env = process.env) {
  const forceNpm = env.CHROMIUM_SOURCE === 'npm'
  if (env.CHROMIUM_PATH && !forceNpm) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist.`)
    return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }
  }
  if (!forceNpm && existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian' }
  /** @type {{ executablePath(): Promise<string> }} */
  let packaged
  try {
    packaged = (await import('@sparticuz/chromium')).default
  } catch (error) {
    throw new Error(`No Chromium: ${DEBIAN_CHROMIUM} is missing and @sparticuz/chromium did not load (run npm ci). ${String(error)}`, { cause: error })
  }
  // Test files run in parallel workers: one unpacks, the others wait (a half-written binary would not start).
  const lock = join(tmpdir(), 'chromium-unpack.lock')
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 120_000) rmSync(lock, { recursive: true, force: true })
      await sleep(100)
    }
  }
  try {
    return { path: await packaged.executablePath(), source: 'npm' }
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
