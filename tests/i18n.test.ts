import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
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

describe('the procedure’s words', () => {
  // Codes the procedure builds from a value: each value is spelled out here.
  const templated: Record<string, string[]> = {
    'hint_${hinted.intent}': ['termination_certificate', 'phone_changed', 'verification_failing', 'general_question'].map((i) => `hint_${i}`),
    'identity_${identityGate}': ['pending', 'passed', 'failed'].map((g) => `identity_${g}`),
    "phone_match_${match ?? 'pending'}": ['same', 'different', 'pending'].map((m) => `phone_match_${m}`),
  }
  const sources = readdirSync(resolve(import.meta.dirname, '../src/procedure')).map((file) => readFileSync(resolve(import.meta.dirname, '../src/procedure', file), 'utf8'))
  const codes = sources.flatMap((source) =>
    [...source.matchAll(/reason\((?:'([a-z_]+)'|`([^`]+)`|(code))/g)].flatMap(([, literal, template, variable]) => {
      if (literal) return [literal]
      if (variable) return ['consultation_verification_only', 'consultation_verification_only_assumed']
      const expanded = templated[template ?? '']
      if (!expanded) throw new Error(`a reason code built from a value the test does not know: ${template}`)
      return expanded
    }),
  )

  it('finds the reasons in the procedure', () => {
    expect(codes.length).toBeGreaterThan(40)
  })

  it.each(['ko', 'en'] as const)('every reason has a sentence in %s', (language) => {
    const catalogue = (language === 'ko' ? ko : en).ui as Record<string, string>
    expect(codes.filter((code) => !catalogue[`reason_${code}`])).toEqual([])
  })
})
