// @ts-check
/**
 * What a Marketplace listing (`"private": false`) needs beyond a private upload: the docs'
 * "Create content" page (author name, email and URL; the listing's name and short description
 * lengths; only English is shown). Run on the package as it is when it is public, and on every
 * package with `--marketplace`, which judges it as if `private` were false.
 */
import { LISTING_LIMITS, PRODUCTS } from '../data.mjs'
import { MANIFEST as F, manifestRule } from '../rule.mjs'
import { isObject } from '../util.mjs'

/** @typedef {import('../util.mjs').JsonObject} JsonObject */

/**
 * A listing text of translations/en.json, at app.<key> or in a product's block.
 * @param {import('../context.mjs').Context} ctx @param {'name' | 'short_description'} key
 * @returns {{ at: string, text: string }[]}
 */
function englishListing(ctx, key) {
  const en = ctx.translations().find((t) => t.file === 'translations/en.json')?.json
  const app = en && isObject(en.app) ? en.app : null
  if (!app) return []
  /** @type {[string, JsonObject][]} */
  const blocks = [
    ['app', app],
    ...PRODUCTS.flatMap((p) => {
      const b = app[p.name]
      return isObject(b) ? [/** @type {[string, JsonObject]} */ ([`app.${p.name}`, b])] : []
    }),
  ]
  return blocks.flatMap(([at, block]) => {
    const text = key === 'short_description' ? (block.short_description ?? block.description) : block.name
    return typeof text === 'string' ? [{ at: `${at}.${key}`, text }] : []
  })
}

/** @param {string} id @param {string} summary @param {Parameters<typeof manifestRule>[2]} check */
const listingRule = (id, summary, check) => manifestRule(id, summary, (m, ctx, report) => ctx.isPublic && check(m, ctx, report))

/** @type {import('../rule.mjs').Rule[]} */
export const rules = [
  listingRule('docs.listing.author_url', "a listing names the author's page: author.url is set", (m, _ctx, report) => {
    const url = isObject(m.author) ? m.author.url : undefined
    if (typeof url !== 'string' || url.trim() === '') {
      report(
        F,
        'author.url is missing. A Marketplace listing shows the author\'s name, support email and a URL about the author or the app ("Create content").',
      )
    }
  }),
  .../** @type {const} */ (['name', 'short_description']).map((key) =>
    listingRule(
      `docs.listing.${key}_length`,
      `the listing's ${key.replace('_', ' ')} in en.json is at most ${LISTING_LIMITS[key]} characters`,
      (_m, ctx, report) => {
        for (const { at, text } of englishListing(ctx, key)) {
          const length = [...text].length
          if (length > LISTING_LIMITS[key]) {
            report(
              'translations/en.json',
              `${at} is ${length} characters; a Marketplace listing allows ${LISTING_LIMITS[key]}, spaces included ("Create content").`,
            )
          }
        }
      },
    ),
  ),
]
