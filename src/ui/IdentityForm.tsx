import type { IdentityCheck, CheckResult } from '../procedure'
import type { Translate, UiLanguage } from '../i18n'
import type { Sidebar, SidebarState } from '../sidebar/model'
import { Checkbox } from './Checkbox'
import { reasonText } from '../i18n/procedure-texts'

function Problem({ result, shown, t }: { result: CheckResult; shown: boolean; t: Translate }) {
  if (!shown || result.ok) return null
  return <span class="c-field__message field__error">{reasonText(t, result.error)}</span>
}

/** Branch 3: name, birth date, mobile number and "it is the person", checked as the agent types. */
export function IdentityForm({ check, state, sidebar, t, language, index }: { check: IdentityCheck; state: SidebarState; sidebar: Sidebar; t: Translate; language: UiLanguage; index: string }) {
  const input = state.identity
  const field = (key: 'name' | 'birthDate' | 'phone', label: string, placeholder: string) => (
    <label class="c-field field" data-field={key}>
      <span class="c-field__label">{label}</span>
      <input
        class={input[key] && !check.checks[key].ok ? 'c-field__input is-invalid' : 'c-field__input'}
        value={input[key]}
        placeholder={placeholder}
        autocomplete="off"
        spellcheck={false}
        data-private
        onInput={(event) => sidebar.updateIdentity({ [key]: (event.currentTarget as HTMLInputElement).value })}
      />
      <Problem result={check.checks[key]} shown={input[key] !== ''} t={t} />
      {check.checks[key].ok && check.masked[key] ? <span class="field__ok">✓ {check.masked[key]}</span> : null}
    </label>
  )
  return (
    <section class="card" data-testid="step" data-step="identity_check">
      <h3 class="card__title">
        {index} {t('identityTitle')}
      </h3>
      {field('name', t('identityName'), '홍길동')}
      {field('birthDate', t('identityBirthDate'), '1990-01-02')}
      {field('phone', t('identityPhone'), '010-1234-5678')}
      <Checkbox checked={input.confirmedIsPerson} onChange={(confirmedIsPerson) => sidebar.updateIdentity({ confirmedIsPerson })}>
        {t('identityPerson')}
      </Checkbox>
      {check.warnings.map((warning) => (
        <p class="field__warning" key={warning.code}>
          {reasonText(t, warning)}
        </p>
      ))}
      <p class={check.ok ? 'gate gate--passed' : 'gate'} data-testid="identity-gate" data-gate={check.ok ? 'passed' : 'pending'}>
        {check.ok ? t('identityPassed') : t('identityPending')}
      </p>
    </section>
  )
}
