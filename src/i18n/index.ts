import sources, { keys } from 'virtual:ui-catalogues'
import type enJson from '../../translations/en.json'

/** The UI's languages; every other locale falls back to English. */
export type UiLanguage = 'ko' | 'en'
export type MessageKey = keyof (typeof enJson)['ui']
type Catalogue = Record<string, string>

/** A language's texts: the core ones once loaded, the rare ones added when they arrive. */
const loaded: Partial<Record<UiLanguage, Catalogue>> = {}
const loading: Partial<Record<UiLanguage, Promise<void>>> = {}
/**
 * A language's rare texts (faults, settings problems: split.ts), fetched the first time one is
 * shown: under way, here (true) or failed (false; then only {@link loadLanguage} tries again, so
 * a frame never retries in a loop).
 */
const rare: Partial<Record<UiLanguage, Promise<void> | boolean>> = {}
/** Renders again when rare texts arrive or fail (the frame's one view, see {@link translator}). */
let rerender: (() => void) | undefined

/**
 * Maps a Zendesk locale to a UI language: `ko-KR` → `ko` → `ko`; anything unknown → `en`.
 * Zendesk locales look like `ko`, `en-US`, `en-gb`, `zh-tw`.
 */
export function resolveLanguage(locale: string | null | undefined): UiLanguage {
  const base = (locale ?? '').trim().toLowerCase().replace('_', '-').split('-')[0] ?? ''
  return base in sources ? (base as UiLanguage) : 'en'
}

function fetchJson<T>(url: string): Promise<T> {
  return fetch(url).then((response) => (response.ok ? (response.json() as Promise<T>) : Promise.reject(new Error(`HTTP ${response.status}`))))
}

function fetchCore(source: string | Catalogue): Promise<Catalogue> {
  if (typeof source !== 'string') return Promise.resolve(source)
  return fetchJson<string[]>(source).then((texts) => Object.fromEntries(keys.map((key, i) => [key, texts[i] ?? key])))
}

function loadRare(language: UiLanguage, url: string): Promise<void> {
  return fetchJson<Catalogue>(url)
    .then(
      (texts) => {
        loaded[language] = { ...loaded[language], ...texts }
        rare[language] = true
      },
      () => {
        rare[language] = false
      },
    )
    .then(() => rerender?.())
}

/**
 * Downloads a language's core texts once (each language is a file of its own: an agent's frame
 * fetches only the one it shows); a failed download may be tried again, and so may the rare
 * texts once they have failed. With `rareToo`, the rare texts unless they are here (for work that
 * needs them before it goes on: the audit note; then see {@link rareTextsFailed}).
 */
export function loadLanguage(language: UiLanguage, rareToo?: boolean): Promise<void> {
  const url = sources[language][1]
  if ((rareToo ? rare[language] !== true : rare[language] === false) && url) return (rare[language] = loadRare(language, url))
  return (loading[language] ??= fetchCore(sources[language][0]).then(
    (catalogue) => {
      loaded[language] = catalogue
    },
    (error: unknown) => {
      delete loading[language]
      throw error
    },
  ))
}

/** Whether {@link translator} has the language's core texts yet. */
export function isLanguageLoaded(language: UiLanguage): boolean {
  return language in loaded
}

/** Whether the language's rare texts were needed and could not be downloaded. */
export function rareTextsFailed(language: UiLanguage): boolean {
  return rare[language] === false
}

/**
 * A text of a loaded language. A rare one not here yet starts the download of the rare texts and
 * is '' meanwhile, never its key. (Under vitest every text is inline, with no rare file.)
 */
function text(language: UiLanguage, key: string): string | undefined {
  const catalogue = loaded[language]
  const url = sources[language][1]
  if (!catalogue || key in catalogue || rare[language] === true || !url) return catalogue?.[key]
  rare[language] ??= loadRare(language, url)
  return ''
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/**
 * A translator for one language (load it first): `{name}` placeholders are filled from
 * `params`; a missing text shows its key rather than nothing. A rare text is '' until its file
 * has arrived: the view passes `onTexts` to render again then.
 */
export function translator(language: UiLanguage, onTexts?: () => void): Translate {
  rerender = onTexts ?? rerender
  return (key, params) => {
    const template = text(language, key) ?? key
    return params ? template.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : template
  }
}

/** A setting's label as the admin sees it in the settings form, to name it in messages. */
export function parameterLabel(language: UiLanguage, setting: string): string {
  return text(language, `label:${setting}`) || setting
}
