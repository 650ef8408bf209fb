import type { Translate, UiLanguage } from '../i18n'
import { parameterLabel } from '../i18n'
import type { Notice } from '../sidebar/state'
import type { ApplyBlocker } from '../sidebar/view'
import { SETTING, type SettingProblem } from '../sidebar/settings'
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
  // The field's problems name the setting, the field and the path; the others say what to do.
  const r = blocker.key === 'consultationProblem' ? blocker.resolution : null
  const setting = SETTING.consultationFieldIds
  const text = t(blocker.key === 'consultationProblem' ? `blocker_${blocker.resolution.problem}` : `blocker_${blocker.key}`, {
    // Only a blocker naming the setting reads its label (the labels are rare texts).
    label: r || 'setting' in blocker ? parameterLabel(language, setting) : '',
    setting,
    field: r?.fieldId ?? '',
    path: r?.problem === 'option_missing' ? r.path : '',
  })
  return blocker.key === 'fieldsFailed' ? `${text} ${failureText(t, blocker.failure)}` : text
}
