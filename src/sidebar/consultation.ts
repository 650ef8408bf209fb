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

type Refusal = Exclude<Resolution, { ok: true }>

/** Zendesk's field types whose values are option tags. */
const DROPDOWN_TYPES = ['tagger', 'dropdown', 'multiselect']

const split = (name: string) => name.split('::').map((part) => part.trim())
const same = (a: string, b: string) => a.normalize('NFC').trim() === b.normalize('NFC').trim()

/** The options of a configured field, or why its value cannot be set. */
function dropdownOptions(definitions: FieldDefinition[], fieldId: number): FieldOption[] | Refusal {
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

/**
 * Resolves a consultation path (depth names) to the option **tags** to write. Never guesses: a
 * path that is not an option of the field is a problem, and nothing is written.
 */
export function resolveConsultation(fields: ConsultationFields, definitions: FieldDefinition[], depths: readonly string[]): Resolution {
  if (fields.layout === 'nested') {
    const { fieldId } = fields
    const options = dropdownOptions(definitions, fieldId)
    if (!Array.isArray(options)) return options
    const option = optionFor(options, depths)
    return option ? { ok: true, write: { [fieldId]: option.tag } } : { ok: false, problem: 'option_missing', fieldId, path: depths.join('::') }
  }
  const { fieldIds } = fields
  const write: FieldWrite = {}
  for (const [index, fieldId] of fieldIds.entries()) {
    const options = dropdownOptions(definitions, fieldId)
    if (!Array.isArray(options)) return options
    const depth = depths[index]
    // A shorter path clears the deeper fields.
    if (depth === undefined) write[fieldId] = null
    else {
      // The option named by the path down to this depth (`대리_기사::기타/이벤트`), or, for
      // fields whose options carry the depth's own name only, that name.
      const option = optionFor(options, depths.slice(0, index + 1)) ?? optionFor(options, [depth])
      if (!option) return { ok: false, problem: 'option_missing', fieldId, path: depth }
      write[fieldId] = option.tag
    }
  }
  if (depths.length > fieldIds.length) return { ok: false, problem: 'option_missing', fieldId: fieldIds.at(-1)!, path: depths.join('::') }
  return { ok: true, write }
}

/**
 * The paths an agent can pick under the root depth, from the field itself: every option of the
 * nested field under `root::`; for per-depth fields, the second field's options.
 */
export function depthChoices(fields: ConsultationFields, definitions: FieldDefinition[], root: string): DepthChoice[] {
  const nested = fields.layout === 'nested'
  const fieldId = nested ? fields.fieldId : fields.fieldIds[1]
  const definition = definitions.find((field) => field.id === fieldId)
  return (definition?.options ?? []).flatMap(({ name, tag, rawName = name }) => {
    const parts = split(name)
    // A per-depth option may carry its own name only: it sits under the root.
    const depths = nested || parts.length > 1 ? parts : [root, parts[0]!]
    // Under the root as the agent reads it, or as the admin typed it (a root translated for the agent).
    return depths.length > 1 && (same(depths[0]!, root) || same(split(rawName)[0]!, root)) ? [{ depths, tag }] : []
  })
}

/** Case- and space-insensitive search over the choices' names, for the picker. */
export function filterChoices(choices: DepthChoice[], query: string): DepthChoice[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return choices.filter((choice) => {
    const haystack = choice.depths.join('').toLowerCase().replace(/\s+/g, '')
    return words.every((word) => haystack.includes(word))
  })
}
