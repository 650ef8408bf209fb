import { beforeAll, describe, expect, it } from 'vitest'
import type { ArticleView } from '../../src/sidebar/article-and-check'
import {
  CHECK_TEXTS,
  checkLineText,
  checkSettings,
  readAccountFacts,
  settingsCheckLines,
  type AccountFacts,
  type CheckFinding,
} from '../../src/sidebar/settings-check'
import { loadPerDepth } from '../../src/sidebar/consultation'
import { parseSettings, type Settings } from '../../src/sidebar/settings'
import type { ZendeskFailure } from '../../src/zendesk/calls'
import type { FieldDefinition } from '../../src/zendesk/ticket-host'
import { ZendeskError } from '../../src/zendesk/calls'
import { FAKE_FIELD, FAKE_SETTINGS, FakeHost } from '../support/fake-host'

function settings(extra: Record<string, string> = {}): Settings {
  const parsed = parseSettings({ ...FAKE_SETTINGS, ...extra })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.settings
}

const ok = <T>(value: T) => ({ ok: true as const, value })
const failed = (failure: ZendeskFailure) => ({ ok: false as const, failure })
const missing = (call: string) => failed({ kind: 'http', call, status: 404, message: 'Not found' })

const DRIVER_STATUS = { key: 'driver_status', type: 'dropdown', options: ['member', 'non_member'] }
const SAME_ARTICLE: ArticleView = {
  readable: true,
  steps: {
    nonmember_notice: { status: 'same', article: 'x' },
    verification_steps_app: { status: 'differs', article: 'y' },
    kakaotalk_relogin: { status: 'not_found' },
  },
}

/** The facts of an account where everything the settings name is there. */
function facts(extra: Partial<AccountFacts> = {}): AccountFacts {
  return { userFields: ok([DRIVER_STATUS]), fields: [{ id: 100, read: ok(FAKE_FIELD) }], macros: [], article: null, ...extra }
}

/** Each finding as `status setting key`, in order. */
const summary = (findings: CheckFinding[]) => findings.map(({ status, setting, key }) => `${status} ${setting} ${key}`)

describe('checkSettings: the settings against the account, one line per check', () => {
  it('an account that has everything: every line ok, nothing configured left out a note', () => {
    expect(summary(checkSettings(settings(), facts()))).toEqual([
      'ok member_user_field userFieldFound',
      'ok member_values valuesAreOptions',
      'ok non_member_values valuesAreOptions',
      'ok consultation_field_ids fieldFound',
      'ok consultation_field_ids fixedPathFound',
      'ok root_depth rootOptions',
      'note step_macros macrosNone',
      'note procedure_article_id articleNotSet',
    ])
  })

  it('names the user field that is not there, and reads no values of it', () => {
    const findings = checkSettings(settings(), facts({ userFields: ok([{ key: 'driver_grade', type: 'dropdown', options: ['member'] }]) }))
    expect(findings[0]).toEqual({
      status: 'fail',
      setting: 'member_user_field',
      key: 'userFieldMissing',
      params: { setting: 'member_user_field', field: 'driver_status' },
    })
    expect(summary(findings).filter((line) => line.includes('values'))).toEqual([])
  })

  it('names the values that are not options of the dropdown, with the options there are', () => {
    const findings = checkSettings(settings({ member_values: 'member, verified', non_member_values: 'non_member' }), facts())
    expect(findings.find((f) => f.setting === 'member_values')).toEqual({
      status: 'fail',
      setting: 'member_values',
      key: 'valuesNotOptions',
      params: { setting: 'member_values', field: 'driver_status', values: 'verified', options: 'member, non_member' },
    })
    expect(findings.find((f) => f.setting === 'non_member_values')?.status).toBe('ok')
  })

  it('a text user field holds any value: only that it exists is checked', () => {
    expect(summary(checkSettings(settings(), facts({ userFields: ok([{ key: 'driver_status', type: 'text', options: [] }]) }))).slice(0, 2)).toEqual([
      'ok member_user_field userFieldFound',
      'ok consultation_field_ids fieldFound',
    ])
  })

  it('an unreadable user-field list is a failure naming the field, not a missing field', () => {
    const findings = checkSettings(
      settings(),
      facts({ userFields: failed({ kind: 'http', call: 'GET /api/v2/user_fields.json', status: 403, message: 'Forbidden' }) }),
    )
    expect(findings[0]).toMatchObject({ status: 'fail', key: 'userFieldsUnreadable', params: { field: 'driver_status', failure: 'HTTP 403 Forbidden' } })
  })

  it('a tag or external-id marker has nothing in the account to check: a note', () => {
    expect(summary(checkSettings(settings({ member_source: 'user_tag', member_values: 'verified' }), facts({ userFields: null })))[0]).toBe(
      'note member_source markerNotChecked',
    )
  })

  it.each<[string, FieldDefinition | 'missing', string]>([
    ['missing', 'missing', 'fail consultation_field_ids fieldMissing'],
    ['a text field', { ...FAKE_FIELD, type: 'text', options: [] }, 'fail consultation_field_ids fieldNotDropdown'],
  ])('a consultation field that is %s fails, naming its id, and the path checks wait for it', (_case, field, line) => {
    const findings = checkSettings(
      settings(),
      facts({ fields: [{ id: 100, read: field === 'missing' ? missing('GET /api/v2/ticket_fields/100.json') : ok(field) }] }),
    )
    expect(summary(findings).filter((l) => l.includes('consultation_field_ids') || l.includes('root_depth'))).toEqual([line])
    expect(findings.find((f) => f.setting === 'consultation_field_ids')?.params.id).toBe(100)
  })

  it('a dropdown without the fixed path, or without options under the root: each fails, naming the field', () => {
    const field: FieldDefinition = { ...FAKE_FIELD, options: [{ name: '대리_고객::결제', tag: 'customer_payment' }] }
    const findings = checkSettings(settings(), facts({ fields: [{ id: 100, read: ok(field) }] }))
    expect(findings.find((f) => f.key === 'fixedPathMissing')).toMatchObject({
      status: 'fail',
      params: { id: 100, path: '대리_기사::기타/이벤트::비회원문의::기타' },
    })
    expect(findings.find((f) => f.key === 'noRootOptions')).toMatchObject({ status: 'fail', setting: 'root_depth', params: { id: 100, root: '대리_기사' } })
  })

  // readAccountFacts loads the per-depth code before the check runs; checkSettings alone needs it loaded.
  beforeAll(loadPerDepth)

  it('per depth: each field checked, and the fixed path across them (depth names per field)', () => {
    const depth = (id: number, names: string[]): FieldDefinition => ({
      id,
      title: `depth ${id}`,
      type: 'tagger',
      options: names.map((name) => ({ name, tag: `t${id}_${name}` })),
    })
    const fields = [depth(11, ['대리_기사']), depth(12, ['기타/이벤트', '정산/수수료']), depth(13, ['비회원문의']), depth(14, ['기타'])]
    const findings = checkSettings(
      settings({ consultation_layout: 'per_depth', consultation_field_ids: '11,12,13,14' }),
      facts({ fields: fields.map((f) => ({ id: f.id, read: ok(f) })) }),
    )
    expect(summary(findings).filter((l) => l.includes('consultation_field_ids') || l.includes('root_depth'))).toEqual([
      ...fields.map(() => 'ok consultation_field_ids fieldFound'),
      'ok consultation_field_ids fixedPathFound',
      'ok root_depth rootOptions',
    ])
    expect(findings.find((f) => f.key === 'rootOptions')?.params.count).toBe(2)
    const withoutEtc = fields.map((f) => (f.id === 14 ? depth(14, ['정산금 미입금']) : f))
    const broken = checkSettings(
      settings({ consultation_layout: 'per_depth', consultation_field_ids: '11,12,13,14' }),
      facts({ fields: withoutEtc.map((f) => ({ id: f.id, read: ok(f) })) }),
    )
    expect(broken.find((f) => f.key === 'fixedPathMissing')?.params).toMatchObject({ id: 14 })
  })

  it('no consultation field configured: a note (Apply is off), not a failure', () => {
    const findings = checkSettings(settings({ consultation_field_ids: '' }), facts({ fields: [] }))
    expect(summary(findings)).toContain('note consultation_field_ids consultationNotSet')
  })

  it('each macro of step_macros: active is ok; inactive, missing or unreadable fails, naming the step and the id', () => {
    const findings = checkSettings(
      settings({ step_macros: '{"nonmember_notice": 1, "verification_steps_app": 2, "kakaotalk_relogin": 3, "contact_match_request": 4}' }),
      facts({
        macros: [
          { step: 'nonmember_notice', id: 1, read: ok({ id: 1, title: 'A', active: true }) },
          { step: 'verification_steps_app', id: 2, read: ok({ id: 2, title: 'B', active: false }) },
          { step: 'kakaotalk_relogin', id: 3, read: missing('GET /api/v2/macros/3.json') },
          { step: 'contact_match_request', id: 4, read: failed({ kind: 'timeout', call: 'GET /api/v2/macros/4.json', afterMs: 10_000 }) },
        ],
      }),
    )
    expect(findings.filter((f) => f.setting === 'step_macros').map((f) => [f.status, f.key, f.params.step, f.params.id])).toEqual([
      ['ok', 'macroActive', 'nonmember_notice', 1],
      ['fail', 'macroInactive', 'verification_steps_app', 2],
      ['fail', 'macroMissing', 'kakaotalk_relogin', 3],
      ['fail', 'macroUnreadable', 'contact_match_request', 4],
    ])
  })

  it.each<[string, ArticleView, string, Record<string, unknown>]>([
    ['readable', SAME_ARTICLE, 'ok procedure_article_id articleReadable', { id: 77, found: 2, total: 3, differs: 1 }],
    ['readable, but no reply text in it', { readable: false }, 'fail procedure_article_id articleNoSteps', { id: 77 }],
    [
      'missing (404)',
      { readable: false, failure: { kind: 'http', call: 'GET …', status: 404, message: 'Not found' } },
      'fail procedure_article_id articleMissing',
      { id: 77 },
    ],
    [
      'unreadable (403)',
      { readable: false, failure: { kind: 'http', call: 'GET …', status: 403, message: '' } },
      'fail procedure_article_id articleUnreadable',
      { id: 77, failure: 'HTTP 403' },
    ],
  ])('the article %s', (_case, article, line, params) => {
    const findings = checkSettings(settings({ procedure_article_id: '77' }), facts({ article }))
    expect(summary(findings).at(-1)).toBe(line)
    expect(findings.at(-1)?.params).toMatchObject(params)
  })
})

describe('checkLineText: a finding in the admin’s language', () => {
  const keys = Object.keys(CHECK_TEXTS.en) as (keyof typeof CHECK_TEXTS.en)[]
  const params = {
    setting: 'step_macros',
    id: 910009,
    step: 'nonmember_notice',
    field: 'driver_status',
    values: 'x',
    options: 'y',
    type: 'text',
    title: 'T',
    path: 'p',
    root: 'r',
    count: 2,
    found: 1,
    total: 7,
    differs: 1,
    source: 'user_tag',
    failure: 'HTTP 500',
  }

  it.each(['ko', 'en'] as const)('every text in %s fills all its placeholders and starts with the setting', (language) => {
    for (const key of keys) {
      const text = checkLineText(language, { status: 'fail', setting: 'step_macros', key, params })
      expect(text, key).not.toMatch(/\{\w+\}/)
      expect(text.startsWith('✗ step_macros'), key).toBe(true)
    }
  })

  it('marks ok, failed and not-configured lines', () => {
    const line = (status: CheckFinding['status']) =>
      checkLineText('en', { status, setting: 'step_macros', key: 'macrosNone', params: { setting: 'step_macros' } })
    expect([line('ok'), line('fail'), line('note')].map((text) => text[0])).toEqual(['✓', '✗', '–'])
  })

  it('both languages have the same texts', () => {
    expect(Object.keys(CHECK_TEXTS.ko).sort()).toEqual([...keys].sort())
  })
})

describe('readAccountFacts and the whole check over the host', () => {
  it('asks for what the settings name, each read apart; the article only when configured', async () => {
    const host = new FakeHost()
    host.macros = { 910001: { id: 910001, title: '안내', active: true } }
    let articleReads = 0
    const readArticle = () => {
      articleReads++
      return Promise.resolve(SAME_ARTICLE)
    }
    const read = await readAccountFacts(host, settings({ step_macros: '{"nonmember_notice": 910001, "kakaotalk_relogin": 910404}' }), readArticle)
    expect(read.userFields).toEqual({ ok: true, value: host.userFields })
    expect(read.fields).toEqual([{ id: 100, read: { ok: true, value: FAKE_FIELD } }])
    expect(read.macros.map((m) => [m.step, m.id, m.read.ok])).toEqual([
      ['nonmember_notice', 910001, true],
      ['kakaotalk_relogin', 910404, false],
    ])
    expect(read.article).toBeNull()
    expect(articleReads).toBe(0)
    await readAccountFacts(host, settings({ procedure_article_id: '77' }), readArticle)
    expect(articleReads).toBe(1)
  })

  it('waits out one 429 (its Retry-After), then takes the answer; a second 429 is the line’s failure', async () => {
    const limited = () => new ZendeskError({ kind: 'http', call: 'GET /api/v2/user_fields.json', status: 429, message: '', retryAfterSeconds: 3 })
    const waits: number[] = []
    const sleep = (ms: number) => {
      waits.push(ms)
      return Promise.resolve()
    }
    const host = new FakeHost()
    host.failures.readUserFields = [limited(), null]
    expect((await readAccountFacts(host, settings(), () => Promise.resolve(SAME_ARTICLE), sleep)).userFields).toEqual({ ok: true, value: host.userFields })
    expect(waits).toEqual([3000])
    host.failures.readUserFields = [limited(), limited(), null]
    expect((await readAccountFacts(host, settings(), () => Promise.resolve(SAME_ARTICLE), sleep)).userFields).toMatchObject({
      ok: false,
      failure: { status: 429 },
    })
    expect(host.callsOf('readUserFields')).toHaveLength(4)
  })

  it('words the lines in the sidebar’s language', async () => {
    const host = new FakeHost()
    const lines = await settingsCheckLines(host, settings({ consultation_field_ids: '' }), 'en', () => Promise.resolve(SAME_ARTICLE))
    expect(lines[0]).toEqual({ status: 'ok', text: '✓ member_user_field “driver_status”: the user field exists (dropdown).' })
    expect(lines.map((line) => line.status)).toEqual(['ok', 'ok', 'ok', 'note', 'note', 'note'])
  })
})
