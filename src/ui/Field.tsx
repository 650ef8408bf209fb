import type { TextBox } from '../sidebar/state'
import type { ScreenProps } from './props'

type Props = Pick<ScreenProps, 'state' | 'sidebar' | 't'>

/** The refusal of a resident registration number, beside the box it was typed into. */
export const rrnRefused = (box: TextBox, { state, t }: Props) =>
  state.rrnIn === box ? (
    <span class="field__error" role="alert">
      {t('notice_rrnRefused')}
    </span>
  ) : null

/** A box of personal data: label, input, and what is wrong with it (`error`, false when nothing is) right below. */
export function Field(p: Props & { box: Exclude<TextBox, 'depthQuery'>; label: string; value: string; placeholder: string; error: string | false }) {
  const { box } = p
  return (
    <label class="field" data-field={box}>
      <b>{p.label}</b>
      <input
        class="c-field__input"
        aria-invalid={p.error !== false}
        value={p.value}
        placeholder={p.placeholder}
        autocomplete="off"
        spellcheck={false}
        data-private
        onInput={(event) => p.sidebar.input(box, event.currentTarget.value)}
      />
      {rrnRefused(box, p) ?? (p.error !== false && <span class="field__error">{p.error}</span>)}
    </label>
  )
}
