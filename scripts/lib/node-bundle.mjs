// @ts-check
// Scripts that run TypeScript from src/ or dev/ on a clean clone bundle it for Node with vite's
// `build()` into node_modules/.cache/<name>/ (bare imports resolve from there) and import it.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Removes `prefix*` folders older than a day in `dir`: left behind by a process that was killed.
 * @param {string} dir
 * @param {string} prefix
 */
export function sweepStale(dir, prefix) {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue
    try {
      if (statSync(join(dir, name)).mtimeMs < dayAgo) rmSync(join(dir, name), { recursive: true, force: true })
    } catch {
      // Another process removed it first.
    }
  }
}

/**
 * Bundles `entry` (relative to the project root) into a fresh folder under
 * node_modules/.cache/`cacheName` and imports it. The caller removes `dir` when done with it.
 * @param {{ entry: string, cacheName: string, prefix: string, logLevel?: 'warn' | 'error' }} options
 * @returns {Promise<{ module: unknown, dir: string }>}
 */
export async function bundleForNode({ entry, cacheName, prefix, logLevel = 'warn' }) {
  const cache = join(root, 'node_modules', '.cache', cacheName)
  mkdirSync(cache, { recursive: true })
  sweepStale(cache, prefix)
  const dir = mkdtempSync(join(cache, prefix))
  try {
    await build({
      configFile: false,
      envDir: false,
      root,
      logLevel,
      publicDir: false,
      build: {
        ssr: resolve(root, entry),
        outDir: dir,
        emptyOutDir: false,
        copyPublicDir: false,
        minify: false,
        target: 'node20',
        reportCompressedSize: false,
        rollupOptions: { output: { format: 'es', entryFileNames: 'bundle.mjs' } },
      },
    })
    return { module: await import(pathToFileURL(join(dir, 'bundle.mjs')).href), dir }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}
