import { describe, expect, it } from 'vitest'
import { translator } from '../../src/i18n'
import manifest from '../../manifest.json'
import { consultationFieldIds, parseSettings, type SettingName, type SettingProblem } from '../../src/sidebar/settings'
import { settingProblemText } from '../../src/ui/messages'

const good = {
  member_source: 'user_field',
  member_user_field: 'driver_status',
  member_values: 'member, verified',
  non_member_values: 'non_member',
  consultation_layout: 'nested',
  consultation_field_ids: '360001',
  root_depth: '대리_기사',
  criteria_article_url: 'https://help.example.com/hc/ko/articles/42054092774553',
  reference_screens_url: '',
  audit_note: true,
  extra_tags: 'nonmember_helper, Daeri_Nonmember',
  step_macros: '{"nonmember_notice": 9001, "kakaotalk_relogin": "9002"}',
  procedure_article_id: '47791721113881',
  texts_source: 'article',
}

describe('parseSettings', () => {
  it('parses a complete installation', () => {
    const parsed = parseSettings(good)
    expect(parsed).toEqual({
      ok: true,
      settings: {
        memberMarker: { source: 'user_field', fieldKey: 'driver_status', memberValues: ['member', 'verified'], nonMemberValues: ['non_member'] },
        consultationFields: { layout: 'nested', fieldId: 360001 },
        rootDepth: '대리_기사',
        links: { criteriaArticle: 'https://help.example.com/hc/ko/articles/42054092774553', referenceScreens: null },
        auditNote: true,
        extraTags: ['nonmember_helper', 'daeri_nonmember'],
        stepMacros: { nonmember_notice: 9001, kakaotalk_relogin: 9002 },
        article: { id: 47791721113881, textsSource: 'article' },
        reinquiryDays: 7,
      },
    })
  })

  it.each([
    [
      { member_source: 'user_tag', member_values: 'verified_driver' },
      { source: 'user_tag', memberTags: ['verified_driver'] },
    ],
    [
      { member_source: 'ticket_tag', member_values: 'a b' },
      { source: 'ticket_tag', memberTags: ['a', 'b'] },
    ],
    [{ member_source: 'external_id' }, { source: 'external_id' }],
  ])('reads the member marker %j', (raw, marker) => {
    const parsed = parseSettings({ ...good, ...raw })
    expect(parsed.ok && parsed.settings.memberMarker).toEqual(marker)
  })

  it('reads one field per depth, in order', () => {
    const parsed = parseSettings({ ...good, consultation_layout: 'per_depth', consultation_field_ids: '11, 12\n13,14' })
    expect(parsed.ok && parsed.settings.consultationFields).toEqual({ layout: 'per_depth', fieldIds: [11, 12, 13, 14] })
    expect(parsed.ok && consultationFieldIds(parsed.settings.consultationFields)).toEqual([11, 12, 13, 14])
  })

  it('leaves the consultation fields unset when no id is given, with defaults elsewhere', () => {
    const parsed = parseSettings({ member_user_field: 'driver_status', member_values: 'member' })
    expect(parsed.ok && parsed.settings.consultationFields).toBeNull()
    expect(parsed.ok && parsed.settings.rootDepth).toBe('대리_기사')
    expect(parsed.ok && parsed.settings.auditNote).toBe(false)
  })

  it.each<[Record<string, unknown>, SettingProblem]>([
    [{ member_source: 'crm' }, { setting: 'member_source', problem: 'unknown_choice', detail: 'crm' }],
    [{ member_user_field: '' }, { setting: 'member_user_field', problem: 'required', detail: '' }],
    [{ member_values: ' ' }, { setting: 'member_values', problem: 'required', detail: '' }],
    [{ consultation_field_ids: 'abc' }, { setting: 'consultation_field_ids', problem: 'not_a_field_id', detail: 'abc' }],
    [{ consultation_field_ids: '12.5' }, { setting: 'consultation_field_ids', problem: 'not_a_field_id', detail: '12.5' }],
    [{ consultation_field_ids: '1,2' }, { setting: 'consultation_field_ids', problem: 'not_a_field_id', detail: '1,2' }],
    [{ consultation_layout: 'flat' }, { setting: 'consultation_layout', problem: 'unknown_choice', detail: 'flat' }],
    [{ criteria_article_url: 'javascript:alert(1)' }, { setting: 'criteria_article_url', problem: 'not_a_url', detail: 'javascript:alert(1)' }],
    [{ reference_screens_url: 'not a url' }, { setting: 'reference_screens_url', problem: 'not_a_url', detail: 'not a url' }],
    [{ step_macros: '{nonmember_notice: 1}' }, expect.objectContaining({ setting: 'step_macros', problem: 'bad_json' }) as SettingProblem],
    [{ step_macros: '[1,2]' }, { setting: 'step_macros', problem: 'bad_macro_map', detail: '[1,2]' }],
    [{ step_macros: '{"nonmember_notice": "x"}' }, { setting: 'step_macros', problem: 'bad_macro_map', detail: 'nonmember_notice' }],
    [{ extra_tags: 'ok <b>' }, { setting: 'extra_tags', problem: 'bad_tag', detail: '<b>' }],
  ])('names the broken setting: %j', (change, problem) => {
    expect(parseSettings({ ...good, ...change })).toEqual({ ok: false, problems: [problem] })
  })
})

// What a step's macro id may be: a positive whole number JSON.parse reads exactly.
describe('step_macros cannot be misread', () => {
  const macros = (json: string) => parseSettings({ ...good, step_macros: json })

  it.each([
    ['9007199254740993', 'beyond 2^53 - 1: JSON.parse rounds it to 9007199254740992'],
    ['9007199254740992', '2^53, the first id that is not exact'],
    ['12345678901234567890', 'far beyond'],
    ['1e21', 'an exponent'],
    ['"9007199254740993"', 'beyond 2^53 - 1, quoted'],
    ['0', 'zero'],
    ['-9001', 'negative'],
    ['9001.5', 'a fraction'],
    ['true', 'a boolean'],
    ['null', 'null'],
    ['[9001]', 'a list'],
    ['{"id": 9001}', 'an object'],
    ['" 9001"', 'a quoted id with a space'],
  ])('refuses %s (%s), naming the step', (id) => {
    expect(macros(`{"nonmember_notice": ${id}}`)).toEqual({
      ok: false,
      problems: [{ setting: 'step_macros', problem: 'bad_macro_map', detail: 'nonmember_notice' }],
    })
  })

  it('reads the largest exact id as written, quoted or not', () => {
    for (const id of ['9007199254740991', '"9007199254740991"']) {
      const parsed = macros(`{"kakaotalk_relogin": ${id}}`)
      expect(parsed.ok && parsed.settings.stepMacros).toEqual({ kakaotalk_relogin: Number.MAX_SAFE_INTEGER })
    }
  })

  it('never applies another macro than the one written (the rounded id is not kept)', () => {
    const parsed = macros('{"nonmember_notice": 9001, "kakaotalk_relogin": 9007199254740993}')
    expect(parsed.ok).toBe(false)
    expect(JSON.stringify(parsed)).not.toContain('9007199254740992')
  })

  it('accepts every step that has a text of its own', () => {
    const steps = [
      'nonmember_notice',
      'verification_steps_app',
      'contact_match_request',
      'contact_howto_kakaotalk',
      'contact_howto_driver_app',
      'verification_steps_chat',
      'kakaotalk_relogin',
    ]
    const parsed = macros(JSON.stringify(Object.fromEntries(steps.map((step, i) => [step, 9001 + i]))))
    expect(parsed.ok && Object.keys(parsed.settings.stepMacros)).toEqual(steps)
  })

  it.each([
    ['nonmember_notcie', 'a misspelt step'],
    ['Nonmember_notice', 'a step in another case'],
    ['empathy', 'the empathy line: the agent picks its words'],
    ['identity_check', 'a step without a text'],
    ['issue_termination_certificate', 'a step without a text'],
    ['answer_directly', "the agent's own answer"],
  ])('names the unknown step %s (%s)', (step) => {
    expect(macros(`{"${step}": 9001}`)).toEqual({ ok: false, problems: [{ setting: 'step_macros', problem: 'unknown_choice', detail: step }] })
  })

  it('names a step given twice (JSON.parse would keep only the last)', () => {
    expect(macros('{"nonmember_notice": 9001, "kakaotalk_relogin": 9003, "nonmember_notice": 9002}')).toEqual({
      ok: false,
      problems: [{ setting: 'step_macros', problem: 'listed_twice', detail: 'nonmember_notice' }],
    })
  })

  it('names every problem at once', () => {
    const parsed = macros('{"nonmember_notcie": 9001, "kakaotalk_relogin": 9007199254740993, "verification_steps_chat": 9002}')
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { setting: 'step_macros', problem: 'unknown_choice', detail: 'nonmember_notcie' },
        { setting: 'step_macros', problem: 'bad_macro_map', detail: 'kakaotalk_relogin' },
      ],
    })
  })
})

describe('no setting is silently ignored', () => {
  it.each<[Record<string, unknown>, SettingProblem]>([
    // Two depths written to one field: the first would be lost.
    [
      { consultation_layout: 'per_depth', consultation_field_ids: '11, 12, 11' },
      { setting: 'consultation_field_ids', problem: 'listed_twice', detail: '11' },
    ],
    // A value in both lists would be read as a member.
    [
      { member_values: 'member, verified', non_member_values: 'non_member, Verified' },
      { setting: 'non_member_values', problem: 'listed_twice', detail: 'Verified' },
    ],
    // A checkbox value that is neither on nor off is not read as off.
    [{ audit_note: 'yes' }, { setting: 'audit_note', problem: 'unknown_choice', detail: 'yes' }],
    [{ audit_note: 'on' }, { setting: 'audit_note', problem: 'unknown_choice', detail: 'on' }],
    [{ audit_note: 2 }, { setting: 'audit_note', problem: 'unknown_choice', detail: '2' }],
    // A window that is not a whole number of days is not read as the default.
    [{ reinquiry_days: 'a week' }, { setting: 'reinquiry_days', problem: 'unknown_choice', detail: 'a week' }],
    [{ reinquiry_days: '-1' }, { setting: 'reinquiry_days', problem: 'unknown_choice', detail: '-1' }],
    [{ reinquiry_days: 2.5 }, { setting: 'reinquiry_days', problem: 'unknown_choice', detail: '2.5' }],
    [{ reinquiry_days: 400 }, { setting: 'reinquiry_days', problem: 'unknown_choice', detail: '400' }],
  ])('names %j', (change, problem) => {
    expect(parseSettings({ ...good, ...change })).toEqual({ ok: false, problems: [problem] })
  })

  it.each([
    [14, 14],
    ['14', 14],
    [' 0 ', 0],
    ['', 7],
    [undefined, 7],
  ])('reads the re-inquiry window %j as %i days', (reinquiry_days, days) => {
    const parsed = parseSettings({ ...good, reinquiry_days })
    expect(parsed.ok && parsed.settings.reinquiryDays).toBe(days)
  })

  it.each([
    [true, true],
    ['true', true],
    ['1', true],
    [false, false],
    ['false', false],
    ['0', false],
    ['', false],
    [undefined, false],
    [null, false],
  ])('reads the audit note checkbox %j as %s', (audit_note, on) => {
    const parsed = parseSettings({ ...good, audit_note })
    expect(parsed.ok && parsed.settings.auditNote).toBe(on)
  })

  it('still accepts a value repeated in one list, where nothing is lost', () => {
    expect(parseSettings({ ...good, member_values: 'member member', extra_tags: 'a a' }).ok).toBe(true)
  })
})

describe('settings messages', () => {
  const problems: SettingProblem[] = [
    { setting: 'step_macros', problem: 'bad_macro_map', detail: 'kakaotalk_relogin' },
    { setting: 'step_macros', problem: 'unknown_choice', detail: 'nonmember_notcie' },
    { setting: 'step_macros', problem: 'listed_twice', detail: 'nonmember_notice' },
    { setting: 'consultation_field_ids', problem: 'listed_twice', detail: '11' },
    { setting: 'audit_note', problem: 'unknown_choice', detail: 'yes' },
  ]
  it.each(['ko', 'en'] as const)('name the setting and the step or value in %s', (language) => {
    const t = translator(language)
    for (const problem of problems) {
      const text = settingProblemText(t, language, problem)
      expect(text).not.toMatch(/setting_|\{/)
      expect(text).toContain(problem.setting)
      expect(text).toContain(problem.detail)
    }
  })
})

describe('the manifest’s parameters', () => {
  // Every setting parseSettings knows, each with a value that differs from its default (tsc
  // refuses a missing or unknown name).
  const OTHER_VALUE = {
    member_source: 'external_id',
    member_user_field: 'driver_grade',
    member_values: 'verified',
    non_member_values: 'pending',
    consultation_layout: 'per_depth',
    consultation_field_ids: '360001',
    root_depth: '대리_기사(신)',
    criteria_article_url: 'https://help.example.com/criteria',
    reference_screens_url: 'https://help.example.com/screens',
    audit_note: true,
    extra_tags: 'nonmember_helper',
    step_macros: '{"nonmember_notice": 9001}',
    procedure_article_id: '47791721113881',
    texts_source: 'article',
    reinquiry_days: 14,
  } satisfies Record<SettingName, unknown>
  const defaults: Record<string, unknown> = Object.fromEntries(manifest.parameters.flatMap((p) => ('default' in p ? [[p.name, p.default]] : [])))

  it('are the settings parseSettings reads, no more, no fewer', () => {
    expect(manifest.parameters.map((p) => p.name).sort()).toEqual(Object.keys(OTHER_VALUE).sort())
  })

  it.each(Object.entries(OTHER_VALUE))('%s is read: another value parses differently', (name, value) => {
    // With a field id, so that the layout matters.
    const base = { ...defaults, consultation_field_ids: '1' }
    expect(parseSettings({ ...base, [name]: value })).not.toEqual(parseSettings(base))
  })

  it('their defaults parse, to the settings the README documents', () => {
    expect(parseSettings(defaults)).toEqual({
      ok: true,
      settings: {
        memberMarker: { source: 'user_field', fieldKey: 'driver_status', memberValues: ['member'], nonMemberValues: ['non_member'] },
        consultationFields: null,
        rootDepth: '대리_기사',
        links: { criteriaArticle: null, referenceScreens: null },
        auditNote: false,
        extraTags: [],
        stepMacros: {},
        article: null,
        reinquiryDays: 7,
      },
    })
  })

  // What an installation without the setting gets (Zendesk sends what the admin saved: an older
  // installation may lack a setting, an admin may clear one). `same`: what the default gives.
  // `required`: refused, naming it; the default is the value to keep. `none`: an empty list.
  const ABSENT: Record<string, 'same' | 'required' | 'none'> = {
    member_source: 'same',
    member_user_field: 'required',
    member_values: 'required',
    non_member_values: 'none',
    consultation_layout: 'same',
    root_depth: 'same',
    audit_note: 'same',
    texts_source: 'same',
    reinquiry_days: 'same',
  }

  it('with a default are the ones listed here', () => {
    expect(Object.keys(defaults).sort()).toEqual(Object.keys(ABSENT).sort())
  })

  it.each(Object.entries(ABSENT))('%s left out: %s', (name, absent) => {
    const withDefault = parseSettings(defaults)
    const without = parseSettings({ ...defaults, [name]: undefined })
    if (absent === 'same') expect(without).toEqual(withDefault)
    else if (absent === 'required') expect(without).toEqual({ ok: false, problems: [{ setting: name, problem: 'required', detail: '' }] })
    else expect(without.ok && without.settings.memberMarker).toMatchObject({ nonMemberValues: [] })
  })
})

describe('the article the texts follow (procedure_article_id, texts_source)', () => {
  const article = (change: Record<string, unknown>) => parseSettings({ ...good, procedure_article_id: '', texts_source: '', ...change })

  it('is off by default: no article, the built-in texts', () => {
    expect(article({})).toMatchObject({ ok: true, settings: { article: null } })
    expect(article({ texts_source: 'built_in' })).toMatchObject({ ok: true, settings: { article: null } })
  })

  it.each([
    ['47791721113881', '', { id: 47791721113881, textsSource: 'built_in' }],
    [' 47791721113881 ', 'built_in', { id: 47791721113881, textsSource: 'built_in' }],
    ['47791721113881', 'article', { id: 47791721113881, textsSource: 'article' }],
    [47791721113881, 'article', { id: 47791721113881, textsSource: 'article' }],
    ['9007199254740991', 'article', { id: Number.MAX_SAFE_INTEGER, textsSource: 'article' }],
  ])('reads the article id %j with texts_source %j', (id, source, expected) => {
    expect(article({ procedure_article_id: id, texts_source: source })).toEqual({
      ok: true,
      settings: expect.objectContaining({ article: expected }) as object,
    })
  })

  it.each([
    ['abc', 'not a number'],
    ['0', 'zero'],
    ['-5', 'negative'],
    ['12.5', 'a fraction'],
    ['1e6', 'an exponent'],
    ['047791721113881', 'a leading zero (another spelling of another number)'],
    ['9007199254740992', '2^53: not exact'],
    ['https://x.zendesk.com/hc/ko/articles/47791721113881', 'the URL, not the id'],
  ])('refuses the id %s (%s), naming it', (id) => {
    expect(article({ procedure_article_id: id })).toEqual({
      ok: false,
      problems: [{ setting: 'procedure_article_id', problem: 'not_an_article_id', detail: id }],
    })
  })

  it('names an unknown texts_source', () => {
    expect(article({ procedure_article_id: '1', texts_source: 'Article' })).toEqual({
      ok: false,
      problems: [{ setting: 'texts_source', problem: 'unknown_choice', detail: 'Article' }],
    })
  })

  it('refuses the article’s wording without an article to take it from', () => {
    expect(article({ texts_source: 'article' })).toEqual({ ok: false, problems: [{ setting: 'procedure_article_id', problem: 'required', detail: '' }] })
  })

  it.each(['ko', 'en'] as const)('words the bad id in %s, naming the setting and the value', (language) => {
    const text = settingProblemText(translator(language), language, { setting: 'procedure_article_id', problem: 'not_an_article_id', detail: 'abc' })
    expect(text).not.toMatch(/setting_|\{/)
    expect(text).toContain('procedure_article_id')
    expect(text).toContain('abc')
  })
})
