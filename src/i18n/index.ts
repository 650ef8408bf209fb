import en from 'virtual:ui-catalogue/en'
import ko from 'virtual:ui-catalogue/ko'
import type enJson from '../../translations/en.json'

/** The UI's languages; every other locale falls back to English. */
export type UiLanguage = 'ko' | 'en'
export type MessageKey = keyof (typeof enJson)['ui']

const catalogues: Record<UiLanguage, Record<string, string>> = { en, ko }

/**
 * Maps a Zendesk locale to a UI language: `ko-KR` → `ko` → `ko`; anything unknown → `en`.
 * Zendesk locales look like `ko`, `en-US`, `en-gb`, `zh-tw`.
 */
export function resolveLanguage(locale: string | null | undefined): UiLanguage {
  const tag = (locale ?? '').trim().toLowerCase().replace('_', '-')
  const base = tag.split('-')[0] ?? ''
  return base in catalogues ? (base as UiLanguage) : 'en'
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/** A translator for one language: `{name}` placeholders are filled from `params`. */
export function translator(language: UiLanguage): Translate {
  const catalogue = catalogues[language]
  return (key, params) => {
    const template = catalogue[key] ?? en[key] ?? key
    return params ? template.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : template
  }
}

/** A setting's label as the admin sees it in the settings form, to name it in messages. */
export function parameterLabel(language: UiLanguage, setting: string): string {
  return catalogues[language][`label:${setting}`] ?? setting
}
