import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vitest/config'

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
 * file of its own under assets/ (its URL is exported; the frame fetches only the one it shows).
 * Under the dev server and vitest the texts are exported inline. Marketplace texts stay out.
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
      const entries = ['ko', 'en'].map((language) => {
        this.addWatchFile(resolve(root, 'translations', `${language}.json`))
        const catalogue = readCatalogue(language)
        if (!building) return `${language}: ${JSON.stringify(catalogue)}`
        const ref = this.emitFile({ type: 'asset', name: `ui-${language}.json`, source: JSON.stringify(catalogue) })
        return `${language}: import.meta.ROLLUP_FILE_URL_${ref}`
      })
      return `export default { ${entries.join(', ')} }`
    },
  }
}

/** Splits a selector list at top-level commas (not those inside `:where(…)`). */
function splitSelectors(list: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < list.length; i++) {
    const c = list[i]
    if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i))
      start = i + 1
    }
  }
  out.push(list.slice(start))
  return out.map((selector) => selector.trim()).filter(Boolean)
}

/** What the sidebar's markup can contain: Garden classes, element names, input types. */
interface UsedMarkup {
  classes: Set<string>
  elements: Set<string>
  inputTypes: Set<string>
}

/** Input parts that only date, number, colour and file inputs have (the sidebar has none). */
const UNUSED_INPUT_PARTS = /::?-(?:webkit|moz)-(?:calendar-picker-indicator|color-swatch|color-swatch-wrapper|inner-spin-button|outer-spin-button|file-upload-button|datetime-edit)|:-moz-read-only/

/** Whether a selector can match the sidebar's markup (see {@link UsedMarkup}). */
function selectorMatchesMarkup(selector: string, used: UsedMarkup): boolean {
  if (/\[dir=rtl\]|\.is-rtl/.test(selector) || UNUSED_INPUT_PARTS.test(selector)) return false
  if (![...selector.matchAll(/\.([\w-]+)/g)].every(([, name]) => name !== undefined && (!name.startsWith('c-') || used.classes.has(name)))) return false
  if (![...selector.matchAll(/\[type=([\w-]+)\]/g)].every(([, type]) => type !== undefined && used.inputTypes.has(type))) return false
  // Element names outside :not(…)/:where(…) must be ones the sidebar renders.
  const outside = selector.replace(/\([^()]*\)/g, '()')
  return [...outside.matchAll(/(?:^|[\s>+~])([a-z][a-z0-9]*)/g)].every(([, element]) => element !== undefined && used.elements.has(element))
}

/**
 * Keeps only the Garden CSS rules the sidebar can match: no class, element or input type it
 * never renders, no right-to-left rules (Garden's packages are flat lists of rules, no at-rules).
 */
function gardenOnlyUsedRules(): Plugin {
  let used: UsedMarkup | null = null
  const usedMarkup = (): UsedMarkup => {
    if (used) return used
    const found: UsedMarkup = { classes: new Set(), elements: new Set(['html', 'body']), inputTypes: new Set() }
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = resolve(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (/\.(tsx?|html)$/.test(entry.name)) {
          const source = readFileSync(path, 'utf8')
          for (const [name] of source.matchAll(/\bc-[\w-]+/g)) found.classes.add(name)
          for (const [, element] of source.matchAll(/<([a-z][a-z0-9]*)[\s>/]/g)) if (element) found.elements.add(element)
          for (const [, type] of source.matchAll(/\btype="([\w-]+)"/g)) if (type) found.inputTypes.add(type)
        }
      }
    }
    walk(resolve(root, 'src'))
    used = found
    return found
  }
  return {
    name: 'garden-only-used-rules',
    apply: 'build',
    transform(code, id) {
      if (!/@zendeskgarden\/css-[a-z]+\/dist\/index\.css$/.test(id)) return undefined
      const markup = usedMarkup()
      const rules = code.replace(/\/\*[\s\S]*?\*\//g, '').split('}')
      const kept: string[] = []
      for (const rule of rules) {
        const open = rule.indexOf('{')
        if (open < 0) continue
        const selectors = splitSelectors(rule.slice(0, open)).filter((selector) => selectorMatchesMarkup(selector, markup))
        if (selectors.length) kept.push(`${selectors.join(',')}{${rule.slice(open + 1).trim()}}`)
      }
      return { code: kept.join('\n'), map: null }
    },
  }
}

export default defineConfig({
  root: resolve(root, 'src'),
  base: './',
  // Nothing is copied verbatim into the app: msw's worker and fixtures stay out of dist/.
  publicDir: false,
  plugins: [uiCatalogues(), gardenOnlyUsedRules(), zendeskPackageLayout()],
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
