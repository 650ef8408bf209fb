import type { ReplyStep } from '../procedure'
import type { Translate } from '../i18n'
import type { SidebarState } from '../sidebar/state'
import type { Sidebar } from '../sidebar/store'
import { Checkbox } from './Checkbox'
import { StepExtension } from './extensions'

/** One reply step: its title, the article's text as a preview, and Insert (once). */
export function StepCard({ step, index, state, sidebar, t }: { step: ReplyStep; index: number; state: SidebarState; sidebar: Sidebar; t: Translate }) {
  const inserted = state.inserted.includes(step.id)
  const macro = state.settings?.stepMacros[step.id]
  const optional = step.kind === 'optional_text'
  return (
    <section class={optional ? 'card card--optional' : 'card'} data-testid="step" data-step={step.id}>
      <h3>
        {circled(index)} {t(`step_${step.id}`)}
      </h3>
      {optional ? (
        <Checkbox checked={!!state.optionalSteps[step.id]} onChange={(on) => sidebar.toggleOptional(step.id, on)}>
          {t('includeInApply')}
        </Checkbox>
      ) : null}
      {step.text ? <div class="preview">{step.text}</div> : null}
      <StepExtension step={step.id} state={state} />
      {macro ? <p class="muted small">{t('viaMacro', { id: macro })}</p> : null}
      {step.text ? (
        <button type="button" class="c-btn c-btn--sm" data-action="insert" disabled={inserted || state.busy !== null} onClick={() => void sidebar.insertStep(step.id)}>
          {t(inserted ? 'inserted' : 'insert')}
        </button>
      ) : null}
    </section>
  )
}

export function circled(index: number): string {
  return '①②③④⑤⑥⑦⑧⑨'[index] ?? `${index + 1}.`
}
