import type { Translate } from '../i18n'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import type { SidebarView } from '../sidebar/view'

/** Branch 4: the two numbers in, same / different out; or the driver's answer in one click. */
export function PhoneMatchHelper({ state, view, sidebar, t }: { state: SidebarState; view: SidebarView; sidebar: Sidebar; t: Translate }) {
  const compare = view.phoneCompare
  const input = (key: 'driverApp' | 'kakaoTalk', label: string) => (
    <label class="c-field field">
      <span class="c-field__label">{label}</span>
      <input
        class="c-field__input"
        value={state.phoneInputs[key]}
        placeholder="010-1234-5678"
        autocomplete="off"
        data-private
        onInput={(event) => sidebar.updatePhones({ [key]: event.currentTarget.value })}
      />
    </label>
  )
  return (
    <section class="card" data-testid="phone-match" data-match={state.phoneMatch ?? 'unknown'}>
      <h3>{t('phoneMatchTitle')}</h3>
      <div class="field-row">
        {input('driverApp', t('phoneDriverApp'))}
        {input('kakaoTalk', t('phoneKakaoTalk'))}
      </div>
      {compare && typeof compare === 'object' ? <p class="c-field__message field__error">{t(`phoneInvalid_${compare.invalid}`)}</p> : null}
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
