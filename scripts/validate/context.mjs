// @ts-check
/**
 * What the rules look at: the package's files (read once), the parsed manifest and the values
 * several rules derive from it (locations, parameters, translation files), computed once.
 */
import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { listPackageFiles } from '../lib/files.mjs'
import { findDuplicateKeys } from '../lib/json.mjs'
import { createZip } from '../lib/zip.mjs'
import { LEGACY_URI_STUB, PRODUCTS, VALID_LOCALE } from './data.mjs'
import { isObject, rubyTruthy, show } from './util.mjs'

/** @typedef {import('./util.mjs').JsonObject} JsonObject */
/**
 * @typedef {{ host: string, location: string, options: JsonObject, legacy: boolean }} LocationOption
 * @typedef {{ at: string, value: unknown, of: 'product' | 'location' }} MalformedLocation
 * @typedef {{ index: number, name: unknown, type: unknown, required: unknown, secure: unknown, hasDefault: boolean, default: unknown, scopes: unknown }} Parameter
 * @typedef {{ file: string, locale: string, json: JsonObject | null, problem: null | { kind: 'not_json', message: string } | { kind: 'not_object' } }} TranslationFile
 * @typedef {{ kind: 'missing' } | { kind: 'nested', path: string } | { kind: 'not_json', message: string } | { kind: 'not_object', value: unknown }
 *   | { kind: 'duplicates', duplicates: ReturnType<typeof findDuplicateKeys> } | { kind: 'ok', value: JsonObject }} ManifestFile
 */

/** @template T @param {() => T} compute @returns {() => T} */
function once(compute) {
  /** @type {{ value: T } | null} */
  let memo = null
  return () => (memo ??= { value: compute() }).value
}

/**
 * @param {string} dirArg package directory
 * @param {{ marketplace?: boolean }} [options] marketplace: judge the manifest as if `"private": false`
 */
export function createContext(dirArg, options = {}) {
  const dir = resolve(dirArg)
  const listing = listPackageFiles(dir)
  const files = listing.files
  const fileSet = new Set(files)
  /** @type {Map<string, Buffer>} */
  const cache = new Map()
  /** @param {string} rel */
  const read = (rel) => {
    let buf = cache.get(rel)
    if (!buf) {
      buf = readFileSync(resolve(dir, rel))
      cache.set(rel, buf)
    }
    return buf
  }
  const manifestFile = readManifest(files, fileSet, read)
  /** @type {JsonObject | null} */
  let manifest = manifestFile.kind === 'ok' ? manifestFile.value : null
  if (manifest && options.marketplace) manifest = { ...manifest, private: false }
  // manifest.rb: @private = m.fetch('private', true)
  const isPublic = manifest !== null && manifest.private === false

  return {
    dir,
    listing,
    files,
    fileSet,
    read,
    /** @param {string} rel */
    text: (rel) => read(rel).toString('utf8'),
    manifestFile,
    /** the parsed manifest without duplicate keys (with `private: false` in the marketplace profile), or null */
    manifest,
    /** judged as a Marketplace listing: `private` is false, or the marketplace profile forces it */
    isPublic,
    marketplace: Boolean(options.marketplace),
    totalBytes: once(() => files.reduce((sum, f) => sum + statSync(resolve(dir, f)).size, 0)),
    /** the zip's size, null when symlinks keep it from being made */
    zipBytes: once(() => (listing.symlinks.length === 0 ? createZip(files.map((name) => ({ name, data: read(name) }))).length : null)),
    locations: once(() => collectLocations(manifest)),
    parameters: once(() => collectParameters(manifest)),
    translations: once(() => readTranslations(files, read)),
  }
}

/** @typedef {ReturnType<typeof createContext>} Context */

/**
 * @param {string[]} files @param {Set<string>} fileSet @param {(rel: string) => Buffer} read
 * @returns {ManifestFile}
 */
function readManifest(files, fileSet, read) {
  if (!fileSet.has('manifest.json')) {
    const nested = files.find((f) => /^[^/]+?\/manifest\.json$/.test(f))
    return nested ? { kind: 'nested', path: nested } : { kind: 'missing' }
  }
  const text = read('manifest.json').toString('utf8')
  /** @type {unknown} */
  let parsed
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    return { kind: 'not_json', message: /** @type {Error} */ (e).message }
  }
  if (!isObject(parsed)) return { kind: 'not_object', value: parsed }
  const duplicates = findDuplicateKeys(text)
  return duplicates.length > 0 ? { kind: 'duplicates', duplicates } : { kind: 'ok', value: parsed }
}

/**
 * manifest.rb set_locations_and_hosts / replace_legacy_locations, flattened to one entry per
 * product + location, with the values that are neither (for the rules that report them).
 * @param {JsonObject | null} m
 */
function collectLocations(m) {
  /** @type {LocationOption[]} */
  const options = []
  /** @type {MalformedLocation[]} */
  const malformed = []
  /** @type {string[]} */
  const unknownHosts = []
  /** @type {unknown} */
  let notAnObject = undefined
  const loc = m?.location
  /** @param {string} host @param {string} name */
  const legacyOption = (host, name) => options.push({ host, location: name, options: { url: LEGACY_URI_STUB }, legacy: true })
  if (loc === undefined || loc === null) return { options, malformed, unknownHosts, notAnObject }
  if (typeof loc === 'string') legacyOption('support', loc)
  else if (Array.isArray(loc)) for (const name of loc) legacyOption('support', show(name))
  else if (!isObject(loc)) notAnObject = loc
  else {
    /** @type {string[]} */
    const allHosts = PRODUCTS.flatMap((p) => [p.name, p.legacy])
    unknownHosts.push(...Object.keys(loc).filter((host) => !allHosts.includes(host)))
    for (const product of PRODUCTS) {
      const key = product.name in loc ? product.name : product.legacy
      const value = loc[key]
      if (value === undefined || value === null) continue
      if (typeof value === 'string') legacyOption(product.name, value)
      else if (Array.isArray(value)) for (const name of value) legacyOption(product.name, show(name))
      else if (isObject(value)) {
        for (const [name, v] of Object.entries(value)) {
          if (typeof v === 'string') options.push({ host: product.name, location: name, options: { url: v }, legacy: v === LEGACY_URI_STUB })
          else if (isObject(v)) options.push({ host: product.name, location: name, options: v, legacy: rubyTruthy(v.legacy) || v.url === LEGACY_URI_STUB })
          else malformed.push({ at: `location.${key}.${name}`, value: v, of: 'location' })
        }
      } else malformed.push({ at: `location.${key}`, value, of: 'product' })
    }
  }
  return { options, malformed, unknownHosts, notAnObject }
}

/**
 * manifest/parameter.rb, one entry per parameter object (defaults filled in as ZAS does).
 * @param {JsonObject | null} m
 */
function collectParameters(m) {
  const original = m?.parameters
  /** @type {Parameter[]} */
  const list = []
  /** @type {{ index: number, value: unknown }[]} */
  const nonObjects = []
  if (!Array.isArray(original)) return { list, nonObjects, declared: original !== undefined && original !== null, isArray: false }
  original.forEach((p, index) => {
    if (!isObject(p)) {
      nonObjects.push({ index, value: p })
      return
    }
    list.push({
      index,
      name: p.name,
      // parameter.rb: @type = p['type'] || 'text', @required/@secure = ... || false
      type: rubyTruthy(p.type) ? p.type : 'text',
      required: rubyTruthy(p.required) ? p.required : false,
      secure: rubyTruthy(p.secure) ? p.secure : false,
      hasDefault: 'default' in p,
      default: p.default,
      scopes: p.scopes,
    })
  })
  return { list, nonObjects, declared: true, isArray: true }
}

/** A parameter as named in messages. @param {Parameter} p */
export function parameterLabel(p) {
  return typeof p.name === 'string' && p.name !== '' ? p.name : `#${p.index}`
}

/** @param {string[]} files @param {(rel: string) => Buffer} read @returns {TranslationFile[]} */
function readTranslations(files, read) {
  /** @type {TranslationFile[]} */
  const out = []
  for (const file of files) {
    const match = /^translations\/(.*)\.json$/.exec(file)
    if (!match) continue
    const locale = match[1] ?? ''
    /** @type {unknown} */
    let json
    try {
      json = JSON.parse(read(file).toString('utf8'))
    } catch (e) {
      out.push({ file, locale, json: null, problem: { kind: 'not_json', message: /** @type {Error} */ (e).message } })
      continue
    }
    out.push(isObject(json) ? { file, locale, json, problem: null } : { file, locale, json: null, problem: { kind: 'not_object' } })
  }
  return out
}

/** The defaultLocale when it is a valid locale. @param {JsonObject} m */
export function defaultLocaleOf(m) {
  return typeof m.defaultLocale === 'string' && VALID_LOCALE.test(m.defaultLocale) ? m.defaultLocale : null
}
