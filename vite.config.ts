import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vitest/config'
import { gardenOnlyUsedRules } from './scripts/vite/garden-css.ts'

const root = import.meta.dirname
// DIST_DIR lets a size report build elsewhere without touching dist/ (scripts/module-sizes.mjs).
const dist = resolve(root, process.env.DIST_DIR ?? 'dist')

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

/** The UI strings of translations/<lang>.json plus the settings' labels (`label:<setting>`). */
function readCatalogue(language: string): Record<string, string> {
  const { app, ui } = JSON.parse(readFileSync(resolve(root, 'translations', `${language}.json`), 'utf8')) as {
    app: { parameters: Record<string, { label: string }> }
    ui: Record<string, string>
  }
  const labels = Object.fromEntries(Object.entries(app.parameters).map(([name, { label }]) => [`label:${name}`, label]))
  return { ...ui, ...labels }
}

/**
 * `virtual:ui-catalogues`: per language, where its texts are. In a build each language is a JSON
 * file of its own under assets/ (its URL is exported; the frame fetches only the one it shows),
 * holding the texts alone, in the order of the exported `keys`: the key names ship once, in the
 * script, where the code names them anyway (1.5 KB gzip less per language file). Under the dev
 * server and vitest the texts are exported inline. Marketplace texts stay out.
 */
function uiCatalogues(): Plugin {
  const id = 'virtual:ui-catalogues'
  let building = false
  return {
    name: 'ui-catalogues',
    configResolved(config) {
      building = config.command === 'build'
    },
    resolveId(source) {
      return source === id ? `\0${id}` : undefined
    },
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined
      const keys = Object.keys(readCatalogue('en')).sort()
      const entries = ['ko', 'en'].map((language) => {
        this.addWatchFile(resolve(root, 'translations', `${language}.json`))
        const catalogue = readCatalogue(language)
        const missing = keys.filter((key) => !(key in catalogue))
        if (missing.length || Object.keys(catalogue).length !== keys.length) {
          throw new Error(`translations/${language}.json and en.json differ in keys (${missing.join(', ') || 'extra keys'})`)
        }
        if (!building) return `${language}: ${JSON.stringify(catalogue)}`
        const ref = this.emitFile({ type: 'asset', name: `ui-${language}.json`, source: JSON.stringify(keys.map((key) => catalogue[key])) })
        return `${language}: import.meta.ROLLUP_FILE_URL_${ref}`
      })
      return `export const keys = ${building ? JSON.stringify(keys) : '[]'}\nexport default { ${entries.join(', ')} }`
    },
  }
}

export default defineConfig({
  root: resolve(root, 'src'),
  base: './',
  // Nothing is copied verbatim into the app: msw's worker and fixtures stay out of dist/.
  publicDir: false,
  plugins: [uiCatalogues(), gardenOnlyUsedRules(root), zendeskPackageLayout()],
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
        chunkFileNames: 'chunk-[name]-[hash].js',
        // The language files keep their name (ui-ko, ui-en) so the bench can tell them apart.
        assetFileNames: (asset) => (asset.names[0]?.startsWith('ui-') ? '[name]-[hash][extname]' : 'app-[hash][extname]'),
      },
    },
  },
  test: {
    root,
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
  },
})
