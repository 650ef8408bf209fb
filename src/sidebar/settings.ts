/**
 * The installation's settings (manifest `parameters`), parsed from what Zendesk sends in the
 * app's metadata. Every setting is checked here once; a broken one yields a problem that names
 * the setting, and the sidebar writes nothing until it is fixed.
 */

/** How a verified member is recognised on the requester. */
export type MemberMarker =
  | { source: 'user_field'; fieldKey: string; memberValues: readonly string[]; nonMemberValues: readonly string[] }
  | { source: 'user_tag' | 'ticket_tag'; memberTags: readonly string[] }
  | { source: 'external_id' }

/** Where the consultation type (상담유형) is written. */
export type ConsultationFields =
  | { layout: 'nested'; fieldId: number }
  | { layout: 'per_depth'; fieldIds: readonly number[] }

export interface Settings {
  memberMarker: MemberMarker
  /** null: not configured; the app then shows the path but cannot set it. */
  consultationFields: ConsultationFields | null
  rootDepth: string
  links: { criteriaArticle: string | null; referenceScreens: string | null }
  auditNote: boolean
  extraTags: string[]
  /** Step id → Zendesk macro id, applied instead of the built-in text. */
  stepMacros: Record<string, number>
}

/** Names of the manifest parameters, as the admin sees them in the settings form. */
export const SETTING = {
  memberSource: 'member_source',
  memberFieldKey: 'member_user_field',
  memberValues: 'member_values',
  nonMemberValues: 'non_member_values',
  consultationLayout: 'consultation_layout',
  consultationFieldIds: 'consultation_field_ids',
  rootDepth: 'root_depth',
  criteriaArticleUrl: 'criteria_article_url',
  referenceScreensUrl: 'reference_screens_url',
  auditNote: 'audit_note',
  extraTags: 'extra_tags',
  stepMacros: 'step_macros',
} as const

export type SettingName = (typeof SETTING)[keyof typeof SETTING]

/** What is wrong with one setting; `problem` is a message key, `detail` the offending value. */
export interface SettingProblem {
  setting: SettingName
  problem: 'required' | 'unknown_choice' | 'not_a_field_id' | 'not_a_url' | 'bad_json' | 'bad_macro_map' | 'bad_tag'
  detail: string
}

export type ParsedSettings = { ok: true; settings: Settings } | { ok: false; problems: SettingProblem[] }

function text(raw: Record<string, unknown>, name: SettingName): string {
  const value = raw[name]
  if (value === undefined || value === null) return ''
  return String(value).trim()
}

/** Comma-, space- or newline-separated list. */
function list(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean)
}

function bool(raw: Record<string, unknown>, name: SettingName): boolean {
  const value = raw[name]
  return value === true || value === 'true' || value === '1'
}

const TAG = /^[\p{L}\p{N}_\-:/.]+$/u

function url(raw: Record<string, unknown>, name: SettingName, problems: SettingProblem[]): string | null {
  const value = text(raw, name)
  if (!value) return null
  try {
    const parsed = new URL(value)
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.href
  } catch {
    // fall through
  }
  problems.push({ setting: name, problem: 'not_a_url', detail: value })
  return null
}

function fieldIds(value: string, problems: SettingProblem[]): number[] {
  const ids: number[] = []
  for (const item of list(value)) {
    if (/^\d{1,15}$/.test(item) && Number(item) > 0) ids.push(Number(item))
    else problems.push({ setting: SETTING.consultationFieldIds, problem: 'not_a_field_id', detail: item })
  }
  return ids
}

function stepMacros(value: string, problems: SettingProblem[]): Record<string, number> {
  if (!value) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch (error) {
    problems.push({ setting: SETTING.stepMacros, problem: 'bad_json', detail: error instanceof Error ? error.message : String(error) })
    return {}
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push({ setting: SETTING.stepMacros, problem: 'bad_macro_map', detail: value.slice(0, 80) })
    return {}
  }
  const out: Record<string, number> = {}
  for (const [step, id] of Object.entries(parsed)) {
    const number = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
    if (typeof number === 'number' && Number.isInteger(number) && number > 0) out[step] = number
    else problems.push({ setting: SETTING.stepMacros, problem: 'bad_macro_map', detail: `${step}: ${JSON.stringify(id)}` })
  }
  return out
}

function memberMarker(raw: Record<string, unknown>, problems: SettingProblem[]): MemberMarker {
  const source = text(raw, SETTING.memberSource) || 'user_field'
  switch (source) {
    case 'user_field': {
      const fieldKey = text(raw, SETTING.memberFieldKey)
      if (!fieldKey) problems.push({ setting: SETTING.memberFieldKey, problem: 'required', detail: '' })
      const memberValues = list(text(raw, SETTING.memberValues))
      if (memberValues.length === 0) problems.push({ setting: SETTING.memberValues, problem: 'required', detail: '' })
      return { source, fieldKey, memberValues, nonMemberValues: list(text(raw, SETTING.nonMemberValues)) }
    }
    case 'user_tag':
    case 'ticket_tag': {
      const memberTags = list(text(raw, SETTING.memberValues))
      if (memberTags.length === 0) problems.push({ setting: SETTING.memberValues, problem: 'required', detail: '' })
      return { source, memberTags }
    }
    case 'external_id':
      return { source }
    default:
      problems.push({ setting: SETTING.memberSource, problem: 'unknown_choice', detail: source })
      return { source: 'external_id' }
  }
}

function consultationFields(raw: Record<string, unknown>, problems: SettingProblem[]): ConsultationFields | null {
  const layout = text(raw, SETTING.consultationLayout) || 'nested'
  const ids = fieldIds(text(raw, SETTING.consultationFieldIds), problems)
  if (layout !== 'nested' && layout !== 'per_depth') {
    problems.push({ setting: SETTING.consultationLayout, problem: 'unknown_choice', detail: layout })
    return null
  }
  if (ids.length === 0) return null
  if (layout === 'nested') {
    if (ids.length > 1) problems.push({ setting: SETTING.consultationFieldIds, problem: 'not_a_field_id', detail: ids.join(',') })
    return { layout, fieldId: ids[0]! }
  }
  return { layout, fieldIds: ids }
}

/** Parses the raw settings; defaults match the manifest's. */
export function parseSettings(raw: Record<string, unknown>): ParsedSettings {
  const problems: SettingProblem[] = []
  const extraTags = list(text(raw, SETTING.extraTags))
  for (const tag of extraTags) {
    if (!TAG.test(tag)) problems.push({ setting: SETTING.extraTags, problem: 'bad_tag', detail: tag })
  }
  const settings: Settings = {
    memberMarker: memberMarker(raw, problems),
    consultationFields: consultationFields(raw, problems),
    rootDepth: text(raw, SETTING.rootDepth) || '대리_기사',
    links: {
      criteriaArticle: url(raw, SETTING.criteriaArticleUrl, problems),
      referenceScreens: url(raw, SETTING.referenceScreensUrl, problems),
    },
    auditNote: bool(raw, SETTING.auditNote),
    extraTags: extraTags.map((tag) => tag.toLowerCase()),
    stepMacros: stepMacros(text(raw, SETTING.stepMacros), problems),
  }
  return problems.length ? { ok: false, problems } : { ok: true, settings }
}

/** The field ids the consultation type is written to, in depth order. */
export function consultationFieldIds(fields: ConsultationFields | null): readonly number[] {
  if (!fields) return []
  return fields.layout === 'nested' ? [fields.fieldId] : fields.fieldIds
}
