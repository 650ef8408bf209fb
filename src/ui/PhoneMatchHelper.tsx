import { Field } from './Field'
import type { ScreenProps } from './props'

/** Branch 4: the two numbers in, same / different out; or the driver's answer in one click. */
export function PhoneMatchHelper(p: ScreenProps) {
  const { state, t } = p
  const compare = p.view.phoneCompare
  const invalid = typeof compare === 'object' && compare?.invalid
  // Which number is not a mobile number: said below that box.
  const field = (key: 'driverApp' | 'kakaoTalk', side: 'a' | 'b', label: string) => (
    <Field
      {...p}
      box={key}
      label={label}
      value={state.phoneInputs[key]}
      placeholder="010-1234-5678"
      error={(invalid === side || invalid === 'both') && t('reason_phone_format')}
    />
  )
  return (
    <section class="card" data-testid="phone-match" data-match={state.phoneMatch ?? 'unknown'}>
      <h3>{t('phoneMatchTitle')}</h3>
      <div class="field-row">
        {field('driverApp', 'a', t('phoneDriverApp'))}
        {field('kakaoTalk', 'b', t('phoneKakaoTalk'))}
      </div>
      <div class="segmented" role="group" aria-label={t('phoneMatchTitle')}>
        {(['same', 'different'] as const).map((answer) => (
          <button
            aria-pressed={state.phoneMatch === answer}
            data-answer={answer}
            onClick={() => p.sidebar.setPhoneMatch(state.phoneMatch === answer ? null : answer)}
          >
            {t(answer === 'same' ? 'phoneSame' : 'phoneDifferent')}
          </button>
        ))}
      </div>
    </section>
  )
}
