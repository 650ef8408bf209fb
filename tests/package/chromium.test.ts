import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEBIAN_CHROMIUM, resolveChromium } from '../../scripts/lib/chromium.mjs'

describe('resolveChromium', () => {
  it('takes CHROMIUM_PATH when it exists, and refuses one that does not', async () => {
    await expect(resolveChromium({ CHROMIUM_PATH: process.execPath })).resolves.toEqual({ path: process.execPath, source: 'CHROMIUM_PATH' })
    await expect(resolveChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow('CHROMIUM_PATH is /nonexistent/chromium, which does not exist.')
  })

  it.runIf(existsSync(DEBIAN_CHROMIUM))("prefers Debian's Chromium when it is installed", async () => {
    await expect(resolveChromium({})).resolves.toEqual({ path: DEBIAN_CHROMIUM, source: 'debian' })
  })

  it('falls back to the binary inside @sparticuz/chromium (CHROMIUM_SOURCE=npm forces it)', { timeout: 60_000 }, async () => {
    const chosen = await resolveChromium({ CHROMIUM_SOURCE: 'npm', CHROMIUM_PATH: DEBIAN_CHROMIUM })
    expect(chosen.source).toBe('npm')
    expect(chosen.path).not.toBe(DEBIAN_CHROMIUM)
    expect(existsSync(chosen.path)).toBe(true)
  })
})
