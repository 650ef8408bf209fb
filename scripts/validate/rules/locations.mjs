// @ts-check
/** manifest.json `location`: where the app shows and what it loads there (zas manifest.rb). */
import { LEGACY_URI_STUB, LOCATIONS, PRODUCTS } from '../data.mjs'
import { MANIFEST as F, manifestRule } from '../rule.mjs'
import { capitalize, isIframeOnly, plural, rubyTruthy, show } from '../util.mjs'

/**
 * manifest.rb invalid_location_uri_error: null when fine, else why not.
 * @param {string} url
 * @param {Set<string>} fileSet
 */
function locationUriProblem(url, fileSet) {
  if (url === LEGACY_URI_STUB || url.includes('{{setting.')) return null
  if (/\s/.test(url)) return 'it contains whitespace'
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    /** @type {URL} */
    let parsed
    try {
      parsed = new URL(url)
    } catch {
      return 'it is not a valid URL'
    }
    if (parsed.protocol === 'https:' || parsed.hostname === 'localhost') return null
    return `absolute URLs must use https://, got ${parsed.protocol}//`
  }
  const path = url.replace(/[?#].*$/, '')
  if (!path.startsWith('assets/')) return `relative URLs must point under assets/, got "${path}"`
  if (!fileSet.has(path)) return `${path} does not exist in the package`
  return null
}

/** @type {import('../rule.mjs').Rule[]} */
export const rules = [
  manifestRule('own.location_type', 'location is an object of products', (_m, ctx, report) => {
    const { notAnObject } = ctx.locations()
    if (notAnObject !== undefined) {
      report(F, `location must be an object like {"support": {"ticket_sidebar": {"url": "assets/iframe.html"}}}, got ${show(notAnObject)}.`)
    }
  }),
  manifestRule('zas.invalid_host', 'each product under location is one ZAS knows', (_m, ctx, report) => {
    for (const host of ctx.locations().unknownHosts) {
      report(F, `${host} is an invalid host for apps. Expected one of: ${PRODUCTS.map((p) => p.name).join(', ')}.`)
    }
  }),
  manifestRule('own.location_options', 'each location is a URL string or an options object', (_m, ctx, report) => {
    for (const { at, value, of } of ctx.locations().malformed) {
      report(
        F,
        of === 'location'
          ? `${at} must be a URL string or an object like {"url": "assets/iframe.html"}, got ${show(value)}.`
          : `${at} must be an object mapping location names to URLs, got ${show(value)}.`,
      )
    }
  }),
  manifestRule('zas.invalid_location_uri', 'a location url is https://, or a file under assets/ that the package has', (_m, ctx, report) => {
    for (const opt of ctx.locations().options) {
      const url = opt.options.url
      if (typeof url !== 'string' || url === '') continue
      const reason = locationUriProblem(url, ctx.fileSet)
      if (reason) {
        report(
          F,
          `${url} is either an invalid location URI, refers to a missing asset, or does not use HTTPS. (location.${opt.host}.${opt.location}.url: ${reason})`,
        )
      }
    }
  }),
  manifestRule('zas.blank_location_uri', 'a location that loads (autoLoad, the default) has a url', (_m, ctx, report) => {
    for (const opt of ctx.locations().options) {
      const url = opt.options.url
      if (typeof url === 'string' && url !== '') continue
      const autoLoad = 'autoLoad' in opt.options ? opt.options.autoLoad : true
      if (rubyTruthy(autoLoad)) {
        report(
          F,
          `${opt.location} location does not specify a URI. (location.${opt.host}.${opt.location}.url is ${url === undefined ? 'missing' : `"${show(url)}"`}; expected a path under assets/ or an https:// URL)`,
        )
      }
    }
  }),
  manifestRule('zas.invalid_location_flexible_type', 'flexible is true or false', (_m, ctx, report) => {
    for (const opt of ctx.locations().options) {
      const flexible = opt.options.flexible
      if (flexible !== undefined && flexible !== null && typeof flexible !== 'boolean') {
        report(
          F,
          `${show(flexible)} is an invalid type for the flexible location parameter. (location.${opt.host}.${opt.location}.flexible must be true or false)`,
        )
      }
    }
  }),
  manifestRule('zas.invalid_location', "each location is one of its product's locations", (_m, ctx, report) => {
    /** @type {Map<string, string[]>} */
    const unknown = new Map()
    for (const opt of ctx.locations().options) {
      if (!(opt.location in (LOCATIONS[opt.host] ?? {}))) unknown.set(opt.host, [...(unknown.get(opt.host) ?? []), opt.location])
    }
    for (const [host, names] of unknown) {
      report(
        F,
        `${names.join(', ')} ${plural(names.length, 'is an invalid location', 'are invalid locations')} in ${capitalize(host)}. Expected one of: ${Object.keys(LOCATIONS[host] ?? {}).join(', ')}.`,
      )
    }
  }),
  manifestRule('zas.locations_must_be_urls', 'a framework 2 app gives its locations as URLs, not a v1-style list', (m, ctx, report) => {
    const legacy = ctx.locations().options.filter((o) => o.legacy)
    if (isIframeOnly(m.frameworkVersion) && legacy.length > 0) {
      report(
        F,
        `App locations need to be URLs for this framework version. (${legacy.map((o) => `location.${o.host}.${o.location}`).join(', ')} ${plural(legacy.length, 'is a', 'are')} v1-style location${plural(legacy.length, '', 's')})`,
      )
    }
  }),
]
