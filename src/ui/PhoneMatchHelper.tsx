import type { Translate } from '../i18n'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import type { SidebarView } from '../sidebar/view'
import { Field } from './Field'

/** Branch 4: the two numbers in, same / different out; or the driver's answer in one click. */
export function PhoneMatchHelper({ state, view, sidebar, t }: { state: SidebarState; view: SidebarView; sidebar: Sidebar; t: Translate }) {
  const compare = view.phoneCompare
  const field = (key: 'driverApp' | 'kakaoTalk', label: string) => (
    <Field box={key} label={label} value={state.phoneInputs[key]} placeholder="010-1234-5678" state={state} sidebar={sidebar} t={t} />
  )
  return (
    <section class="card" data-testid="phone-match" data-match={state.phoneMatch ?? 'unknown'}>
      <h3>{t('phoneMatchTitle')}</h3>
      <div class="field-row">
        {field('driverApp', t('phoneDriverApp'))}
        {field('kakaoTalk', t('phoneKakaoTalk'))}
      </div>
      {compare && typeof compare === 'object' ? <p class="field__error">{t(`phoneInvalid_${compare.invalid}`)}</p> : null}
      <div class="segmented" role="group" aria-label={t('phoneMatchTitle')}>
        {(['same', 'different'] as const).map((answer) => (
          <button type="button" key={answer} aria-pressed={state.phoneMatch === answer} data-answer={answer} onClick={() => sidebar.setPhoneMatch(state.phoneMatch === answer ? null : answer)}>
            {t(answer === 'same' ? 'phoneSame' : 'phoneDifferent')}
          </button>
        ))}
      </div>
    </section>
  )
}
