import { describe, expect, it } from 'vitest'
import en from '../translations/en.json'
import ko from '../translations/ko.json'
import { resolveLanguage, translator, type MessageKey } from '../src/i18n'
import type { ReasonCode } from '../src/procedure'

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

// The procedure's reason codes and the catalogues' reason sentences are the same set. tsc proves
// it (npm test type-checks tests/): reasonText builds `reason_${code}` as a message key, so a code
// without an English sentence does not compile, and this line refuses a sentence without a code.
type Sentence = Extract<MessageKey, `reason_${string}`>
const sameSet: [Exclude<Sentence, `reason_${ReasonCode}`>, Exclude<`reason_${ReasonCode}`, Sentence>] extends [never, never] ? true : false = true

describe('the procedure’s words', () => {
  const reasonKeys = (catalogue: { ui: Record<string, string> }) => Object.keys(catalogue.ui).filter((key) => key.startsWith('reason_'))

  it.each(['ko', 'en'] as const)('every reason has a sentence in %s, with only the values a reason carries', (language) => {
    expect(sameSet).toBe(true)
    const catalogue = language === 'ko' ? ko : en
    const keys = reasonKeys(catalogue)
    expect(keys.length).toBeGreaterThan(40)
    expect(keys).toEqual(reasonKeys(en))
    const params = new Set(['words', 'root', 'age', 'status', 'branch', 'path'])
    for (const key of keys) {
      const sentence = (catalogue.ui as Record<string, string>)[key] ?? ''
      expect(sentence.trim(), key).not.toBe('')
      for (const [, name] of sentence.matchAll(/\{(\w+)\}/g)) expect(params, `${key}: {${name}}`).toContain(name)
    }
  })
})
