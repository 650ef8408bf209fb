import type { ConsultationFields } from './settings'
import type { FieldDefinition, FieldOption } from '../zendesk/ticket-host'

/** A consultation path the agent can pick, under the root depth. */
export interface DepthChoice {
  depths: string[]
  tag: string
}

/** Tags to write, by field id (null clears a deeper per-depth field). */
export type FieldWrite = Record<number, string | null>

export type Resolution =
  | { ok: true; write: FieldWrite }
  | { ok: false; problem: 'field_missing'; fieldId: number }
  | { ok: false; problem: 'option_missing'; fieldId: number; path: string }
  | { ok: false; problem: 'not_a_dropdown'; fieldId: number }

export type Refusal = Exclude<Resolution, { ok: true }>

/** Zendesk's field types whose values are option tags. */
const DROPDOWN_TYPES = ['tagger', 'dropdown', 'multiselect']

export const split = (name: string) => name.split('::').map((part) => part.trim())
export const same = (a: string, b: string) => a.normalize('NFC').trim() === b.normalize('NFC').trim()

/** The options of a configured field, or why its value cannot be set. */
export function dropdownOptions(definitions: FieldDefinition[], fieldId: number): FieldOption[] | Refusal {
  const definition = definitions.find((field) => field.id === fieldId)
  if (!definition) return { ok: false, problem: 'field_missing', fieldId }
  return DROPDOWN_TYPES.includes(definition.type) ? definition.options : { ok: false, problem: 'not_a_dropdown', fieldId }
}

/** Whether an option's name, as the agent reads it or as the admin typed it (REST `raw_name`), is this path. */
const named = ({ name, rawName = name }: FieldOption, depths: readonly string[]) =>
  [name, rawName].some((full) => {
    const parts = split(full)
    return parts.length === depths.length && parts.every((part, i) => same(part, depths[i]!))
  })

/** The option whose (nested) name is exactly this path. */
const optionFor = (options: FieldOption[], depths: readonly string[]) => options.find((option) => named(option, depths))

/** The per-depth layout's code: a chunk only the frames configured so fetch (with the definitions). */
let perDepth: typeof import('./per-depth') | undefined
export const loadPerDepth = async () => void (perDepth ??= await import('./per-depth'))

/**
 * Resolves a consultation path (depth names) to the option **tags** to write. Never guesses: a
 * path that is not an option of the field is a problem, and nothing is written. Null while the
 * per-depth layout's code is not loaded (it comes with the fields' definitions).
 */
export function resolveConsultation(fields: ConsultationFields, definitions: FieldDefinition[], depths: readonly string[]): Resolution | null {
  if (fields.layout === 'nested') {
    const { fieldId } = fields
    const options = dropdownOptions(definitions, fieldId)
    if (!Array.isArray(options)) return options
    const option = optionFor(options, depths)
    return option ? { ok: true, write: { [fieldId]: option.tag } } : { ok: false, problem: 'option_missing', fieldId, path: depths.join('::') }
  }
  return perDepth ? perDepth.resolvePerDepth(fields.fieldIds, definitions, depths) : null
}

/**
 * The paths an agent can pick under the root depth, from the field itself: every option of the
 * nested field under `root::`; for per-depth fields, every full path down their tree (per-depth.ts).
 */
export function depthChoices(fields: ConsultationFields, definitions: FieldDefinition[], root: string): DepthChoice[] {
  if (fields.layout === 'nested') {
    return (definitions.find((field) => field.id === fields.fieldId)?.options ?? []).flatMap(({ name, tag, rawName = name }) => {
      const depths = split(name)
      // Under the root as the agent reads it, or as the admin typed it (a root translated for the agent).
      return depths.length > 1 && (same(depths[0]!, root) || same(split(rawName)[0]!, root)) ? [{ depths, tag }] : []
    })
  }
  return perDepth?.perDepthChoices(fields.fieldIds, definitions, root) ?? []
}

/** Case- and space-insensitive search over the choices' names, for the picker. */
export function filterChoices(choices: DepthChoice[], query: string): DepthChoice[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return choices.filter((choice) => {
    const haystack = choice.depths.join('').toLowerCase().replace(/\s+/g, '')
    return words.every((word) => haystack.includes(word))
  })
}
