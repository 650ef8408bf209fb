import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vitest/config'
import { gardenOnlyUsedRules } from './scripts/vite/garden-css.ts'
import { plainDynamicImports } from './scripts/vite/plain-dynamic-imports.ts'
import { uiCatalogues } from './scripts/vite/ui-catalogues.ts'

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

export default defineConfig({
  root: resolve(root, 'src'),
  base: './',
  // Nothing is copied verbatim into the app: msw's worker and fixtures stay out of dist/.
  publicDir: false,
  plugins: [uiCatalogues(root), plainDynamicImports(), gardenOnlyUsedRules(root), zendeskPackageLayout()],
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
        // The language files keep their name (ui-ko, ui-ko-rare, ui-en, …) so the bench can tell them apart.
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
