import { describe, expect, it } from 'vitest'
import { consultationFieldIds, parseSettings, type SettingProblem } from '../../src/sidebar/settings'

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
      },
    })
  })

  it.each([
    [{ member_source: 'user_tag', member_values: 'verified_driver' }, { source: 'user_tag', memberTags: ['verified_driver'] }],
    [{ member_source: 'ticket_tag', member_values: 'a b' }, { source: 'ticket_tag', memberTags: ['a', 'b'] }],
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
    [{ step_macros: '{"nonmember_notice": "x"}' }, { setting: 'step_macros', problem: 'bad_macro_map', detail: 'nonmember_notice: "x"' }],
    [{ extra_tags: 'ok <b>' }, { setting: 'extra_tags', problem: 'bad_tag', detail: '<b>' }],
  ])('names the broken setting: %j', (change, problem) => {
    expect(parseSettings({ ...good, ...change })).toEqual({ ok: false, problems: [problem] })
  })
})
