/**
 * The admin's settings check (its own chunk, loaded when an admin clicks "Check settings"): the
 * installation's settings against the account, one line per check, each failure naming the
 * setting and the id.
 *
 * - {@link readAccountFacts} asks Zendesk what the settings name (user fields, ticket fields,
 *   macros, the article), each answer or its failure kept apart;
 * - {@link checkSettings} is the check itself, a pure function over the settings and those facts;
 * - {@link checkLineText} words a finding; the check's texts ship here, not in the language file
 *   every frame downloads.
 */
import { verificationOnlyPath } from '../procedure'
import type { UiLanguage } from '../i18n'
import { failureOf, type ZendeskFailure } from '../zendesk/calls'
import { patiently } from '../zendesk/retry'
import type { FieldDefinition, MacroRecord, TicketHost, UserFieldDefinition } from '../zendesk/ticket-host'
import type { ArticleAndCheckUpdate, ArticleView, CheckLine } from './article-and-check'
import { depthChoices, loadPerDepth, resolveConsultation } from './consultation'
import { consultationFieldIds, type SettingName, type Settings } from './settings'
import type { Sidebar } from './store'

/** An answer of Zendesk, or why there is none. */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ZendeskFailure }

/** What the account says about the things the settings name. */
export interface AccountFacts {
  /** The account's user fields; null when the member marker is not a user field. */
  readonly userFields: Read<readonly UserFieldDefinition[]> | null
  /** Each configured consultation field, in the settings' order. */
  readonly fields: readonly { readonly id: number; readonly read: Read<FieldDefinition> }[]
  /** Each macro of `step_macros`, in the settings' order. */
  readonly macros: readonly { readonly step: string; readonly id: number; readonly read: Read<MacroRecord> }[]
  /** The article as the sidebar read it; null when no article is configured. */
  readonly article: ArticleView | null
}

/** One check's result: its status, the setting it is about, what to say (a key of {@link CHECK_TEXTS}). */
export interface CheckFinding {
  readonly status: CheckLine['status']
  readonly setting: SettingName
  readonly key: CheckKey
  readonly params: Readonly<Record<string, string | number>>
}

const DROPDOWN_USER_FIELD = 'dropdown'
const DROPDOWN_TICKET_FIELDS = ['tagger', 'dropdown', 'multiselect']

/** A failure in a few words, for an admin: the HTTP status, a time-out, the host's message. */
export function failureWords(failure: ZendeskFailure): string {
  switch (failure.kind) {
    case 'http':
      return `HTTP ${failure.status}${failure.message ? ` ${failure.message}` : ''}`
    case 'timeout':
      return `no answer after ${Math.round(failure.afterMs / 1000)} s`
    case 'not_json':
      return `HTTP ${failure.status}, not JSON`
    case 'host':
      return failure.message
  }
}

const isMissing = (failure: ZendeskFailure) => failure.kind === 'http' && failure.status === 404

/** The check: the settings against the account's facts, one finding per line (pure). */
export function checkSettings(settings: Settings, facts: AccountFacts): CheckFinding[] {
  const out: CheckFinding[] = []
  const line = (status: CheckFinding['status'], setting: SettingName, key: CheckKey, params: Record<string, string | number> = {}) => {
    out.push({ status, setting, key, params: { setting, ...params } })
  }

  // The member marker: its user field exists; where it is a dropdown, the values are its options.
  const marker = settings.memberMarker
  if (marker.source !== 'user_field') line('note', 'member_source', 'markerNotChecked', { source: marker.source })
  else if (facts.userFields && !facts.userFields.ok)
    line('fail', 'member_user_field', 'userFieldsUnreadable', { field: marker.fieldKey, failure: failureWords(facts.userFields.failure) })
  else {
    const field = facts.userFields?.value.find((candidate) => candidate.key === marker.fieldKey)
    if (!field) line('fail', 'member_user_field', 'userFieldMissing', { field: marker.fieldKey })
    else {
      line('ok', 'member_user_field', 'userFieldFound', { field: field.key, type: field.type })
      if (field.type === DROPDOWN_USER_FIELD) {
        const lists: [SettingName, readonly string[]][] = [
          ['member_values', marker.memberValues],
          ['non_member_values', marker.nonMemberValues],
        ]
        for (const [setting, values] of lists) {
          if (!values.length) continue
          const missing = values.filter((value) => !field.options.includes(value))
          if (missing.length) line('fail', setting, 'valuesNotOptions', { field: field.key, values: missing.join(', '), options: field.options.join(', ') })
          else line('ok', setting, 'valuesAreOptions', { field: field.key, values: values.join(', ') })
        }
      }
    }
  }

  // The consultation fields: each exists and is a dropdown; together they hold the fixed path
  // and at least one option under the root depth.
  const fields = settings.consultationFields
  if (!fields) line('note', 'consultation_field_ids', 'consultationNotSet')
  else {
    const definitions: FieldDefinition[] = []
    for (const { id, read } of facts.fields) {
      if (!read.ok)
        line('fail', 'consultation_field_ids', isMissing(read.failure) ? 'fieldMissing' : 'fieldUnreadable', { id, failure: failureWords(read.failure) })
      else if (!DROPDOWN_TICKET_FIELDS.includes(read.value.type)) line('fail', 'consultation_field_ids', 'fieldNotDropdown', { id, type: read.value.type })
      else {
        line('ok', 'consultation_field_ids', 'fieldFound', { id, title: read.value.title ?? '' })
        definitions.push(read.value)
      }
    }
    // Only over fields that are there: a missing one is said above, once.
    if (definitions.length === consultationFieldIds(fields).length) {
      const path = verificationOnlyPath(settings.rootDepth).depths
      const fixed = resolveConsultation(fields, definitions, path)
      if (!fixed) line('fail', 'consultation_field_ids', 'fieldUnreadable', { id: consultationFieldIds(fields)[0] ?? 0, failure: '' })
      else if (fixed.ok) line('ok', 'consultation_field_ids', 'fixedPathFound', { path: path.join('::') })
      else line('fail', 'consultation_field_ids', 'fixedPathMissing', { id: fixed.fieldId, path: path.join('::') })
      const under = depthChoices(fields, definitions, settings.rootDepth)
      const rootField = fields.layout === 'nested' ? fields.fieldId : (fields.fieldIds[1] ?? fields.fieldIds[0] ?? 0)
      if (under.length) line('ok', 'root_depth', 'rootOptions', { root: settings.rootDepth, count: under.length })
      else line('fail', 'root_depth', 'noRootOptions', { root: settings.rootDepth, id: rootField })
    }
  }

  // The macros that stand in for steps: each exists and is active.
  if (!facts.macros.length) line('note', 'step_macros', 'macrosNone')
  for (const { step, id, read } of facts.macros) {
    if (!read.ok) line('fail', 'step_macros', isMissing(read.failure) ? 'macroMissing' : 'macroUnreadable', { step, id, failure: failureWords(read.failure) })
    else line(read.value.active ? 'ok' : 'fail', 'step_macros', read.value.active ? 'macroActive' : 'macroInactive', { step, id, title: read.value.title })
  }

  // The article: readable, and how much of the procedure it holds where the app looks.
  const articleId = settings.article?.id
  const article = facts.article
  if (articleId === undefined || !article) line('note', 'procedure_article_id', 'articleNotSet')
  else if (article.readable) {
    const statuses = Object.values(article.steps).map((step) => step?.status)
    line('ok', 'procedure_article_id', 'articleReadable', {
      id: articleId,
      found: statuses.filter((status) => status === 'same' || status === 'differs').length,
      total: statuses.length,
      differs: statuses.filter((status) => status === 'differs').length,
    })
  } else if (!article.failure) line('fail', 'procedure_article_id', 'articleNoSteps', { id: articleId })
  else
    line('fail', 'procedure_article_id', isMissing(article.failure) ? 'articleMissing' : 'articleUnreadable', {
      id: articleId,
      failure: failureWords(article.failure),
    })
  return out
}

/** Runs a read to its answer or its failure, waiting out a 429 once. */
async function read<T>(run: () => Promise<T>, sleep: (ms: number) => Promise<void>): Promise<Read<T>> {
  try {
    return { ok: true, value: await patiently(run, 2, (seconds) => sleep(seconds * 1000)) }
  } catch (error) {
    return { ok: false, failure: failureOf(error) }
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Asks Zendesk, in parallel, about everything the settings name. */
export async function readAccountFacts(
  host: TicketHost,
  settings: Settings,
  readArticle: () => Promise<ArticleView>,
  sleep: (ms: number) => Promise<void> = wait,
): Promise<AccountFacts> {
  // Per-depth paths are resolved by code of their own, loaded with the definitions.
  if (settings.consultationFields?.layout === 'per_depth') await loadPerDepth()
  const [userFields, fields, macros, article] = await Promise.all([
    settings.memberMarker.source === 'user_field' ? read(() => host.readUserFields(), sleep) : null,
    Promise.all(
      consultationFieldIds(settings.consultationFields).map(async (id) => ({
        id,
        read: await read(async () => {
          const [definition] = (await host.readFieldDefinitions([id])) ?? []
          if (!definition) throw new Error(`no field ${id} in the answer`)
          return definition
        }, sleep),
      })),
    ),
    Promise.all(Object.entries(settings.stepMacros).map(async ([step, id]) => ({ step, id, read: await read(() => host.readMacro(id), sleep) }))),
    settings.article ? readArticle() : null,
  ])
  return { userFields, fields, macros, article }
}

/** The check's texts in English, `{name}` filled from the finding's params (`{setting}` always). */
const EN = {
  markerNotChecked: '{setting} = {source}: nothing to check in the account (tags and external ids differ per user).',
  userFieldsUnreadable: '{setting} “{field}”: could not read the user fields ({failure}).',
  userFieldMissing: '{setting} “{field}”: no user field has this key.',
  userFieldFound: '{setting} “{field}”: the user field exists ({type}).',
  valuesNotOptions: '{setting}: “{values}” not among the options of user field “{field}” (options: {options}).',
  valuesAreOptions: '{setting}: “{values}” among the options of user field “{field}”.',
  consultationNotSet: '{setting}: empty, so Apply is off.',
  fieldMissing: '{setting} {id}: no ticket field has this id.',
  fieldUnreadable: '{setting} {id}: could not read the ticket field ({failure}).',
  fieldNotDropdown: '{setting} {id}: not a dropdown ({type}).',
  fieldFound: '{setting} {id}: the dropdown “{title}”.',
  fixedPathFound: '{setting}: the fixed path “{path}” is there.',
  fixedPathMissing: '{setting} {id}: no option for the fixed path “{path}”.',
  rootOptions: '{setting} “{root}”: {count} options under this depth.',
  noRootOptions: '{setting} “{root}”: field {id} has no option under this depth.',
  macrosNone: '{setting}: no macros (the built-in texts are sent).',
  macroMissing: '{setting} {step} → {id}: no macro has this id.',
  macroUnreadable: '{setting} {step} → {id}: could not read the macro ({failure}).',
  macroActive: '{setting} {step} → {id}: the macro “{title}” is active.',
  macroInactive: '{setting} {step} → {id}: the macro “{title}” is inactive.',
  articleNotSet: '{setting}: empty, so the texts are not compared with the help-center article.',
  articleReadable: '{setting} {id}: read; {found} of {total} reply texts found, {differs} differ.',
  articleNoSteps: '{setting} {id}: read, but none of the reply texts was found in it.',
  articleMissing: '{setting} {id}: no such article, not published in ko, or not visible to agents ({failure}).',
  articleUnreadable: '{setting} {id}: could not read the article ({failure}).',
} as const

export type CheckKey = keyof typeof EN

/** The check's texts in Korean: tsc refuses one missing. */
const KO: Record<CheckKey, string> = {
  markerNotChecked: '{setting} = {source}: 계정에서 확인할 항목이 없습니다 (태그나 외부 ID는 사용자마다 다름).',
  userFieldsUnreadable: '{setting} “{field}”: 사용자 필드 목록을 읽지 못했습니다 ({failure}).',
  userFieldMissing: '{setting} “{field}”: 이 키의 사용자 필드가 없습니다.',
  userFieldFound: '{setting} “{field}”: 사용자 필드가 있습니다 ({type}).',
  valuesNotOptions: '{setting}: “{values}”는 사용자 필드 “{field}”의 옵션이 아닙니다 (옵션: {options}).',
  valuesAreOptions: '{setting}: “{values}”는 사용자 필드 “{field}”의 옵션입니다.',
  consultationNotSet: '{setting}: 비어 있어 적용(Apply)이 꺼져 있습니다.',
  fieldMissing: '{setting} {id}: 이 ID의 티켓 필드가 없습니다.',
  fieldUnreadable: '{setting} {id}: 티켓 필드를 읽지 못했습니다 ({failure}).',
  fieldNotDropdown: '{setting} {id}: 드롭다운이 아닙니다 ({type}).',
  fieldFound: '{setting} {id}: 드롭다운 “{title}”입니다.',
  fixedPathFound: '{setting}: 고정 경로 “{path}”가 있습니다.',
  fixedPathMissing: '{setting} {id}: 고정 경로 “{path}”의 옵션이 없습니다.',
  rootOptions: '{setting} “{root}”: 이 depth 아래 옵션 {count}개가 있습니다.',
  noRootOptions: '{setting} “{root}”: 필드 {id}에 이 depth 아래 옵션이 없습니다.',
  macrosNone: '{setting}: 매크로를 쓰지 않습니다 (내장 문구를 보냄).',
  macroMissing: '{setting} {step} → {id}: 이 ID의 매크로가 없습니다.',
  macroUnreadable: '{setting} {step} → {id}: 매크로를 읽지 못했습니다 ({failure}).',
  macroActive: '{setting} {step} → {id}: 매크로 “{title}”가 활성입니다.',
  macroInactive: '{setting} {step} → {id}: 매크로 “{title}”가 비활성입니다.',
  articleNotSet: '{setting}: 비어 있어 문구를 도움말 문서와 비교하지 않습니다.',
  articleReadable: '{setting} {id}: 읽었습니다. 답변 문구 {total}개 중 {found}개를 찾았고 {differs}개가 다릅니다.',
  articleNoSteps: '{setting} {id}: 읽었지만 답변 문구를 하나도 찾지 못했습니다.',
  articleMissing: '{setting} {id}: 문서가 없거나, ko로 게시되지 않았거나, 상담사가 볼 수 없습니다 ({failure}).',
  articleUnreadable: '{setting} {id}: 문서를 읽지 못했습니다 ({failure}).',
}

/** The check's texts, shipped with its chunk (not in the language file every frame downloads). */
export const CHECK_TEXTS: Readonly<Record<UiLanguage, Readonly<Record<CheckKey, string>>>> = { ko: KO, en: EN }

const MARK = { ok: '✓', fail: '✗', note: '–' } as const

/** A finding in the admin's language, marked ✓ (ok), ✗ (fail) or – (not configured). */
export function checkLineText(language: UiLanguage, finding: CheckFinding): string {
  const text = CHECK_TEXTS[language][finding.key].replace(/\{(\w+)\}/g, (match, name: string) => String(finding.params[name] ?? match))
  return `${MARK[finding.status]} ${text}`
}

/** The whole check's lines. */
export async function settingsCheckLines(
  host: TicketHost,
  settings: Settings,
  language: UiLanguage,
  readArticle: () => Promise<ArticleView>,
): Promise<CheckLine[]> {
  const facts = await readAccountFacts(host, settings, readArticle)
  return checkSettings(settings, facts).map((finding) => ({ status: finding.status, text: checkLineText(language, finding) }))
}

/** Runs the check for an admin's click and shows its lines; a click while it runs does nothing. */
export async function showSettingsCheck(
  sidebar: Sidebar,
  host: TicketHost,
  update: ArticleAndCheckUpdate,
  readArticle: () => Promise<ArticleView>,
): Promise<void> {
  const { settings, language, settingsCheck } = sidebar.current
  if (!settings || settingsCheck?.running) return
  update({ settingsCheck: { running: true, lines: settingsCheck?.lines ?? [] } })
  const lines = await settingsCheckLines(host, settings, language, readArticle).catch((error: unknown): CheckLine[] => [
    { status: 'fail', text: String(error) },
  ])
  update({ settingsCheck: { running: false, lines } })
}
