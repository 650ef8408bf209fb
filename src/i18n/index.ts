import sources, { keys } from 'virtual:ui-catalogues'
import type enJson from '../../translations/en.json'

/** The UI's languages; every other locale falls back to English. */
export type UiLanguage = 'ko' | 'en'
export type MessageKey = keyof (typeof enJson)['ui']
type Catalogue = Record<string, string>

const loaded: Partial<Record<UiLanguage, Catalogue>> = {}
const loading: Partial<Record<UiLanguage, Promise<void>>> = {}

/**
 * Maps a Zendesk locale to a UI language: `ko-KR` → `ko` → `ko`; anything unknown → `en`.
 * Zendesk locales look like `ko`, `en-US`, `en-gb`, `zh-tw`.
 */
export function resolveLanguage(locale: string | null | undefined): UiLanguage {
  const base = (locale ?? '').trim().toLowerCase().replace('_', '-').split('-')[0] ?? ''
  return base in sources ? (base as UiLanguage) : 'en'
}

function fetchTexts(source: string | Catalogue): Promise<Catalogue> {
  if (typeof source !== 'string') return Promise.resolve(source)
  return fetch(source)
    .then((response) => (response.ok ? (response.json() as Promise<string[]>) : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((texts) => Object.fromEntries(keys.map((key, i) => [key, texts[i] ?? key])))
}

/**
 * Downloads a language's texts once (each language is a file of its own: an agent's frame
 * fetches only the one it shows); a failed download may be tried again.
 */
export function loadLanguage(language: UiLanguage): Promise<void> {
  return (loading[language] ??= fetchTexts(sources[language]).then(
    (catalogue) => {
      loaded[language] = catalogue
    },
    (error: unknown) => {
      delete loading[language]
      throw error
    },
  ))
}

/** Whether {@link translator} has the language's texts yet. */
export function isLanguageLoaded(language: UiLanguage): boolean {
  return language in loaded
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/**
 * A translator for one language (load it first): `{name}` placeholders are filled from
 * `params`; a missing text shows its key rather than nothing.
 */
export function translator(language: UiLanguage): Translate {
  const catalogue = loaded[language] ?? {}
  return (key, params) => {
    const template = catalogue[key] ?? key
    return params ? template.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : template
  }
}

/** A setting's label as the admin sees it in the settings form, to name it in messages. */
export function parameterLabel(language: UiLanguage, setting: string): string {
  return loaded[language]?.[`label:${setting}`] ?? setting
}
