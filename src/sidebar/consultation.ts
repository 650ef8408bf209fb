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

const split = (name: string) => name.split('::').map((part) => part.trim())
const same = (a: string, b: string) => a.normalize('NFC').trim() === b.normalize('NFC').trim()

function definitionOf(definitions: FieldDefinition[], id: number): FieldDefinition | undefined {
  return definitions.find((definition) => definition.id === id)
}

function isDropdown(definition: FieldDefinition): boolean {
  return definition.type === 'tagger' || definition.type === 'dropdown' || definition.type === 'multiselect'
}

/** The option whose (nested) name is exactly this path. */
function optionFor(options: FieldOption[], depths: string[]): FieldOption | undefined {
  return options.find((option) => {
    const parts = split(option.name)
    return parts.length === depths.length && parts.every((part, i) => same(part, depths[i]!))
  })
}

/**
 * For a per-depth field: the option whose name is the path down to this depth
 * (`대리_기사::기타/이벤트`), or, for fields whose options carry the depth's own name only, that name.
 */
function optionForDepth(options: FieldOption[], depths: string[], index: number): FieldOption | undefined {
  return optionFor(options, depths.slice(0, index + 1)) ?? options.find((option) => same(option.name, depths[index]!))
}

/**
 * Resolves a consultation path (depth names) to the option **tags** to write. Never guesses: a
 * path that is not an option of the field is a problem, and nothing is written.
 */
export function resolveConsultation(fields: ConsultationFields, definitions: FieldDefinition[], depths: string[]): Resolution {
  if (fields.layout === 'nested') {
    const definition = definitionOf(definitions, fields.fieldId)
    if (!definition) return { ok: false, problem: 'field_missing', fieldId: fields.fieldId }
    if (!isDropdown(definition)) return { ok: false, problem: 'not_a_dropdown', fieldId: fields.fieldId }
    const option = optionFor(definition.options, depths)
    if (!option) return { ok: false, problem: 'option_missing', fieldId: fields.fieldId, path: depths.join('::') }
    return { ok: true, write: { [fields.fieldId]: option.tag } }
  }
  const write: FieldWrite = {}
  for (const [index, fieldId] of fields.fieldIds.entries()) {
    const definition = definitionOf(definitions, fieldId)
    if (!definition) return { ok: false, problem: 'field_missing', fieldId }
    if (!isDropdown(definition)) return { ok: false, problem: 'not_a_dropdown', fieldId }
    const depth = depths[index]
    if (depth === undefined) {
      write[fieldId] = null
      continue
    }
    const option = optionForDepth(definition.options, depths, index)
    if (!option) return { ok: false, problem: 'option_missing', fieldId, path: depth }
    write[fieldId] = option.tag
  }
  if (depths.length > fields.fieldIds.length) {
    const last = fields.fieldIds.at(-1)!
    return { ok: false, problem: 'option_missing', fieldId: last, path: depths.join('::') }
  }
  return { ok: true, write }
}

/**
 * The paths an agent can pick under the root depth, from the field itself: every option of the
 * nested field under `root::`; for per-depth fields, the second field's options.
 */
export function depthChoices(fields: ConsultationFields, definitions: FieldDefinition[], root: string): DepthChoice[] {
  if (fields.layout === 'nested') {
    const definition = definitionOf(definitions, fields.fieldId)
    if (!definition) return []
    return definition.options
      .map((option) => ({ depths: split(option.name), tag: option.tag }))
      .filter((choice) => choice.depths.length > 1 && same(choice.depths[0]!, root))
  }
  const second = fields.fieldIds[1]
  const definition = second === undefined ? undefined : definitionOf(definitions, second)
  if (!definition) return []
  return definition.options
    .map((option) => {
      const parts = split(option.name)
      return { depths: parts.length > 1 ? parts : [root, parts[0]!], tag: option.tag }
    })
    .filter((choice) => same(choice.depths[0]!, root))
}

/** Case- and space-insensitive search over the choices' names, for the picker. */
export function filterChoices(choices: DepthChoice[], query: string): DepthChoice[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return choices
  return choices.filter((choice) => {
    const haystack = choice.depths.join(' ').toLowerCase().replace(/\s+/g, '')
    return words.every((word) => haystack.includes(word))
  })
}
