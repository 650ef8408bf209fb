import { useId } from 'preact/hooks'
import type { ComponentChildren } from 'preact'

/** Garden's checkbox: the input and its label as siblings, tied by id. */
export function Checkbox({ checked, onChange, children }: { checked: boolean; onChange: (checked: boolean) => void; children: ComponentChildren }) {
  const id = useId()
  return (
    <div class="c-field check">
      <input id={id} type="checkbox" class="c-field__checkbox" checked={checked} onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)} />
      <label class="c-field__label" for={id}>
        {children}
      </label>
    </div>
  )
}
