import type { ComponentChildren } from 'preact'

/** A checkbox wrapped in its label, so no id is needed to tie them. */
export function Checkbox({ checked, onChange, children }: { checked: boolean; onChange: (checked: boolean) => void; children: ComponentChildren }) {
  return (
    <label class="check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)} />
      <span>{children}</span>
    </label>
  )
}
