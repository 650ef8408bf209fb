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

/** Splits at top-level `separator`s: not inside parentheses (`:where(…)`, `url(…)`) or quotes. */
function splitTop(text: string, separator: string): string[] {
  const out: string[] = []
  let depth = 0
  let quote = ''
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === separator && depth === 0) {
      out.push(text.slice(start, i))
      start = i + 1
    }
  }
  out.push(text.slice(start))
  return out.map((part) => part.trim()).filter(Boolean)
}

/** A flat style rule; at-rules (our `@keyframes`) are left out, Garden has none. */
interface Rule {
  selectors: string[]
  declarations: string[]
}

function parseRules(css: string): Rule[] {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('}')
    .flatMap((rule) => {
      const open = rule.indexOf('{')
      if (open < 0 || rule.trimStart().startsWith('@')) return []
      const selectors = splitTop(rule.slice(0, open), ',').map((selector) => selector.replace(/\s*([>+~])\s*/g, '$1').replace(/\s+/g, ' '))
      return [{ selectors, declarations: splitTop(rule.slice(open + 1), ';') }]
    })
}

/** What the sidebar's markup can contain: Garden classes, element and attribute names, input types. */
interface UsedMarkup {
  classes: Set<string>
  /** The Garden classes of each run of words as written (`c-btn c-btn--sm`): which meet on one element. */
  classLists: Set<string>[]
  elements: Set<string>
  /** Every word of the markup files: attribute names among them (over-counting only keeps more). */
  words: Set<string>
  inputTypes: Set<string>
}

/** Input parts that only date, number, colour and file inputs have (the sidebar has none). */
const UNUSED_INPUT_PARTS = /::?-(?:webkit|moz)-(?:calendar-picker-indicator|color-swatch|color-swatch-wrapper|inner-spin-button|outer-spin-button|file-upload-button|datetime-edit)|:-moz-read-only/

/**
 * Declarations that change nothing in a desktop agent's browser: iOS-only text inflation and
 * long-press menu, macOS font smoothing set to its default (nothing here sets another), and
 * normalize's iOS fix giving buttons the appearance desktop browsers already give them.
 */
const NO_EFFECT_DECLARATIONS = /^(?:-webkit-text-size-adjust:|-webkit-touch-callout:|-webkit-font-smoothing:auto$|-moz-osx-font-smoothing:auto$|-webkit-appearance:button$)/

/** Whether a selector can match the sidebar's markup (see {@link UsedMarkup}). */
function selectorMatchesMarkup(selector: string, used: UsedMarkup): boolean {
  if (/\[dir=rtl\]|\.is-rtl/.test(selector) || UNUSED_INPUT_PARTS.test(selector)) return false
  if (![...selector.matchAll(/\.([\w-]+)/g)].every(([, name]) => name !== undefined && (!name.startsWith('c-') || used.classes.has(name)))) return false
  if (![...selector.matchAll(/\[type=([\w-]+)\]/g)].every(([, type]) => type !== undefined && used.inputTypes.has(type))) return false
  // Outside :not(…)/:where(…): element and attribute names the sidebar renders, and Garden classes
  // combined on one element (`.c-btn--primary.c-btn--danger`) only if some element has them all.
  const outside = selector.replace(/\([^()]*\)/g, '()')
  if (![...outside.matchAll(/\[([\w-]+)/g)].every(([, name]) => name !== undefined && used.words.has(name))) return false
  for (const compound of outside.split(/[\s>+~]+/)) {
    const classes = compound.match(/\bc-[\w-]+/g) ?? []
    if (new Set(classes).size > 1 && !used.classLists.some((list) => classes.every((name) => list.has(name)))) return false
  }
  return [...outside.matchAll(/(?:^|[\s>+~])([a-z][a-z0-9]*)/g)].every(([, element]) => element !== undefined && used.elements.has(element))
}

/**
 * Drops declarations that cannot win: a later rule with the same selector (later in the file, or
 * in src/styles.css, imported after Garden) sets the same property, with at least the same
 * importance. Also drops custom properties nothing reads (Tailwind's `--tw-shadow-colored`).
 */
function withoutDeadDeclarations(rules: Rule[], after: Rule[], read: Set<string>): Rule[] {
  const setLater = new Map<string, Map<string, boolean>>()
  const note = (rule: Rule) => {
    for (const selector of rule.selectors) {
      const properties = setLater.get(selector) ?? new Map<string, boolean>()
      setLater.set(selector, properties)
      for (const declaration of rule.declarations) {
        const property = declaration.slice(0, declaration.indexOf(':')).trim()
        properties.set(property, properties.get(property) || /!\s*important$/.test(declaration))
      }
    }
  }
  after.forEach(note)
  const kept: Rule[] = []
  for (const rule of [...rules].reverse()) {
    const declarations = rule.declarations.filter((declaration) => {
      const property = declaration.slice(0, declaration.indexOf(':')).trim()
      if ((property.startsWith('--') && !read.has(property)) || NO_EFFECT_DECLARATIONS.test(declaration)) return false
      const important = /!\s*important$/.test(declaration)
      return rule.selectors.some((selector) => {
        const laterImportant = setLater.get(selector)?.get(property)
        return laterImportant === undefined || (important && !laterImportant)
      })
    })
    note(rule)
    if (declarations.length) kept.unshift({ selectors: rule.selectors, declarations })
  }
  return kept
}

/**
 * Keeps only the Garden CSS rules the sidebar can match: no class, element, attribute or input
 * type it never renders, no right-to-left rules, no declarations overridden before they could
 * apply (Garden's packages are flat lists of rules, no at-rules). Garden classes are written out
 * literally in the markup, those of one element together (`class="c-btn c-btn--sm"`).
 */
function gardenOnlyUsedRules(): Plugin {
  let used: UsedMarkup | null = null
  const usedMarkup = (): UsedMarkup => {
    if (used) return used
    const found: UsedMarkup = { classes: new Set(), classLists: [], elements: new Set(['html', 'body']), words: new Set(), inputTypes: new Set() }
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = resolve(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (/\.(tsx?|html)$/.test(entry.name)) {
          const source = readFileSync(path, 'utf8')
          for (const [name] of source.matchAll(/\bc-[\w-]+/g)) found.classes.add(name)
          for (const [run] of source.matchAll(/[\w-]+(?:\s+[\w-]+)*/g)) if (/\bc-/.test(run)) found.classLists.push(new Set(run.match(/\bc-[\w-]+/g)))
          if (entry.name.endsWith('.ts')) continue
          // Markup is only in .tsx and .html; comments there may name elements (`<code>`) it lacks.
          const markup = source.replace(/\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->/g, '')
          for (const [, element] of markup.matchAll(/<([a-z][a-z0-9]*)[\s>/]/g)) if (element) found.elements.add(element)
          for (const [word] of markup.matchAll(/[a-z][\w-]*/gi)) found.words.add(word.toLowerCase())
          for (const [, type] of markup.matchAll(/\btype="([\w-]+)"/g)) if (type) found.inputTypes.add(type)
        }
      }
    }
    walk(resolve(root, 'src'))
    used = found
    return found
  }
  const styles = resolve(root, 'src/styles.css')
  return {
    name: 'garden-only-used-rules',
    apply: 'build',
    transform(code, id) {
      if (!/@zendeskgarden\/css-[a-z]+\/dist\/index\.css$/.test(id)) return undefined
      this.addWatchFile(styles)
      const markup = usedMarkup()
      const ours = readFileSync(styles, 'utf8')
      const garden = resolve(root, 'node_modules/@zendeskgarden')
      const allCss = [ours, ...readdirSync(garden).map((name) => resolve(garden, name, 'dist/index.css')).filter(existsSync).map((path) => readFileSync(path, 'utf8'))]
      const read = new Set(allCss.flatMap((css) => [...css.matchAll(/var\(\s*(--[\w-]+)/g)].map(([, name]) => name ?? '')))
      const rules = parseRules(code).flatMap(({ selectors, declarations }) => {
        const matching = selectors.filter((selector) => selectorMatchesMarkup(selector, markup))
        return matching.length ? [{ selectors: matching, declarations }] : []
      })
      const kept = withoutDeadDeclarations(rules, parseRules(ours), read)
      return { code: kept.map((rule) => `${rule.selectors.join(',')}{${rule.declarations.join(';')}}`).join('\n'), map: null }
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
