import type { ComponentChildren } from 'preact'
import type { Translate } from '../i18n'
import type { SidebarState, TextBox } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'

/** The refusal of a resident registration number, beside the box it was typed into. */
export function RrnRefused({ box, state, t }: { box: TextBox; state: SidebarState; t: Translate }) {
  return state.rrnIn === box ? (
    <span class="field__error" role="alert" data-testid="rrn-refused">
      {t('notice_rrnRefused')}
    </span>
  ) : null
}

interface Props {
  box: Exclude<TextBox, 'depthQuery'>
  label: string
  value: string
  placeholder: string
  invalid?: boolean
  state: SidebarState
  sidebar: Sidebar
  t: Translate
  /** What is said about the value (checked, or why not), unless an RRN was refused. */
  children?: ComponentChildren
}

/** A box of personal data: label, input, and what is wrong with it right below. */
export function Field({ box, label, value, placeholder, invalid, state, sidebar, t, children }: Props) {
  return (
    <label class="field" data-field={box}>
      <span class="field__label">{label}</span>
      <input
        class={invalid ? 'c-field__input is-invalid' : 'c-field__input'}
        value={value}
        placeholder={placeholder}
        autocomplete="off"
        spellcheck={false}
        data-private
        onInput={(event) => sidebar.input(box, event.currentTarget.value)}
      />
      <RrnRefused box={box} state={state} t={t} />
      {state.rrnIn !== box && children}
    </label>
  )
}
