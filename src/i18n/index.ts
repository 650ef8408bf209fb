import { app as enApp, ui as en } from '../../translations/en.json'
import { app as koApp, ui as ko } from '../../translations/ko.json'

/** The UI's languages; every other locale falls back to English. */
export type UiLanguage = 'ko' | 'en'
export type MessageKey = keyof typeof en

const catalogues: Record<UiLanguage, Record<MessageKey, string>> = { en, ko }

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
    const template = catalogue[key] ?? en[key]
    return params ? template.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : template
  }
}

const parameterLabels: Record<UiLanguage, Record<string, { label: string }>> = { en: enApp.parameters, ko: koApp.parameters }

/** A setting's label as the admin sees it in the settings form, to name it in messages. */
export function parameterLabel(language: UiLanguage, setting: string): string {
  return parameterLabels[language][setting]?.label ?? setting
}
