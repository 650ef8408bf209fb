import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import en from '../translations/en.json'
import ko from '../translations/ko.json'
import { resolveLanguage, translator, type MessageKey } from '../src/i18n'
import { TEXT_SPLIT, textClass } from '../src/i18n/split'
import type { ReasonCode } from '../src/procedure'
import { readCatalogue, splitCatalogues } from '../scripts/vite/ui-catalogues'

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
    const params = new Set(['words', 'root', 'age', 'status', 'branch', 'path', 'ticket', 'days'])
    for (const key of keys) {
      const sentence = (catalogue.ui as Record<string, string>)[key] ?? ''
      expect(sentence.trim(), key).not.toBe('')
      for (const [, name] of sentence.matchAll(/\{(\w+)\}/g)) expect(params, `${key}: {${name}}`).toContain(name)
    }
  })
})

describe('the split into core and rare texts (src/i18n/split.ts)', () => {
  const root = resolve(import.meta.dirname, '..')
  const every = Object.keys(readCatalogue(root, 'en'))
  const split = splitCatalogues(root)

  it('classifies every text, the settings’ labels included', () => {
    expect(every.length).toBeGreaterThan(180)
    expect(every.filter((key) => !textClass(key))).toEqual([])
    expect(every.filter((key) => key.startsWith('label:')).map(textClass)).toEqual(Object.keys(en.app.parameters).map(() => 'rare'))
  })

  it('has no entry in both classes, and none that matches no text', () => {
    expect(TEXT_SPLIT.core.filter((entry) => (TEXT_SPLIT.rare as readonly string[]).includes(entry))).toEqual([])
    const matches = (entry: string) => every.some((key) => (entry.endsWith('*') ? key.startsWith(entry.slice(0, -1)) : key === entry))
    expect([...TEXT_SPLIT.core, ...TEXT_SPLIT.rare].filter((entry) => !matches(entry))).toEqual([])
  })

  it.each([
    ['notice_applied', 'core'],
    ['notice_failedLoad', 'rare'], // a longer prefix beats a shorter one
    ['blocker_pickDepth', 'core'],
    ['blocker_field_missing', 'rare'], // the key itself beats a prefix
    ['reason_hint_phone_changed', 'core'],
    ['reason_rrn_refused', 'rare'],
    ['status_unknown', 'rare'],
    ['failHttp429', 'rare'],
    ['label:consultation_field_ids', 'rare'],
    ['setting_not_an_article_id', 'rare'],
    ['retry', 'core'],
    ['unheard_of', undefined],
  ])('%s is %s', (key, expected) => {
    expect(textClass(key)).toBe(expected)
  })

  it('puts each text in exactly one file per language: core texts in the order of the shipped keys, rare ones by name', () => {
    for (const language of ['ko', 'en'] as const) {
      const catalogue = readCatalogue(root, language)
      const { core, rare } = split.files[language]
      expect(core).toEqual(split.keys.map((key) => catalogue[key]))
      expect(Object.keys(rare).filter((key) => split.keys.includes(key))).toEqual([])
      expect([...split.keys, ...Object.keys(rare)].sort()).toEqual([...every].sort())
      expect(Object.entries(rare).every(([key, text]) => catalogue[key] === text)).toBe(true)
    }
    expect(split.keys.every((key) => textClass(key) === 'core')).toBe(true)
    expect(Object.keys(split.files.ko.rare).every((key) => textClass(key) === 'rare')).toBe(true)
  })

  it('leaves the faults’ words out of the core file', () => {
    const rare = Object.keys(split.files.ko.rare)
    for (const key of [
      'failTimeout',
      'notice_failedStatus',
      'notice_settingsBroken',
      'setting_required',
      'blocker_option_missing',
      'label:member_source',
      'setting_not_an_article_id',
    ]) {
      expect(rare).toContain(key)
    }
    expect(split.keys).toContain('notice_applied')
    expect(split.keys).toContain('reason_default_branch')
  })
})

describe('a built frame’s texts: the core file at once, the rare file when a rare text is first shown', () => {
  const root = resolve(import.meta.dirname, '..')
  const split = splitCatalogues(root)

  afterEach(() => {
    vi.unstubAllGlobals()
    vi.doUnmock('virtual:ui-catalogues')
    vi.resetModules()
  })

  /** src/i18n as a build has it: URLs, the core keys; fetch answers from the real split files. */
  async function builtFrame(failRare = () => false) {
    vi.resetModules()
    vi.doMock('virtual:ui-catalogues', () => ({
      keys: split.keys,
      default: { ko: ['/ui-ko.json', '/ui-ko-rare.json'], en: ['/ui-en.json', '/ui-en-rare.json'] },
    }))
    const fetched: string[] = []
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url)
      const [, language, rare] = /^\/ui-(ko|en)(-rare)?\.json$/.exec(url) ?? []
      if (!language || (rare && failRare())) return new Response('', { status: 503 })
      const files = split.files[language as 'ko' | 'en']
      return new Response(JSON.stringify(rare ? files.rare : files.core))
    })
    const i18n = await import('../src/i18n')
    await i18n.loadLanguage('ko')
    return { i18n, fetched }
  }
  const settled = () => new Promise((done) => setTimeout(done, 0))

  it('shows core texts at once and downloads nothing more for them', async () => {
    const { i18n, fetched } = await builtFrame()
    const t = i18n.translator('ko')
    expect(t('apply')).toBe(ko.ui.apply)
    expect(t('reason_default_branch', { status: '비회원', branch: '분기 1' })).toContain('분기 1')
    await settled()
    expect(fetched).toEqual(['/ui-ko.json'])
  })

  it('shows nothing (never the key) while the rare file loads, fetches it once, then renders again with the text', async () => {
    const { i18n, fetched } = await builtFrame()
    let renders = 0
    const t = i18n.translator('ko', () => renders++)
    expect(t('failTimeout', { seconds: 10 })).toBe('')
    expect(t('notice_failedStatus')).toBe('')
    expect(i18n.parameterLabel('ko', 'consultation_field_ids')).toBe('consultation_field_ids')
    await settled()
    expect(fetched).toEqual(['/ui-ko.json', '/ui-ko-rare.json'])
    expect(renders).toBe(1)
    expect(t('failTimeout', { seconds: 10 })).toBe(ko.ui.failTimeout.replace('{seconds}', '10'))
    expect(i18n.parameterLabel('ko', 'consultation_field_ids')).toBe(ko.app.parameters.consultation_field_ids.label)
    expect(i18n.rareTextsFailed('ko')).toBe(false)
    // A key in neither file is shown as itself once both are here.
    expect(t('no_such_text' as MessageKey)).toBe('no_such_text')
  })

  it('after a failed download: nothing shown, no retry in a loop, and loadLanguage tries again', async () => {
    let failing = true
    const { i18n, fetched } = await builtFrame(() => failing)
    let renders = 0
    const t = i18n.translator('ko', () => renders++)
    expect(t('notice_failedLoad')).toBe('')
    await settled()
    expect(i18n.rareTextsFailed('ko')).toBe(true)
    expect(renders).toBe(1)
    expect(t('notice_failedLoad')).toBe('')
    expect(t('failHttp404')).toBe('')
    await settled()
    expect(fetched.filter((url) => url.includes('rare'))).toHaveLength(1)
    failing = false
    await i18n.loadLanguage('ko')
    expect(i18n.rareTextsFailed('ko')).toBe(false)
    expect(t('notice_failedLoad')).toBe(ko.ui.notice_failedLoad)
    expect(fetched.filter((url) => url.includes('rare'))).toHaveLength(2)
  })

  it('with rareToo, loadLanguage resolves once the rare texts are here (the audit note waits for its words), and says when they could not come', async () => {
    let failing = false
    const { i18n, fetched } = await builtFrame(() => failing)
    await i18n.loadLanguage('ko', true)
    expect(fetched).toEqual(['/ui-ko.json', '/ui-ko-rare.json'])
    expect(i18n.translator('ko')('note_title')).toBe(ko.ui.note_title)
    // Here already: nothing fetched again.
    await i18n.loadLanguage('ko', true)
    expect(fetched).toHaveLength(2)
    const other = await builtFrame(() => (failing = true))
    await other.i18n.loadLanguage('ko', true)
    expect(other.i18n.rareTextsFailed('ko')).toBe(true)
    expect(other.i18n.translator('ko')('note_title')).toBe('')
  })

  it('fetches the rare file of the frame’s language only', async () => {
    const { i18n, fetched } = await builtFrame()
    await i18n.loadLanguage('en')
    i18n.translator('en')('failTimeout')
    await settled()
    expect(fetched).toEqual(['/ui-ko.json', '/ui-en.json', '/ui-en-rare.json'])
    expect(i18n.translator('en')('failTimeout', { seconds: 5 })).toBe('Zendesk did not answer within 5 s.')
  })
})
