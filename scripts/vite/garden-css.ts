/**
 * The Garden CSS purge: Garden's CSS packages ship every component's rules; the sidebar keeps only
 * those its markup can match (see gardenOnlyUsedRules).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'

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

export function parseRules(css: string): Rule[] {
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
export interface UsedMarkup {
  classes: Set<string>
  /** The Garden classes of each run of words as written (`c-btn c-btn--sm`): which meet on one element. */
  classLists: Set<string>[]
  elements: Set<string>
  /** Every word of the markup files: attribute names among them (over-counting only keeps more). */
  words: Set<string>
  inputTypes: Set<string>
}

/** Input parts that only date, number, colour and file inputs have (the sidebar has none). */
const UNUSED_INPUT_PARTS =
  /::?-(?:webkit|moz)-(?:calendar-picker-indicator|color-swatch|color-swatch-wrapper|inner-spin-button|outer-spin-button|file-upload-button|datetime-edit)|:-moz-read-only/

/**
 * Declarations that change nothing in a desktop agent's browser: iOS-only text inflation and
 * long-press menu, macOS font smoothing set to its default (nothing here sets another), and
 * normalize's iOS fix giving buttons the appearance desktop browsers already give them.
 */
const NO_EFFECT_DECLARATIONS =
  /^(?:-webkit-text-size-adjust:|-webkit-touch-callout:|-webkit-font-smoothing:auto$|-moz-osx-font-smoothing:auto$|-webkit-appearance:button$)/

/** Whether a selector can match the sidebar's markup (see {@link UsedMarkup}). */
export function selectorMatchesMarkup(selector: string, used: UsedMarkup): boolean {
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
export function withoutDeadDeclarations(rules: Rule[], after: Rule[], read: Set<string>): Rule[] {
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
export function gardenOnlyUsedRules(root: string): Plugin {
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
      const allCss = [
        ours,
        ...readdirSync(garden)
          .map((name) => resolve(garden, name, 'dist/index.css'))
          .filter(existsSync)
          .map((path) => readFileSync(path, 'utf8')),
      ]
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
