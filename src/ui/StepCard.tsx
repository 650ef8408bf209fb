import type { ComponentChildren } from 'preact'
import type { ReplyStep, StepId } from '../procedure'
import { Checkbox } from './Checkbox'
import { StepExtension } from './extensions'
import type { ScreenProps } from './props'

/** Insert (once) for one step; off while the step waits for the identity check. */
export function insertButton(id: StepId, { state, sidebar, t }: ScreenProps, blocked?: boolean) {
  const inserted = state.inserted.includes(id)
  return (
    <button class="c-btn c-btn--sm" data-action="insert" disabled={inserted || blocked || !!state.busy} onClick={() => void sidebar.insertStep(id)}>
      {t(inserted ? 'inserted' : 'insert')}
    </button>
  )
}

/** A step's card: its title and its button first, then what the step shows. */
export const stepCard = (id: StepId, title: ComponentChildren, button?: ComponentChildren, ...body: ComponentChildren[]) => (
  <section class="card" data-testid="step" data-step={id}>
    <div class="card__head">
      <h3>{title}</h3>
      {button}
    </div>
    {body}
  </section>
)

/** A link that opens beside Zendesk; nothing when it is not set. */
export const link = (href: string | null | undefined, text: string, className?: string) =>
  href && (
    <a class={className} href={href} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  )

/**
 * One reply step, compact: its title, the article's text with its first lines showing (the whole
 * text one click, or Enter, away), and Insert. An optional step's title is its checkbox's label:
 * ticked, Apply sends it too.
 */
export function StepCard(p: ScreenProps & { step: ReplyStep; title: string; blocked: boolean }) {
  const { step, state, t } = p
  const macro = state.settings?.stepMacros[step.id]
  const optional = step.kind === 'optional_text'
  return stepCard(
    step.id,
    optional ? (
      <Checkbox checked={!!state.optionalSteps[step.id]} onChange={(on) => p.sidebar.toggleOptional(step.id, on)}>
        {p.title}
      </Checkbox>
    ) : (
      p.title
    ),
    insertButton(step.id, p, p.blocked),
    <details class="preview">
      <summary>{step.text}</summary>
    </details>,
    <StepExtension step={step.id} state={state} />,
    macro ? <p class="muted small">{t('viaMacro', { id: macro })}</p> : null,
  )
}
