import type { IdentityCheck } from '../procedure'
import type { Translate } from '../i18n'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import { Checkbox } from './Checkbox'
import { Field } from './Field'
import { reasonText } from '../i18n/procedure-texts'

/**
 * Branch 3: name, birth date, mobile number and "it is the person", checked as the agent types,
 * with the team's criteria one click away.
 */
export function IdentityForm({ check, state, sidebar, t, index }: { check: IdentityCheck; state: SidebarState; sidebar: Sidebar; t: Translate; index: string }) {
  const input = state.identity
  const criteria = state.settings?.links.criteriaArticle
  const field = (key: 'name' | 'birthDate' | 'phone', label: string, placeholder: string) => {
    const result = check.checks[key]
    return (
      <Field box={key} label={label} value={input[key]} placeholder={placeholder} invalid={!!input[key] && !result.ok} state={state} sidebar={sidebar} t={t}>
        {result.ok ? (
          check.masked[key] ? <span class="field__ok">✓ {check.masked[key]}</span> : null
        ) : input[key] ? (
          <span class="field__error">{reasonText(t, result.error)}</span>
        ) : null}
      </Field>
    )
  }
  return (
    <section class="card" data-testid="step" data-step="identity_check">
      <h3>
        {index} {t('identityTitle')}
      </h3>
      {criteria ? (
        <a class="small" href={criteria} target="_blank" rel="noopener noreferrer">
          {t('linkCriteria')}
        </a>
      ) : null}
      {field('name', t('identityName'), '홍길동')}
      {field('birthDate', t('identityBirthDate'), '1990-01-02')}
      {field('phone', t('identityPhone'), '010-1234-5678')}
      <Checkbox checked={input.confirmedIsPerson} onChange={(on) => sidebar.confirmPerson(on)}>
        {t('identityPerson')}
      </Checkbox>
      {check.warnings.map((warning) => (
        <p class="field__warning" key={warning.code}>
          {reasonText(t, warning)}
        </p>
      ))}
      <p class="gate" data-testid="identity-gate" data-gate={check.ok ? 'passed' : 'pending'}>
        {t(check.ok ? 'identityPassed' : 'identityPending')}
      </p>
    </section>
  )
}
