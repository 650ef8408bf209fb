// @ts-check
/** manifest.json's own fields (zas manifest.rb unless the id says otherwise). */
import {
  FRAMEWORK_VERSIONS,
  KNOWN_MANIFEST_KEYS,
  LOCATIONS,
  MARKETPLACE_EXPERIMENTS,
  NO_TEMPLATE_LINK,
  OAUTH_MANIFEST_LINK,
  OAUTH_REQUIRED_FIELDS,
  PLACEHOLDER_DOMAIN,
  REQUIRED_FRAMEWORK_VERSION,
  SEMVER,
  TRANSLATION_LINK,
  VALID_LOCALE,
} from '../data.mjs'
import { MANIFEST as F, manifestRule } from '../rule.mjs'
import { parameterLabel as parameterLabelOf } from '../context.mjs'
import { isIframeOnly, isObject, jsonType, plural, present, rubyTruthy, show } from '../util.mjs'

const STRING_FIELDS = ['defaultLocale', 'version', 'frameworkVersion', 'remoteInstallationURL', 'termsConditionsURL', 'gaID']
const BOOLEAN_FIELDS = ['requirementsOnly', 'marketingOnly', 'singleInstall', 'signedUrls', 'private']
/** @param {unknown} v */
const isHttpUrl = (v) => typeof v === 'string' && /^https?:\/\//.test(v)

/** @type {import('../rule.mjs').Rule[]} */
export const rules = [
  manifestRule(
    'own.unknown_manifest_key',
    'warns about manifest fields ZAS ignores (a misspelt key does nothing)',
    (m, _ctx, report) => {
      for (const key of Object.keys(m)) {
        if (!KNOWN_MANIFEST_KEYS.includes(key)) report(F, `Unknown manifest field "${key}"; ZAS ignores it. Known fields: ${KNOWN_MANIFEST_KEYS.join(', ')}.`)
      }
    },
    { level: 'warning' },
  ),
  // Replaces ZAS's four rules for marketing-only and requirements-only apps, which this app is not.
  manifestRule('own.app_kind', 'the package is a sidebar app: marketingOnly and requirementsOnly are absent or false', (m, _ctx, report) => {
    for (const key of ['marketingOnly', 'requirementsOnly']) {
      if (rubyTruthy(m[key]))
        report(F, `${key} is ${show(m[key])}, but this package is a ticket-sidebar app with a location. Remove ${key} or set it to false.`)
    }
  }),
  manifestRule(
    'zas.manifest_keys.missing',
    'name, author, defaultLocale, location (with at least one location), frameworkVersion and version are set',
    (m, ctx, report) => {
      const missing = ['name', 'author', 'defaultLocale', 'location', 'frameworkVersion', 'version'].filter((k) => !present(m[k]))
      if (missing.length > 0) {
        report(F, `${plural(missing.length, 'Missing required field in manifest', 'Missing required fields in manifest')}: ${missing.join(', ')}`)
      }
      if (present(m.location) && ctx.locations().options.length === 0) {
        report(
          F,
          'Missing required field in manifest: location (it defines no location; expected e.g. {"support": {"ticket_sidebar": {"url": "assets/iframe.html"}}})',
        )
      }
    },
  ),
  manifestRule('zas.unacceptable_string', 'string fields (and the author fields) are strings', (m, _ctx, report) => {
    for (const key of STRING_FIELDS) {
      if (present(m[key]) && typeof m[key] !== 'string') report(F, `${key} must be a string, got "${show(m[key])}".`)
    }
    if (isObject(m.author)) {
      for (const field of ['name', 'email', 'url']) {
        const v = m.author[field]
        if (present(v) && typeof v !== 'string') report(F, `author ${field} must be a string, got "${show(v)}".`)
      }
    }
  }),
  manifestRule('own.name', 'name is a non-empty string', (m, _ctx, report) => {
    if (present(m.name) && (typeof m.name !== 'string' || m.name.trim() === '')) report(F, `name must be a non-empty string, got "${show(m.name)}".`)
  }),
  manifestRule('docs.author', 'author is an object with a name and a support email address (manifest reference)', (m, _ctx, report) => {
    const author = m.author
    if (!present(author)) return
    if (!isObject(author)) {
      report(F, `author must be an object with "name", "email" and optionally "url", got "${show(author)}".`)
      return
    }
    for (const field of ['name', 'email']) {
      const v = author[field]
      if (!present(v) || (typeof v === 'string' && v.trim() === '')) {
        report(F, `author.${field} is missing. Expected a non-empty string (the manifest reference requires the author's name and support email).`)
      }
    }
    if (typeof author.email === 'string' && author.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(author.email)) {
      report(F, `author.email must be an email address, got "${author.email}".`)
    }
  }),
  manifestRule('zas.invalid_url', 'author url and termsConditionsURL are http(s) URLs', (m, _ctx, report) => {
    if (isObject(m.author) && typeof m.author.url === 'string' && !isHttpUrl(m.author.url)) {
      report(F, `author url must be a valid URL, got "${m.author.url}". Expected an http:// or https:// URL.`)
    }
    if (typeof m.termsConditionsURL === 'string' && !isHttpUrl(m.termsConditionsURL)) {
      report(F, `terms_conditions_url must be a valid URL, got "${m.termsConditionsURL}". Expected an http:// or https:// URL.`)
    }
  }),
  manifestRule(
    'own.author_placeholder',
    "author email and url are the product's own, not a domain reserved for examples (example.com, .test, …)",
    (m, _ctx, report) => {
      if (!isObject(m.author)) return
      const { email, url } = m.author
      if (typeof email === 'string' && PLACEHOLDER_DOMAIN.test(email.split('@').pop() ?? '')) {
        report(
          F,
          `author.email "${email}" is on a domain reserved for examples; agents and admins write to it for support. Use the product's own support address.`,
        )
      }
      if (typeof url === 'string' && isHttpUrl(url)) {
        let host = ''
        try {
          host = new URL(url).hostname
        } catch {
          // zas.invalid_url covers it
        }
        if (PLACEHOLDER_DOMAIN.test(host)) report(F, `author.url "${url}" is on a domain reserved for examples. Use the product's own page.`)
      }
    },
  ),
  manifestRule('zas.unacceptable_boolean', "boolean fields, and each parameter's required and secure, are true or false", (m, ctx, report) => {
    for (const key of BOOLEAN_FIELDS) {
      if (present(m[key]) && typeof m[key] !== 'boolean') report(F, `${key} must be a boolean value, got "${show(m[key])}".`)
    }
    for (const p of ctx.parameters().list) {
      if (typeof p.required !== 'boolean') report(F, `parameters.${parameterLabelOf(p)}.required must be a boolean value, got "${show(p.required)}".`)
      if (typeof p.secure !== 'boolean') report(F, `parameters.${parameterLabelOf(p)}.secure must be a boolean value, got "${show(p.secure)}".`)
    }
  }),
  manifestRule('zas.unacceptable_hash', 'experiments is an object', (m, _ctx, report) => {
    if (present(m.experiments) && !isObject(m.experiments)) {
      report(F, `The manifest field experiments needs to be key-value pairs with string keys, but it was ${jsonType(m.experiments)}`)
    }
  }),
  manifestRule(
    'zas.invalid_experiment',
    `only the experiments ZAS allows are turned on (${MARKETPLACE_EXPERIMENTS.join(', ')}; marketplace.rb)`,
    (m, _ctx, report) => {
      if (!isObject(m.experiments)) return
      for (const [name, on] of Object.entries(m.experiments)) {
        if (rubyTruthy(on) && !MARKETPLACE_EXPERIMENTS.includes(name)) report(F, `Manifest specifies unknown or unavailable experiment: ${name}`)
      }
    },
  ),
  manifestRule('zas.unacceptable_array_of_strings', 'domainWhitelist is an array of strings', (m, _ctx, report) => {
    const list = m.domainWhitelist
    if (present(list) && !(Array.isArray(list) && list.every((d) => typeof d === 'string'))) {
      report(F, 'The manifest field domainWhitelist need to be an array containing strings')
    }
  }),
  manifestRule('own.version_semver', 'version is a semantic version', (m, _ctx, report) => {
    if (typeof m.version === 'string' && !SEMVER.test(m.version)) {
      report(F, `version must be a semantic version (MAJOR.MINOR.PATCH, e.g. "1.0.0"), got "${m.version}".`)
    }
  }),
  manifestRule('zas.invalid_default_locale', 'defaultLocale is a locale', (m, _ctx, report) => {
    if (typeof m.defaultLocale === 'string' && !VALID_LOCALE.test(m.defaultLocale)) {
      report(F, `${m.defaultLocale} is not a valid default locale. Expected a locale like "en", "ko" or "pt-br".`)
    }
  }),
  manifestRule('zas.missing_translation_file', 'the defaultLocale has its translations file', (m, ctx, report) => {
    const locale = m.defaultLocale
    if (typeof locale === 'string' && VALID_LOCALE.test(locale) && !ctx.fileSet.has(`translations/${locale}.json`)) {
      report(`translations/${locale}.json`, `Missing translation file for locale '${locale}'. Learn more: ${TRANSLATION_LINK}`)
    }
  }),
  // Kept: noTemplate is a v1 habit that a copied manifest brings along; ZAS refuses it in a v2 app.
  manifestRule('zas.invalid_no_template', 'noTemplate is a boolean or a list of locations', (m, _ctx, report) => {
    const v = m.noTemplate
    if (!present(v) || typeof v === 'boolean') return
    const allKnown = Array.isArray(v) && v.every((l) => typeof l === 'string' && Object.values(LOCATIONS).some((p) => l in p))
    if (!allKnown) report(F, 'noTemplate must be set to true, false, or an array of valid locations.')
  }),
  manifestRule('zas.no_template_deprecated_in_v2', 'no noTemplate in a framework 2 app', (m, _ctx, report) => {
    const v = m.noTemplate
    if (isIframeOnly(m.frameworkVersion) && (v === true || (Array.isArray(v) && v.length > 0))) {
      report(
        F,
        `noTemplate is deprecated and cannot be used with framework version 2 or above. Set the autoLoad or autoHide property for each specific location instead. Learn more: ${NO_TEMPLATE_LINK}.`,
      )
    }
  }),
  // Kept (both OAuth rules): the app uses the agent's session and has no OAuth today; a setting for a third-party API would bring one.
  manifestRule('zas.oauth_keys.missing', 'an oauth block has client_id, client_secret, authorize_uri and access_token_uri', (m, _ctx, report) => {
    if (!rubyTruthy(m.oauth)) return
    const oauth = isObject(m.oauth) ? m.oauth : {}
    const missing = OAUTH_REQUIRED_FIELDS.filter((k) => {
      const v = oauth[k]
      return !present(v) || v === '' || (Array.isArray(v) && v.length === 0)
    })
    if (missing.length > 0) {
      report(F, `${plural(missing.length, 'Missing required oauth field in manifest', 'Missing required oauth fields in manifest')}: ${missing.join(', ')}`)
    }
  }),
  manifestRule('zas.oauth_parameter_required', 'an oauth block comes with a parameter of type oauth', (m, ctx, report) => {
    if (rubyTruthy(m.oauth) && !ctx.parameters().list.some((p) => p.type === 'oauth')) {
      report(F, `Please upgrade to our new oauth format. Learn more: ${OAUTH_MANIFEST_LINK}`)
    }
  }),
  manifestRule('zas.invalid_version', `frameworkVersion is one ZAS serves (${FRAMEWORK_VERSIONS.join(', ')})`, (m, _ctx, report) => {
    const v = m.frameworkVersion
    if (typeof v === 'string' && !FRAMEWORK_VERSIONS.includes(v)) {
      report(F, `${v} is not a valid framework version. Available versions are: ${FRAMEWORK_VERSIONS.join(', ')}.`)
    }
  }),
  manifestRule(
    'own.framework_version',
    `frameworkVersion is "${REQUIRED_FRAMEWORK_VERSION}" (the app is an iframe app on ZAF v2; so ZAS's rules for v1 apps are left out)`,
    (m, _ctx, report) => {
      const v = m.frameworkVersion
      if (typeof v === 'string' && FRAMEWORK_VERSIONS.includes(v) && v !== REQUIRED_FRAMEWORK_VERSION) {
        report(F, `frameworkVersion must be "${REQUIRED_FRAMEWORK_VERSION}" for this app (an iframe app on ZAF v2), got "${v}".`)
      }
    },
  ),
]
