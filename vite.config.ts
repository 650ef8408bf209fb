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

/**
 * Keeps only the Garden CSS rules the sidebar can match: a selector stays when every class it
 * names appears in src/ (Garden's packages are flat lists of rules, no at-rules).
 */
function gardenOnlyUsedRules(): Plugin {
  let used: Set<string> | null = null
  const usedClasses = () => {
    if (used) return used
    used = new Set()
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = resolve(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (/\.(tsx?|html)$/.test(entry.name)) for (const [name] of readFileSync(path, 'utf8').matchAll(/\bc-[\w-]+/g)) used!.add(name)
      }
    }
    walk(resolve(root, 'src'))
    return used
  }
  return {
    name: 'garden-only-used-rules',
    apply: 'build',
    transform(code, id) {
      if (!/@zendeskgarden\/css-[a-z]+\/dist\/index\.css$/.test(id)) return undefined
      const classes = usedClasses()
      const rules = code.replace(/\/\*[\s\S]*?\*\//g, '').split('}')
      const kept: string[] = []
      for (const rule of rules) {
        const open = rule.indexOf('{')
        if (open < 0) continue
        const selectors = splitSelectors(rule.slice(0, open)).filter((selector) =>
          [...selector.matchAll(/\.([\w-]+)/g)].every(([, name]) => name !== undefined && (!name.startsWith('c-') || classes.has(name))),
        )
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
