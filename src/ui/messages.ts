import type { Translate, UiLanguage } from '../i18n'
import { parameterLabel } from '../i18n'
import type { Notice } from '../sidebar/state'
import type { ApplyBlocker } from '../sidebar/view'
import type { SettingProblem } from '../sidebar/settings'
import type { StatusEvidence } from '../sidebar/requester-status'
import type { ZendeskFailure } from '../zendesk/calls'

/** What went wrong with Zendesk, in the agent's words. */
export function failureText(t: Translate, failure: ZendeskFailure): string {
  switch (failure.kind) {
    case 'timeout':
      return t('failTimeout', { seconds: Math.round(failure.afterMs / 1000) })
    case 'not_json':
      return t('failNotJson', { status: failure.status })
    case 'host':
      return t('failHost', { message: failure.message })
    case 'http':
      switch (failure.status) {
        case 401:
        case 403:
        case 404:
        case 422:
        case 429:
          return t(`failHttp${failure.status}`)
      }
      if (failure.status >= 500) return t('failHttp5xx', { status: failure.status })
      return t('failHttp', { status: failure.status, message: failure.message })
  }
}

export function noticeText(t: Translate, notice: Notice): string {
  const text = t(`notice_${notice.key}`, notice.params)
  return notice.tone === 'error' && notice.failure ? `${text} ${failureText(t, notice.failure)}` : text
}

export function settingProblemText(t: Translate, language: UiLanguage, problem: SettingProblem): string {
  return t(`setting_${problem.problem}`, {
    label: parameterLabel(language, problem.setting),
    setting: problem.setting,
    detail: problem.detail,
  })
}

export function evidenceText(t: Translate, evidence: StatusEvidence): string {
  return t(`evidence_${evidence.code}`, evidence.params)
}

export function blockerText(t: Translate, language: UiLanguage, blocker: ApplyBlocker): string {
  switch (blocker.key) {
    case 'consultationNotConfigured':
      return t('blocker_consultationNotConfigured', { label: parameterLabel(language, blocker.setting), setting: blocker.setting })
    case 'fieldsFailed':
      return `${t('blocker_fieldsFailed', { label: parameterLabel(language, blocker.setting), setting: blocker.setting })} ${failureText(t, blocker.failure)}`
    case 'consultationProblem': {
      const r = blocker.resolution
      const setting = 'consultation_field_ids'
      const label = parameterLabel(language, setting)
      if (r.problem === 'option_missing') return t('blocker_optionMissing', { label, setting, field: r.fieldId, path: r.path })
      if (r.problem === 'not_a_dropdown') return t('blocker_notDropdown', { label, setting, field: r.fieldId })
      return t('blocker_fieldMissing', { label, setting, field: r.fieldId })
    }
    default:
      return t(`blocker_${blocker.key}`)
  }
}
