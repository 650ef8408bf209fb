/**
 * The per-depth layout (`consultation_layout=per_depth`): one dropdown per depth, and the paths
 * through them. A chunk of its own (consultation.ts loads it with the fields' definitions): the
 * nested layout, the default, never fetches it.
 */
import { dropdownOptions, same, split, type DepthChoice, type FieldWrite, type Refusal, type Resolution } from './consultation'
import type { FieldDefinition } from '../zendesk/ticket-host'

/**
 * One option of a per-depth field in the tree: its own name (the last `::` part) as the agent
 * reads it and as the admin typed it (REST `raw_name`), its tag, the option it sits under (null:
 * not encoded, see `perDepthTree`) and the names down to it, both ways.
 */
interface DepthNode {
  name: string
  raw: string
  tag: string
  parent: DepthNode | null
  depths: string[]
  raws: string[]
}

/** Whether the node is this depth, as shown or as typed. */
const is = (node: DepthNode, depth: string) => same(node.name, depth) || same(node.raw, depth)

/** Whether `above` are the last names down to `node`. */
const ends = (names: readonly string[], above: readonly string[]) => above.every((part, i) => same(part, names.at(i - above.length) ?? ''))

let memo: [readonly number[], FieldDefinition[], string, DepthNode[][]] | undefined

/** A tag without its depth marker (`d3_`, `3-`, `depth3_` at depth 3): what parentage is read from. */
const stem = (tag: string, depth: number) => tag.replace(RegExp(`^[a-z]*${depth}[_-]`, 'i'), '')

/**
 * The per-depth fields as a tree, one list of nodes per depth. Zendesk knows no parentage between
 * separate dropdowns (a conditional field shows a field, it does not filter its options), so it is
 * read from what the admin encoded, as the fixture account does both ways: an option named by its
 * path (`대리_기사::기타/이벤트`, or its parent's last depths and its own), else one whose tag
 * extends its parent's (`d3_a__b__c` under `d2_a__b`, the longest). A depth-2 option with neither
 * sits under the root depth; a deeper one has no parent: a configured path may still name it, the
 * picker cannot offer it.
 */
function perDepthTree(fieldIds: readonly number[], definitions: FieldDefinition[], root: string): DepthNode[][] | Refusal {
  // Asked on every render (picker, resolution): built once per fields, definitions and root.
  if (memo?.[0] === fieldIds && memo[1] === definitions && memo[2] === root) return memo[3]
  const levels: DepthNode[][] = []
  for (const [index, fieldId] of fieldIds.entries()) {
    const options = dropdownOptions(definitions, fieldId)
    if (!Array.isArray(options)) return options
    const parents = levels[index - 1] ?? []
    levels.push(
      options.map(({ name, tag, rawName = name }) => {
        const above = split(name)
        const own = above.pop()!
        const aboveRaw = split(rawName)
        const raw = aboveRaw.pop()!
        const mine = stem(tag, index + 1)
        let parent = above.length ? parents.find((node) => ends(node.depths, above) || ends(node.raws, aboveRaw)) : undefined
        for (const node of parents) {
          const prefix = stem(node.tag, index)
          if (
            !above.length &&
            mine.startsWith(prefix) &&
            /[^a-z\d]/i.test(mine[prefix.length] ?? '') &&
            prefix.length > (parent ? stem(parent.tag, index).length : 0)
          )
            parent = node
        }
        parent ??= index === 1 && !above.length ? parents.find((node) => is(node, root)) : undefined
        return { name: own, raw, tag, parent: parent ?? null, depths: [...(parent?.depths ?? []), own], raws: [...(parent?.raws ?? []), raw] }
      }),
    )
  }
  return (memo = [fieldIds, definitions, root, levels])[3]
}

/**
 * Resolves a path of depth names to one tag per depth field: the option of each depth under the
 * one above (or, whose parent is not encoded, the one of that name); a shorter path clears the
 * deeper fields, and only those.
 */
export function resolvePerDepth(fieldIds: readonly number[], definitions: FieldDefinition[], depths: readonly string[]): Resolution {
  const tree = perDepthTree(fieldIds, definitions, depths[0] ?? '')
  if (!Array.isArray(tree)) return tree
  if (depths.length > fieldIds.length) return { ok: false, problem: 'option_missing', fieldId: fieldIds.at(-1)!, path: depths.join('::') }
  const write: FieldWrite = {}
  let above: DepthNode | null = null
  for (const [index, fieldId] of fieldIds.entries()) {
    const depth = depths[index]
    let node: DepthNode | null = null
    if (depth !== undefined) {
      const named = tree[index]!.filter((option) => is(option, depth))
      node = named.find((option) => option.parent === above) ?? named.find((option) => !option.parent) ?? null
      if (!node) return { ok: false, problem: 'option_missing', fieldId, path: depth }
    }
    write[fieldId] = node?.tag ?? null
    above = node
  }
  return { ok: true, write }
}

/** Every full path under the root, depth first in the fields' option order: a path ends at an option with nothing under it. */
export function perDepthChoices(fieldIds: readonly number[], definitions: FieldDefinition[], root: string): DepthChoice[] {
  const tree = perDepthTree(fieldIds, definitions, root)
  if (!Array.isArray(tree)) return []
  const walk = (node: DepthNode, level: number): DepthChoice[] => {
    const children = tree[level + 1]?.filter((child) => child.parent === node) ?? []
    return children.length ? children.flatMap((child) => walk(child, level + 1)) : level ? [{ depths: node.depths, tag: node.tag }] : []
  }
  return tree[0]!.filter((node) => is(node, root)).flatMap((node) => walk(node, 0))
}
