import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, type Plugin } from 'vite'
import { afterEach, describe, expect, it } from 'vitest'
import { plainDynamicImports } from '../scripts/vite/plain-dynamic-imports'

const folders: string[] = []
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Builds a tiny client app (an entry that imports a lazy chunk) as vite.config.ts builds ours. */
async function buildApp(files: Record<string, string>, plugins: Plugin[]) {
  const dir = mkdtempSync(join(tmpdir(), 'plain-dynamic-imports-'))
  folders.push(dir)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    plugins,
    build: {
      outDir: join(dir, 'dist'),
      modulePreload: false,
      minify: false,
      rollupOptions: { input: join(dir, 'main.js'), output: { entryFileNames: 'app.js', chunkFileNames: 'chunk-[name].js' } },
    },
  })
  const out = join(dir, 'dist')
  return { out, entry: readFileSync(join(out, 'app.js'), 'utf8'), names: readdirSync(out) }
}

const APP = {
  'main.js': 'globalThis.openArticle = () => import("./article.js").then((m) => m.compare("a", "b"))\n',
  'article.js': 'export const compare = (a, b) => (a === b ? "same" : "differs")\n',
}

describe('lazy chunks without Vite’s preload helper', () => {
  it('Vite alone puts its preload helper in the entry', async () => {
    const { entry } = await buildApp(APP, [])
    expect(entry).toContain('vite:preloadError')
  })

  it('with the plugin the entry only runs the import, and the chunk still loads', async () => {
    const { out, entry, names } = await buildApp(APP, [plainDynamicImports()])
    expect(entry).not.toContain('vite:preloadError')
    expect(entry).not.toContain('modulepreload')
    expect(names).toContain('chunk-article.js')
    await import(pathToFileURL(join(out, 'app.js')).href)
    const openArticle: unknown = Reflect.get(globalThis, 'openArticle')
    Reflect.deleteProperty(globalThis, 'openArticle')
    expect(typeof openArticle).toBe('function')
    if (typeof openArticle === 'function') expect(await openArticle()).toBe('differs')
  })

  it('refuses a lazy chunk that brings its own stylesheet (it would never be loaded)', async () => {
    const withCss = { ...APP, 'article.js': `import "./article.css"\n${APP['article.js']}`, 'article.css': '.article { color: red }\n' }
    await expect(buildApp(withCss, [plainDynamicImports()])).rejects.toThrow(/brings its own CSS/)
  })
})
