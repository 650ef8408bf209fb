import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vitest/config'

const root = import.meta.dirname
const dist = resolve(root, 'dist')

/**
 * Lays out dist/ the way Zendesk expects an app package: manifest.json and translations/ at the
 * root, the built iframe page and the logos under assets/. Only the files the package needs are
 * copied (no msw worker, no screenshots of the tests' own making beyond the Marketplace ones).
 */
function zendeskPackageLayout(): Plugin {
  return {
    name: 'zendesk-package-layout',
    apply: 'build',
    closeBundle() {
      cpSync(resolve(root, 'manifest.json'), resolve(dist, 'manifest.json'))
      mkdirSync(resolve(dist, 'translations'), { recursive: true })
      for (const file of readdirSync(resolve(root, 'translations'))) {
        if (file.endsWith('.json')) cpSync(resolve(root, 'translations', file), resolve(dist, 'translations', file))
      }
      for (const file of readdirSync(resolve(root, 'assets'))) {
        if (/^(logo(-small)?|screenshot-\d+)\.png$/.test(file)) {
          cpSync(resolve(root, 'assets', file), resolve(dist, 'assets', file))
        }
      }
      if (!existsSync(resolve(dist, 'assets', 'iframe.html'))) {
        throw new Error('build did not produce dist/assets/iframe.html')
      }
    },
  }
}

/**
 * `virtual:ui-catalogue/<lang>`: the UI strings of translations/<lang>.json plus the settings'
 * labels (`label:<setting>`), and nothing of the Marketplace texts the sidebar never shows.
 */
function uiCatalogues(): Plugin {
  const prefix = 'virtual:ui-catalogue/'
  return {
    name: 'ui-catalogues',
    resolveId(id) {
      return id.startsWith(prefix) ? `\0${id}` : undefined
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined
      const file = resolve(root, 'translations', `${id.slice(prefix.length + 1)}.json`)
      this.addWatchFile(file)
      const { app, ui } = JSON.parse(readFileSync(file, 'utf8')) as {
        app: { parameters: Record<string, { label: string }> }
        ui: Record<string, string>
      }
      const labels = Object.fromEntries(Object.entries(app.parameters).map(([name, { label }]) => [`label:${name}`, label]))
      return `export default ${JSON.stringify({ ...ui, ...labels })}`
    },
  }
}

export default defineConfig({
  root: resolve(root, 'src'),
  base: './',
  // Nothing is copied verbatim into the app: msw's worker and fixtures stay out of dist/.
  publicDir: false,
  plugins: [uiCatalogues(), zendeskPackageLayout()],
  build: {
    outDir: resolve(dist, 'assets'),
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: '.',
    modulePreload: false,
    rollupOptions: {
      input: resolve(root, 'src/iframe.html'),
      output: {
        entryFileNames: 'app-[hash].js',
        chunkFileNames: 'chunk-[hash].js',
        assetFileNames: 'app-[hash][extname]',
      },
    },
  },
  test: {
    root,
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
  },
})
