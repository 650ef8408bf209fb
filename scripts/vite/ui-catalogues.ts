/**
 * `virtual:ui-catalogues`: the UI texts of translations/<lang>.json, split per language by
 * src/i18n/split.ts into the core texts every frame shows and the rare ones (faults, settings
 * problems and labels, the article comparison) a frame fetches the first time it shows one.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { textClass } from '../../src/i18n/split.ts'

export const UI_LANGUAGES = ['ko', 'en'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

/** The UI strings of translations/<lang>.json plus the settings' labels (`label:<setting>`). */
export function readCatalogue(root: string, language: string): Record<string, string> {
  const { app, ui } = JSON.parse(readFileSync(resolve(root, 'translations', `${language}.json`), 'utf8')) as {
    app: { parameters: Record<string, { label: string }> }
    ui: Record<string, string>
  }
  const labels = Object.fromEntries(Object.entries(app.parameters).map(([name, { label }]) => [`label:${name}`, label]))
  return { ...ui, ...labels }
}

export interface SplitCatalogues {
  /** The core keys, sorted: the order of every core file's texts (shipped in the script). */
  keys: string[]
  /** Per language: the core file (its texts alone, in the order of `keys`) and the rare file (key → text). */
  files: Record<UiLanguage, { core: string[]; rare: Record<string, string> }>
  /** Every text, per language (what the dev server and vitest get inline). */
  all: Record<UiLanguage, Record<string, string>>
}

/** Splits the catalogues; throws when a key is not classified or the languages differ in keys. */
export function splitCatalogues(root: string): SplitCatalogues {
  const every = Object.keys(readCatalogue(root, 'en')).sort()
  const unclassified = every.filter((key) => !textClass(key))
  if (unclassified.length) throw new Error(`src/i18n/split.ts does not say whether these texts are core or rare: ${unclassified.join(', ')}`)
  const keys = every.filter((key) => textClass(key) === 'core')
  const rareKeys = every.filter((key) => textClass(key) === 'rare')
  const read = (language: UiLanguage) => {
    const catalogue = readCatalogue(root, language)
    const missing = every.filter((key) => !(key in catalogue))
    if (missing.length || Object.keys(catalogue).length !== every.length) {
      throw new Error(`translations/${language}.json and en.json differ in keys (${missing.join(', ') || 'extra keys'})`)
    }
    return catalogue
  }
  const all = { ko: read('ko'), en: read('en') }
  const split = (catalogue: Record<string, string>) => ({
    core: keys.map((key) => catalogue[key] ?? key),
    rare: Object.fromEntries(rareKeys.map((key) => [key, catalogue[key] ?? key])),
  })
  return { keys, files: { ko: split(all.ko), en: split(all.en) }, all }
}

/**
 * In a build each language is two JSON files under assets/ (their URLs are exported; a frame
 * fetches only its own language's, and its rare file only when it shows a rare text): the core
 * file holds its texts alone, in the order of the exported `keys` (the key names ship once, in
 * the script, where the code names them anyway); the rare file is an object of key → text, so a
 * frame that never needs it carries none of its key names. Under the dev server and vitest every
 * text is exported inline, in one piece (tests/i18n.test.ts checks the split itself).
 * Marketplace texts stay out.
 */
export function uiCatalogues(root: string): Plugin {
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
      for (const language of UI_LANGUAGES) this.addWatchFile(resolve(root, 'translations', `${language}.json`))
      const { keys, files, all } = splitCatalogues(root)
      const entries = UI_LANGUAGES.map((language) => {
        if (!building) return `${language}: [${JSON.stringify(all[language])}]`
        const core = this.emitFile({ type: 'asset', name: `ui-${language}.json`, source: JSON.stringify(files[language].core) })
        const rare = this.emitFile({ type: 'asset', name: `ui-${language}-rare.json`, source: JSON.stringify(files[language].rare) })
        return `${language}: [import.meta.ROLLUP_FILE_URL_${core}, import.meta.ROLLUP_FILE_URL_${rare}]`
      })
      return `export const keys = ${building ? JSON.stringify(keys) : '[]'}\nexport default { ${entries.join(', ')} }`
    },
  }
}
