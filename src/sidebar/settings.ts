/**
 * The installation's settings (manifest `parameters`), parsed from what Zendesk sends in the
 * app's metadata. Every setting is checked here once; a broken one yields a problem that names
 * the setting, and the sidebar writes nothing until it is fixed. No value is silently ignored or
 * changed: a value given twice, an unknown step or a checkbox value that is neither on nor off is
 * a problem too.
 */
import { BRANCHES } from '../procedure'

/** How a verified member is recognised on the requester. */
export type MemberMarker =
  | { source: 'user_field'; fieldKey: string; memberValues: readonly string[]; nonMemberValues: readonly string[] }
  | { source: 'user_tag' | 'ticket_tag'; memberTags: readonly string[] }
  | { source: 'external_id' }

/** Where the consultation type (상담유형) is written. */
export type ConsultationFields = { layout: 'nested'; fieldId: number } | { layout: 'per_depth'; fieldIds: readonly number[] }

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
  /** The help-center article the texts follow (null: not compared), and whose wording is sent. */
  article: { id: number; textsSource: 'built_in' | 'article' } | null
  /** How many days back a requester's tagged ticket counts as re-inquiry evidence. */
  reinquiryDays: number
}

/** Names of the manifest parameters, as the admin sees them in the settings form. */
export type SettingName =
  | 'member_source'
  | 'member_user_field'
  | 'member_values'
  | 'non_member_values'
  | 'consultation_layout'
  | 'consultation_field_ids'
  | 'root_depth'
  | 'criteria_article_url'
  | 'reference_screens_url'
  | 'audit_note'
  | 'extra_tags'
  | 'step_macros'
  | 'procedure_article_id'
  | 'texts_source'
  | 'reinquiry_days'

/** The settings other modules point the admin to (only these: each name costs shipped bytes). */
export const SETTING = { consultationFieldIds: 'consultation_field_ids' } as const satisfies Record<string, SettingName>

/** What is wrong with one setting; `problem` is a message key, `detail` the offending value. */
export interface SettingProblem {
  setting: SettingName
  problem: 'required' | 'unknown_choice' | 'not_a_field_id' | 'not_a_url' | 'bad_json' | 'bad_macro_map' | 'bad_tag' | 'listed_twice' | 'not_an_article_id'
  detail: string
}

export type ParsedSettings = { ok: true; settings: Settings } | { ok: false; problems: SettingProblem[] }

const TAG = /^[\p{L}\p{N}_\-:/.]+$/u
// The steps a macro can stand in for: those with a text of their own.
const MACRO_STEPS: readonly string[] = BRANCHES.flatMap((branch) => branch.steps.filter((step) => step.text).map((step) => step.id))

/** Parses the raw settings; defaults match the manifest's. */
/** A setting's value as text: Zendesk sends strings, numbers or booleans; anything else reads as empty. */
function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
}

export function parseSettings(raw: Record<string, unknown>): ParsedSettings {
  const problems: SettingProblem[] = []
  const fail = (setting: SettingName, problem: SettingProblem['problem'], detail = '') => {
    problems.push({ setting, problem, detail })
  }
  const text = (name: SettingName) => scalar(raw[name]).trim()
  /** Comma-, space- or newline-separated list. */
  const list = (name: SettingName) =>
    text(name)
      .split(/[\s,]+/)
      .filter(Boolean)
  const requiredList = (name: SettingName) => {
    const items = list(name)
    if (!items.length) fail(name, 'required')
    return items
  }
  /** An http(s) link, or null when not set. */
  const url = (name: SettingName) => {
    const value = text(name)
    if (!value) return null
    try {
      const { protocol, href } = new URL(value)
      if (/^https?:$/.test(protocol)) return href
    } catch {
      // not a URL at all: the same problem as a javascript: link
    }
    fail(name, 'not_a_url', value)
    return null
  }

  const extraTags = list('extra_tags')
  for (const tag of extraTags) if (!TAG.test(tag)) fail('extra_tags', 'bad_tag', tag)

  let memberMarker: MemberMarker = { source: 'external_id' }
  const source = text('member_source') || 'user_field'
  if (source === 'user_field') {
    const fieldKey = text('member_user_field')
    if (!fieldKey) fail('member_user_field', 'required')
    const memberValues = requiredList('member_values')
    const nonMemberValues = list('non_member_values')
    // A value in both lists (in any case) would be read as a member.
    for (const value of nonMemberValues) {
      if (memberValues.some((member) => member.toLowerCase() === value.toLowerCase())) fail('non_member_values', 'listed_twice', value)
    }
    memberMarker = { source, fieldKey, memberValues, nonMemberValues }
  } else if (source === 'user_tag' || source === 'ticket_tag') {
    memberMarker = { source, memberTags: requiredList('member_values') }
  } else if (source !== 'external_id') {
    fail('member_source', 'unknown_choice', source)
  }

  const ids: number[] = []
  for (const item of list('consultation_field_ids')) {
    // Two depths written to one field: the first would be lost.
    if (ids.includes(+item)) fail('consultation_field_ids', 'listed_twice', item)
    else if (/^\d{1,15}$/.test(item) && +item > 0) ids.push(+item)
    else fail('consultation_field_ids', 'not_a_field_id', item)
  }
  let consultationFields: ConsultationFields | null = null
  const layout = text('consultation_layout') || 'nested'
  if (layout !== 'nested' && layout !== 'per_depth') fail('consultation_layout', 'unknown_choice', layout)
  else if (ids.length) {
    if (layout === 'per_depth') consultationFields = { layout, fieldIds: ids }
    else {
      // One nested field holds the whole path.
      if (ids.length > 1) fail('consultation_field_ids', 'not_a_field_id', ids.join(','))
      consultationFields = { layout, fieldId: ids[0]! }
    }
  }

  const links = { criteriaArticle: url('criteria_article_url'), referenceScreens: url('reference_screens_url') }

  const stepMacros: Record<string, number> = {}
  const macros = text('step_macros')
  let parsed: unknown = {}
  try {
    if (macros) parsed = JSON.parse(macros)
  } catch (error) {
    fail('step_macros', 'bad_json', (error as Error).message)
  }
  if (typeof parsed !== 'object' || !parsed || Array.isArray(parsed)) fail('step_macros', 'bad_macro_map', macros.slice(0, 80))
  else {
    // JSON.parse keeps the last of two equal keys.
    const steps = new Set<string>()
    for (const [, step = ''] of macros.matchAll(/"([^"]*)"\s*:/g)) {
      if (steps.has(step)) fail('step_macros', 'listed_twice', step)
      else steps.add(step)
    }
    for (const [step, id] of Object.entries(parsed as Record<string, unknown>)) {
      // A quoted id ("9002") counts as the number. An id beyond 2^53 - 1 was rounded by JSON.parse
      // (to 2^53 or more, never back into the safe range), so it is refused, not read as another macro.
      const number = typeof id === 'string' && /^\d+$/.test(id) ? +id : typeof id === 'number' ? id : NaN
      if (!MACRO_STEPS.includes(step)) fail('step_macros', 'unknown_choice', step)
      else if (Number.isSafeInteger(number) && number > 0) stepMacros[step] = number
      // Named by its step only: the parsed value of a rounded id is not what was written.
      else fail('step_macros', 'bad_macro_map', step)
    }
  }

  // A whole number of days, 0 (today only) to 365; blank is the default.
  const days = text('reinquiry_days') || '7'
  if (!/^\d{1,3}$/.test(days) || +days > 365) fail('reinquiry_days', 'unknown_choice', days)

  // A checkbox: on, off or not set; anything else is not silently read as off.
  const audit = scalar(raw.audit_note)
  if (!/^(?:true|false|1|0|)$/.test(audit)) fail('audit_note', 'unknown_choice', audit)
  // The article the texts follow (none: the built-in texts, not compared) and whose wording is sent.
  const textsSource = text('texts_source')
  if (!/^(?:built_in|article|)$/.test(textsSource)) fail('texts_source', 'unknown_choice', textsSource)
  const articleId = text('procedure_article_id')
  // An id Zendesk could have given: a safe positive integer. The article's wording needs an article.
  if (articleId ? !/^[1-9]\d*$/.test(articleId) || !Number.isSafeInteger(+articleId) : textsSource === 'article') {
    fail('procedure_article_id', articleId ? 'not_an_article_id' : 'required', articleId)
  }
  const settings: Settings = {
    memberMarker,
    consultationFields,
    rootDepth: text('root_depth') || '대리_기사',
    links,
    auditNote: audit === 'true' || audit === '1',
    extraTags: extraTags.map((tag) => tag.toLowerCase()),
    stepMacros,
    article: articleId ? { id: +articleId, textsSource: textsSource === 'article' ? 'article' : 'built_in' } : null,
    reinquiryDays: +days,
  }
  return problems.length ? { ok: false, problems } : { ok: true, settings }
}

/** The field ids the consultation type is written to, in depth order. */
export function consultationFieldIds(fields?: ConsultationFields | null): readonly number[] {
  if (!fields) return []
  return fields.layout === 'nested' ? [fields.fieldId] : fields.fieldIds
}
