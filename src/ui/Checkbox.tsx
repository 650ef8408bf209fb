import type { ComponentChildren } from 'preact'

/** Garden's checkbox: the input and its label text as siblings, wrapped in one label (no id needed). */
export function Checkbox({ checked, onChange, children }: { checked: boolean; onChange: (checked: boolean) => void; children: ComponentChildren }) {
  return (
    <label class="c-field">
      <input type="checkbox" class="c-field__checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />
      <span class="c-field__label">{children}</span>
    </label>
  )
}
