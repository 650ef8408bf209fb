import { beforeAll, describe, expect, it, vi } from 'vitest'
import { perDepthConsultationFields, PER_DEPTH_FIELD_IDS, perDepthTag, taxonomyPaths } from '../../dev/zendesk-host/fixtures/consultation'
import { depthChoices, filterChoices, loadPerDepth, resolveConsultation } from '../../src/sidebar/consultation'
import type { FieldDefinition } from '../../src/zendesk/ticket-host'

// The per-depth layout's code is a chunk of its own, loaded with the fields' definitions.
beforeAll(() => loadPerDepth())

const nested: FieldDefinition = {
  id: 100,
  title: '상담유형',
  type: 'tagger',
  options: [
    { name: '대리_기사::운행/콜', tag: 'driver_ride' },
    { name: '대리_기사::정산/수수료', tag: 'driver_settlement' },
    { name: '대리_기사::기타/이벤트::비회원문의::기타', tag: 'driver_etc_nonmember_etc' },
    { name: '대리_기사::기타/이벤트::이벤트', tag: 'driver_etc_event' },
    { name: '대리_고객::결제', tag: 'customer_payment' },
  ],
}

const perDepth: FieldDefinition[] = [
  {
    id: 11,
    title: '상담유형 1',
    type: 'tagger',
    options: [
      { name: '대리_기사', tag: 'd1_driver' },
      { name: '대리_고객', tag: 'd1_customer' },
    ],
  },
  {
    id: 12,
    title: '상담유형 2',
    type: 'tagger',
    options: [
      { name: '운행/콜', tag: 'd2_ride' },
      { name: '기타/이벤트', tag: 'd2_etc' },
    ],
  },
  { id: 13, title: '상담유형 3', type: 'tagger', options: [{ name: '비회원문의', tag: 'd3_nonmember' }] },
  { id: 14, title: '상담유형 4', type: 'tagger', options: [{ name: '기타', tag: 'd4_etc' }] },
]

describe('resolveConsultation', () => {
  it('writes the tag of the nested option, never its name', () => {
    expect(resolveConsultation({ layout: 'nested', fieldId: 100 }, [nested], ['대리_기사', '기타/이벤트', '비회원문의', '기타'])).toEqual({
      ok: true,
      write: { 100: 'driver_etc_nonmember_etc' },
    })
  })

  it('writes one tag per depth field, and clears the deeper ones a shorter path does not reach', () => {
    const fields = { layout: 'per_depth', fieldIds: [11, 12, 13, 14] } as const
    expect(resolveConsultation(fields, perDepth, ['대리_기사', '기타/이벤트', '비회원문의', '기타'])).toEqual({
      ok: true,
      write: { 11: 'd1_driver', 12: 'd2_etc', 13: 'd3_nonmember', 14: 'd4_etc' },
    })
    expect(resolveConsultation(fields, perDepth, ['대리_기사', '운행/콜'])).toEqual({
      ok: true,
      write: { 11: 'd1_driver', 12: 'd2_ride', 13: null, 14: null },
    })
  })

  it.each([
    [{ layout: 'nested', fieldId: 999 } as const, ['대리_기사', '운행/콜'], { ok: false, problem: 'field_missing', fieldId: 999 }],
    [{ layout: 'nested', fieldId: 100 } as const, ['대리_기사', '없는값'], { ok: false, problem: 'option_missing', fieldId: 100, path: '대리_기사::없는값' }],
    [{ layout: 'nested', fieldId: 100 } as const, ['대리_기사'], { ok: false, problem: 'option_missing', fieldId: 100, path: '대리_기사' }],
    [{ layout: 'per_depth', fieldIds: [11, 12] } as const, ['대리_기사', '정산'], { ok: false, problem: 'option_missing', fieldId: 12, path: '정산' }],
    [
      { layout: 'per_depth', fieldIds: [11, 12] } as const,
      ['대리_기사', '기타/이벤트', '비회원문의'],
      { ok: false, problem: 'option_missing', fieldId: 12, path: '대리_기사::기타/이벤트::비회원문의' },
    ],
  ])('refuses to guess: %j %j', (fields, depths, result) => {
    expect(resolveConsultation(fields, [nested, ...perDepth], depths)).toEqual(result)
  })

  it('refuses a field that is not a dropdown', () => {
    const text: FieldDefinition = { id: 7, title: 'memo', type: 'text', options: [] }
    expect(resolveConsultation({ layout: 'nested', fieldId: 7 }, [text], ['대리_기사'])).toEqual({ ok: false, problem: 'not_a_dropdown', fieldId: 7 })
  })
})

describe('depthChoices', () => {
  it('lists the nested options under the root only', () => {
    const choices = depthChoices({ layout: 'nested', fieldId: 100 }, [nested], '대리_기사')
    expect(choices.map((choice) => choice.tag)).toEqual(['driver_ride', 'driver_settlement', 'driver_etc_nonmember_etc', 'driver_etc_event'])
  })

  it('per-depth options that encode no parentage: the second depth under the root, nothing deeper offered', () => {
    expect(depthChoices({ layout: 'per_depth', fieldIds: [11, 12, 13, 14] }, perDepth, '대리_기사')).toEqual([
      { depths: ['대리_기사', '운행/콜'], tag: 'd2_ride' },
      { depths: ['대리_기사', '기타/이벤트'], tag: 'd2_etc' },
    ])
  })

  it.each([
    ['정산', ['driver_settlement']],
    ['기타 비회원', ['driver_etc_nonmember_etc']],
    ['이벤트', ['driver_etc_nonmember_etc', 'driver_etc_event']],
    ['', ['driver_ride', 'driver_settlement', 'driver_etc_nonmember_etc', 'driver_etc_event']],
    ['없음', []],
  ])('searches "%s"', (query, tags) => {
    const choices = depthChoices({ layout: 'nested', fieldId: 100 }, [nested], '대리_기사')
    expect(filterChoices(choices, query).map((choice) => choice.tag)).toEqual(tags)
  })
})

describe('per-depth fields whose options carry the whole path (as Zendesk names them)', () => {
  const fields = { layout: 'per_depth', fieldIds: [21, 22] } as const
  const definitions: FieldDefinition[] = [
    {
      id: 21,
      title: '1단계',
      type: 'tagger',
      options: [
        { name: '대리_기사', tag: 'd1_driver' },
        { name: '대리_고객', tag: 'd1_customer' },
      ],
    },
    {
      id: 22,
      title: '2단계',
      type: 'tagger',
      options: [
        { name: '대리_고객::기타/이벤트', tag: 'd2_customer_etc' },
        { name: '대리_기사::기타/이벤트', tag: 'd2_driver_etc' },
      ],
    },
  ]

  it('takes the option under the same parent, not the first with that name', () => {
    expect(resolveConsultation(fields, definitions, ['대리_기사', '기타/이벤트'])).toEqual({ ok: true, write: { 21: 'd1_driver', 22: 'd2_driver_etc' } })
  })

  it('offers only the root’s second depths in the picker', () => {
    expect(depthChoices(fields, definitions, '대리_기사')).toEqual([{ depths: ['대리_기사', '기타/이벤트'], tag: 'd2_driver_etc' }])
  })
})

describe('per-depth fields as the fixture account has them: full paths through every depth', () => {
  const fields = { layout: 'per_depth', fieldIds: [...PER_DEPTH_FIELD_IDS] } as const
  const definitions: FieldDefinition[] = perDepthConsultationFields('fixture').map((field) => ({
    id: field.id,
    title: field.title,
    type: field.type,
    options: field.custom_field_options.map((option) => ({ name: option.name, tag: option.value })),
  }))
  /** The same fields with each option named by its own depth only: parentage is then in the tags. */
  const ownNames = definitions.map((field) => ({ ...field, options: field.options.map((option) => ({ ...option, name: option.name.split('::').at(-1)! })) }))
  const leavesUnder = (root: string) =>
    taxonomyPaths()
      .filter((path) => path.leaf && path.labels[0] === root)
      .map((path) => ({ depths: [...path.labels], tag: perDepthTag(path) }))
  const tagsOf = (labels: string[]) =>
    labels.map((_, i) => perDepthTag(taxonomyPaths().find((path) => path.labels.join('::') === labels.slice(0, i + 1).join('::'))!))

  it('offers every leaf under the root, each as its full path, in the taxonomy’s order', () => {
    const choices = depthChoices(fields, definitions, '대리_기사')
    expect(choices).toEqual(leavesUnder('대리_기사'))
    expect(choices.map((choice) => choice.depths.join(' ▶ '))).toContain('대리_기사 ▶ 정산/수수료 ▶ 정산 ▶ 정산 내역 확인')
    // A leaf at depth 3 is a full path too; a depth with something under it is not offered.
    expect(choices.map((choice) => choice.depths.join(' ▶ '))).toContain('대리_기사 ▶ 기타/이벤트 ▶ 이벤트')
    expect(choices.some((choice) => choice.depths.join('::') === '대리_기사::정산/수수료::정산')).toBe(false)
    expect(depthChoices(fields, definitions, '대리_고객')).toEqual(leavesUnder('대리_고객'))
  })

  it('reads the same tree from the tags when each option is named by its own depth only', () => {
    expect(depthChoices(fields, ownNames, '대리_기사')).toEqual(leavesUnder('대리_기사'))
  })

  it.each([
    ['the nested names', definitions],
    ['the tags', ownNames],
  ])('Apply writes one tag per depth through %s, clearing nothing for a full four-depth path', (_label, fieldDefinitions) => {
    const path = ['대리_기사', '정산/수수료', '정산', '정산 내역 확인']
    const tags = tagsOf(path)
    expect(resolveConsultation(fields, fieldDefinitions, path)).toEqual({
      ok: true,
      write: Object.fromEntries(PER_DEPTH_FIELD_IDS.map((id, i) => [id, tags[i]])),
    })
  })

  it('a leaf at depth 3 clears depth 4 only', () => {
    const path = ['대리_기사', '기타/이벤트', '이벤트']
    const [d1, d2, d3] = tagsOf(path)
    expect(resolveConsultation(fields, definitions, path)).toEqual({ ok: true, write: { 360011: d1, 360012: d2, 360013: d3, 360014: null } })
  })

  it('a picked path writes back exactly the tags it was built from', () => {
    for (const choice of depthChoices(fields, ownNames, '대리_기사')) {
      const resolution = resolveConsultation(fields, ownNames, choice.depths)
      expect(resolution).toMatchObject({ ok: true })
      const deepest = PER_DEPTH_FIELD_IDS[choice.depths.length - 1]!
      if (resolution?.ok) expect(resolution.write[deepest]).toBe(choice.tag)
    }
  })

  it('a name under two parents stays under its own: 대리_고객’s 비회원문의 ▶ 기타, not 대리_기사’s', () => {
    const path = ['대리_고객', '기타/이벤트', '비회원문의', '기타']
    const write = {
      360011: 'd1_daeri_customer',
      360012: 'd2_daeri_customer__etc_event',
      360013: 'd3_daeri_customer__etc_event__nonmember',
      360014: 'd4_daeri_customer__etc_event__nonmember__etc',
    }
    expect(resolveConsultation(fields, ownNames, path)).toEqual({ ok: true, write })
    expect(resolveConsultation(fields, definitions, path)).toEqual({ ok: true, write })
  })

  it('refuses a depth that is not under the one above', () => {
    expect(resolveConsultation(fields, definitions, ['대리_기사', '보험', '정산'])).toEqual({
      ok: false,
      problem: 'option_missing',
      fieldId: 360013,
      path: '정산',
    })
  })

  it('is not resolved before the per-depth code is loaded (Apply waits, as for the definitions)', async () => {
    vi.resetModules()
    const fresh = await import('../../src/sidebar/consultation')
    expect(fresh.resolveConsultation(fields, definitions, ['대리_기사', '기타/이벤트', '이벤트'])).toBeNull()
    expect(fresh.depthChoices(fields, definitions, '대리_기사')).toEqual([])
    await fresh.loadPerDepth()
    expect(fresh.depthChoices(fields, definitions, '대리_기사')).toHaveLength(leavesUnder('대리_기사').length)
  })
})

describe('option names as shown and as typed (REST name and raw_name)', () => {
  // An English agent's REST answer: `name` rendered through dynamic content, `raw_name` as typed.
  const english: FieldDefinition = {
    id: 100,
    type: 'tagger',
    options: [
      { name: 'Daeri driver::Settlement/Fees::Payout::Payout not received', rawName: '대리_기사::정산/수수료::정산::정산금 미입금', tag: 'not_received' },
      { name: '대리_기사::기타/이벤트::비회원문의::기타', tag: 'nonmember_etc' },
    ],
  }
  const nestedField = { layout: 'nested', fieldId: 100 } as const

  it('matches a configured Korean path through raw_name, and the translated path through name', () => {
    expect(resolveConsultation(nestedField, [english], ['대리_기사', '정산/수수료', '정산', '정산금 미입금'])).toEqual({
      ok: true,
      write: { 100: 'not_received' },
    })
    expect(resolveConsultation(nestedField, [english], ['Daeri driver', 'Settlement/Fees', 'Payout', 'Payout not received'])).toEqual({
      ok: true,
      write: { 100: 'not_received' },
    })
    expect(resolveConsultation(nestedField, [english], ['대리_기사', '기타/이벤트', '비회원문의', '기타'])).toEqual({
      ok: true,
      write: { 100: 'nonmember_etc' },
    })
  })

  it('with raw_name a {{dc.…}} placeholder (left out when read), only name can match', () => {
    const placeholder: FieldDefinition = { ...english, options: [{ name: '대리_기사::정산/수수료::정산::정산금 미입금', tag: 'not_received' }] }
    expect(resolveConsultation(nestedField, [placeholder], ['대리_기사', '정산/수수료', '정산', '정산금 미입금'])).toEqual({
      ok: true,
      write: { 100: 'not_received' },
    })
    const englishOnly: FieldDefinition = { ...english, options: [{ name: 'Daeri driver::Settlement/Fees::Payout::Payout not received', tag: 'not_received' }] }
    expect(resolveConsultation(nestedField, [englishOnly], ['대리_기사', '정산/수수료', '정산', '정산금 미입금'])).toMatchObject({
      ok: false,
      problem: 'option_missing',
    })
  })

  it('offers in the picker the options whose root is the configured one as typed, named as the agent reads them', () => {
    expect(depthChoices(nestedField, [english], '대리_기사')).toEqual([
      { depths: ['Daeri driver', 'Settlement/Fees', 'Payout', 'Payout not received'], tag: 'not_received' },
      { depths: ['대리_기사', '기타/이벤트', '비회원문의', '기타'], tag: 'nonmember_etc' },
    ])
    // What the agent picks resolves to the same tag.
    expect(resolveConsultation(nestedField, [english], depthChoices(nestedField, [english], '대리_기사')[0]!.depths)).toEqual({
      ok: true,
      write: { 100: 'not_received' },
    })
  })

  it('per depth: a depth’s own name, as shown or as typed', () => {
    const fields = { layout: 'per_depth', fieldIds: [11, 12] } as const
    const depths: FieldDefinition[] = [
      { id: 11, type: 'tagger', options: [{ name: 'Daeri driver', rawName: '대리_기사', tag: 'd1' }] },
      { id: 12, type: 'tagger', options: [{ name: 'Settlement/Fees', rawName: '정산/수수료', tag: 'd2' }] },
    ]
    expect(resolveConsultation(fields, depths, ['대리_기사', '정산/수수료'])).toEqual({ ok: true, write: { 11: 'd1', 12: 'd2' } })
  })
})
