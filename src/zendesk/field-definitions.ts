/**
 * A dropdown field's definition read from REST (`custom_field_options` `{name, raw_name, value}`)
 * or from the frames' cache (our own `{name, tag, rawName}`): one defensive reader for both, so
 * nothing but a definition's own parts is ever kept. Only frames that read REST need it: it goes
 * with the cache into a chunk of its own (the data API's options are read in ticket-host.ts).
 */
import { isRecord, text } from './calls'
import type { FieldDefinition, FieldOption } from './ticket-host'

/** Where a source keeps an option's shown name, its tag and its name as typed. */
type OptionKeys = readonly [name: string, tag: string, rawName: string]

export const CACHED_OPTION: OptionKeys = ['name', 'tag', 'rawName']

/**
 * The options of a definition. `rawName` is kept where it can match a path the shown name does
 * not: not when equal to it, and not a dynamic-content placeholder (`{{dc.…}}`), which no
 * configured path can be; then only `name` can match.
 */
export function fieldOptions(options: unknown, [nameKey, tagKey, rawKey]: OptionKeys): FieldOption[] {
  return (Array.isArray(options) ? options : []).flatMap((option: unknown) => {
    if (!isRecord(option)) return []
    const name = option[nameKey]
    const tag = option[tagKey]
    const rawName = text(option[rawKey])
    if (typeof name !== 'string' || typeof tag !== 'string') return []
    return [rawName && rawName !== name && !rawName.startsWith('{{') ? { name, tag, rawName } : { name, tag }]
  })
}

/** A definition from a record: its title, type and options (found under `options`, read with `keys`). */
export function fieldDefinition(id: number, field: Record<string, unknown>, options: unknown, keys: OptionKeys): FieldDefinition {
  return { id, title: text(field.title) ?? String(id), type: text(field.type) ?? 'unknown', options: fieldOptions(options, keys) }
}

/** A definition from REST `/api/v2/ticket_fields/{id}.json`'s `ticket_field`. */
export const restDefinition = (id: number, field: Record<string, unknown>) =>
  fieldDefinition(id, field, field.custom_field_options, ['name', 'value', 'raw_name'])
