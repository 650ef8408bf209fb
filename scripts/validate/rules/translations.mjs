// @ts-check
/** translations/*.json: the settings form's labels and the listing's texts (zas translations.rb). */
import { defaultLocaleOf } from '../context.mjs'
import { MARKETPLACE_KEYS, PRODUCTS, VALID_LOCALE } from '../data.mjs'
import { manifestRule } from '../rule.mjs'
import { capitalize, isObject, rubyTruthy, show } from '../util.mjs'

/** @typedef {import('../util.mjs').JsonObject} JsonObject */
/** @typedef {import('../context.mjs').Context} Context */

/** Parsed translation files (the ones that are JSON objects). @param {Context} ctx */
const parsed = (ctx) => ctx.translations().flatMap((t) => (t.json ? [{ file: t.file, json: t.json }] : []))
/** @param {JsonObject} json */
const appOf = (json) => (isObject(json.app) ? json.app : null)
/** @param {string} file @param {JsonObject} m */
const carriesListing = (file, m) => file === 'translations/en.json' || file === `translations/${defaultLocaleOf(m)}.json`
/** The products whose own listing block (app.support, app.chat, …) a file has. @param {JsonObject | null} app */
const productBlocks = (app) => (app ? Object.keys(app).filter((k) => PRODUCTS.some((p) => p.name === k)) : [])
/** @param {JsonObject | null} node */
const missingListingKeys = (node) => {
  const keys = node ? Object.keys(node).map((k) => (k === 'description' ? 'short_description' : k)) : []
  return MARKETPLACE_KEYS.filter((k) => !keys.includes(k))
}

/** @type {import('../rule.mjs').Rule[]} */
export const rules = [
  manifestRule('own.translation.missing_en', 'translations/en.json exists (Zendesk falls back to English)', (_m, ctx, report) => {
    if (!ctx.fileSet.has('translations/en.json')) {
      report('translations/en.json', 'Missing translations/en.json. Expected an English translation file with the app.* marketplace strings.')
    }
  }),
  manifestRule('zas.translation.invalid_locale', 'each translation file is named after a locale', (_m, ctx, report) => {
    for (const { file, locale } of ctx.translations()) {
      if (!VALID_LOCALE.test(locale)) report(file, `${file} is not a valid locale. Expected a file name like en.json, ko.json or pt-br.json.`)
    }
  }),
  manifestRule('zas.translation.not_json', 'each translation file parses as JSON', (_m, ctx, report) => {
    for (const { file, problem } of ctx.translations()) {
      if (problem?.kind === 'not_json') report(file, `${file} is not valid JSON. ${problem.message}`)
    }
  }),
  manifestRule('zas.translation.not_json_object', 'each translation file holds a JSON object', (_m, ctx, report) => {
    for (const { file, problem } of ctx.translations()) {
      if (problem?.kind === 'not_object') report(file, `${file} is not a JSON object.`)
    }
  }),
  manifestRule('zas.translation.invalid_format', 'every leaf is a string or a {title, value} pair of strings', (_m, ctx, report) => {
    for (const { file, json } of parsed(ctx)) {
      /** @param {JsonObject} node @param {string} path */
      const walk = (node, path) => {
        for (const [key, value] of Object.entries(node)) {
          const at = path === '' ? key : `${path}.${key}`
          if (typeof value === 'string') continue
          if (isObject(value)) {
            const keys = Object.keys(value).sort()
            if (keys.length === 2 && keys[0] === 'title' && keys[1] === 'value' && typeof value.title === 'string' && typeof value.value === 'string') continue
            walk(value, at)
            continue
          }
          report(file, `'${at}': '${show(value)}' is invalid for translation. Expected a string or a {"title", "value"} pair of strings.`)
        }
      }
      walk(json, '')
    }
  }),
  manifestRule(
    'zas.translation.missing_required_key_on_leaf',
    'app.parameters.<name>.label for every entry there and every manifest parameter',
    (_m, ctx, report) => {
      /** @type {string[]} */
      const paramNames = ctx.parameters().list.flatMap((p) => (typeof p.name === 'string' && p.name !== '' ? [p.name] : []))
      for (const { file, json } of parsed(ctx)) {
        const app = appOf(json)
        const node = app && isObject(app.parameters) ? app.parameters : null
        const leaves = new Set([...(node ? Object.keys(node) : []), ...paramNames])
        for (const leaf of leaves) {
          const entry = node ? node[leaf] : undefined
          if (!(isObject(entry) && 'label' in entry)) {
            report(file, `Missing required key label on leaf ${leaf} from ${file}. Expected app.parameters.${leaf}.label.`)
          }
        }
      }
    },
  ),
  // ZAS asks a private app for app.name only, a public one for all four and only in en.json; this app's listing works for both, in both languages.
  manifestRule(
    'own.translation.missing_required_key',
    'app.name, short_description, long_description and installation_instructions in en.json and the defaultLocale file',
    (m, ctx, report) => {
      for (const { file, json } of parsed(ctx)) {
        if (!carriesListing(file, m)) continue
        const app = appOf(json)
        const products = productBlocks(app)
        if (products.length === 0) {
          const missing = missingListingKeys(app)
          if (missing.length > 0) report(file, `Missing required key from ${file}: ${missing.map((k) => `app.${k}`).join(', ')}`)
          continue
        }
        for (const product of products) {
          const node = app?.[product]
          const missing = missingListingKeys(isObject(node) ? node : null)
          if (missing.length > 0)
            report(file, `Missing required key from ${file} for ${capitalize(product)}: ${missing.map((k) => `app.${product}.${k}`).join(', ')}`)
        }
      }
    },
  ),
  // Kept: per-product listing blocks are how a second product (Chat, Sell) would be added.
  manifestRule('zas.translation.products_do_not_match_manifest_products', 'per-product listing blocks only for products the manifest has', (m, ctx, report) => {
    const manifestProducts = isObject(m.location)
      ? PRODUCTS.filter((p) => rubyTruthy(/** @type {JsonObject} */ (m.location)[p.name]) || rubyTruthy(/** @type {JsonObject} */ (m.location)[p.legacy])).map(
          (p) => p.name,
        )
      : ['support']
    for (const { file, json } of parsed(ctx)) {
      if (!carriesListing(file, m)) continue
      const extra = productBlocks(appOf(json))
      if (extra.some((p) => !manifestProducts.includes(p))) {
        report(
          file,
          `Products in manifest (${manifestProducts.map(capitalize).join(', ')}) do not match products in translations (${extra.map(capitalize).join(', ')})`,
        )
      }
    }
  }),
]
