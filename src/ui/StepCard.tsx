import type { ComponentChildren } from 'preact'
import type { ReplyStep, StepId } from '../procedure'
import type { Translate } from '../i18n'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import { Checkbox } from './Checkbox'

/** Insert (once) for one step; off while the step waits for the identity check. */
export function InsertButton({ id, state, sidebar, t, blocked }: { id: StepId; state: SidebarState; sidebar: Sidebar; t: Translate; blocked?: boolean }) {
  const inserted = state.inserted.includes(id)
  return (
    <button type="button" class="c-btn c-btn--sm" data-action="insert" disabled={inserted || blocked || state.busy !== null} onClick={() => void sidebar.insertStep(id)}>
      {t(inserted ? 'inserted' : 'insert')}
    </button>
  )
}

/** A card's first line: its title (an optional step's title is its checkbox's label) and its button. */
export function CardHead({ children, button }: { children: ComponentChildren; button?: ComponentChildren }) {
  return (
    <div class="card__head">
      <h3>{children}</h3>
      {button}
    </div>
  )
}

/**
 * One reply step, compact: its title, the article's text with its first lines showing (the whole
 * text one click away), and Insert. An optional step is sent by Apply when ticked.
 */
export function StepCard({ step, index, state, sidebar, t, blocked }: { step: ReplyStep; index: number; state: SidebarState; sidebar: Sidebar; t: Translate; blocked: boolean }) {
  const macro = state.settings?.stepMacros[step.id]
  const title = `${circled(index)} ${t(`step_${step.id}`)}`
  return (
    <section class={step.kind === 'optional_text' ? 'card card--optional' : 'card'} data-testid="step" data-step={step.id}>
      <CardHead button={step.text ? <InsertButton id={step.id} state={state} sidebar={sidebar} t={t} blocked={blocked} /> : null}>
        {step.kind === 'optional_text' ? (
          <Checkbox checked={!!state.optionalSteps[step.id]} onChange={(on) => sidebar.toggleOptional(step.id, on)}>
            {title}
          </Checkbox>
        ) : (
          title
        )}
      </CardHead>
      {step.text ? (
        // Closed, the first two lines; a click (or Enter) on them opens the whole text.
        <details class="preview">
          <summary>{step.text}</summary>
        </details>
      ) : null}
      {macro ? <p class="muted small">{t('viaMacro', { id: macro })}</p> : null}
    </section>
  )
}

export function circled(index: number): string {
  return '①②③④⑤⑥⑦⑧⑨'[index] ?? `${index + 1}.`
}
