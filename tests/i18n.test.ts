import { describe, expect, it } from 'vitest'
import en from '../translations/en.json'
import ko from '../translations/ko.json'
import { resolveLanguage, translator } from '../src/i18n'

describe('resolveLanguage', () => {
  it.each([
    ['ko', 'ko'],
    ['ko-KR', 'ko'],
    ['KO_kr', 'ko'],
    ['en-US', 'en'],
    ['en-gb', 'en'],
    ['ja', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ])('%s → %s', (locale, language) => {
    expect(resolveLanguage(locale)).toBe(language)
  })
})

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key))
}

describe('translations', () => {
  it('have the same keys in Korean and English', () => {
    expect(keysOf(ko).sort()).toEqual(keysOf(en).sort())
  })

  it('fill placeholders and leave unknown ones visible', () => {
    const t = translator('en')
    expect(t('failTimeout', { seconds: 10 })).toBe('Zendesk did not answer within 10 s.')
    expect(t('failTimeout')).toBe('Zendesk did not answer within {seconds} s.')
  })
})
