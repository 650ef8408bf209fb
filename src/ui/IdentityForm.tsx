import type { IdentityCheck } from '../procedure'
import { reasonText } from '../i18n/procedure-texts'
import { Checkbox } from './Checkbox'
import { Field } from './Field'
import type { ScreenProps } from './props'
import { link, stepCard } from './StepCard'

/**
 * Branch 3: name, birth date, mobile number and "it is the person", checked as the agent types,
 * the team's criteria one click away.
 */
export function IdentityForm(p: ScreenProps & { check: IdentityCheck; title: string }) {
  const { check, state, t } = p
  const input = state.identity
  const field = (key: 'name' | 'birthDate' | 'phone', label: string, placeholder: string) => {
    const result = check.checks[key]
    return (
      <Field {...p} box={key} label={label} value={input[key]} placeholder={placeholder} error={!!input[key] && !result.ok && reasonText(t, result.error)} />
    )
  }
  return stepCard(
    'identity_check',
    p.title,
    link(state.settings?.links.criteriaArticle, t('linkCriteria'), 'small'),
    field('name', t('identityName'), '홍길동'),
    field('birthDate', t('identityBirthDate'), '1990-01-02'),
    field('phone', t('identityPhone'), '010-1234-5678'),
    <Checkbox checked={input.confirmedIsPerson} onChange={(on) => p.sidebar.confirmPerson(on)}>
      {t('identityPerson')}
    </Checkbox>,
    check.warnings.map((warning) => <p class="field__warning">{reasonText(t, warning)}</p>),
    <p class="muted small" data-testid="identity-gate" data-gate={check.ok ? 'passed' : 'pending'}>
      {t(check.ok ? 'processAllowed' : 'processBlocked')}
    </p>,
  )
}
