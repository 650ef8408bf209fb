#!/usr/bin/env node
// @ts-check
/**
 * Offline validator for a Zendesk (ZAF v2) app package directory.
 *
 *   node scripts/validate.mjs [dir]        (default: dist)
 *
 * `zcli apps:validate` uploads the zip to a live account (POST /api/v2/apps/validate), where the
 * `zendesk_apps_support` gem (ZAS) checks it. This file re-implements those checks offline, plus
 * a few rules of our own. Every rule id says where it comes from:
 *
 *   zas.*   ZAS source, github.com/zendesk/zendesk_apps_support (message texts from
 *           config/locales/en.yml, txt.apps.admin.error.app_build.*):
 *     - lib/zendesk_apps_support/validations/manifest.rb
 *         missing_manifest, nested_manifest, manifest_not_json, duplicate_manifest_keys
 *         (manifest/no_override_hash.rb), manifest_keys.missing (author, defaultLocale, location,
 *         frameworkVersion), unacceptable_string, unacceptable_boolean, unacceptable_hash
 *         (experiments), unacceptable_array_of_strings (domainWhitelist), unacceptable_array
 *         (parameters), invalid_url (author url, termsConditionsURL), invalid_default_locale,
 *         missing_translation_file, oauth_keys.missing, oauth_parameter_required,
 *         invalid_host, invalid_location, invalid_location_uri, blank_location_uri,
 *         invalid_location_flexible_type, locations_must_be_urls, locations_cant_be_urls,
 *         invalid_v1_location, invalid_version (app_version.rb: 0.5, 1.0, 2.0),
 *         no_template_deprecated_in_v2, invalid_no_template, duplicate_parameters,
 *         parameter required/secure booleans, invalid_hidden_parameter,
 *         invalid_type_parameter (manifest/parameter.rb TYPES), too_many_oauth_parameters,
 *         oauth_parameter_cannot_be_secure, name_as_parameter_name, no_location_required,
 *         no_framework_version_required, no_parameters_required,
 *         marketing_only_app_cant_be_private
 *       products/locations from product.rb and location.rb (LOCATIONS_AVAILABLE)
 *     - validations/translations.rb: translation.invalid_locale (VALID_LOCALE), not_json,
 *         not_json_object, missing_required_key_on_leaf (app.parameters.*.label),
 *         products_do_not_match_manifest_products, invalid_format
 *     - validations/marketplace.rb: symlink_in_zip
 *     - validations/mime.rb: unsupported_mime_type_detected (UNSUPPORTED_MIME_TYPES, by
 *         extension or by magic bytes)
 *     - validations/source.rb: no_code_for_ifo_notemplate (no app.js / lib/*.js / templates /
 *         app.css in an iframe-only app)
 *     - validations/requests.rb: blocked_request (private / loopback / link-local IPs in JS/HTML);
 *         warning insecure_http_request
 *     - validations/banner.rb: banner.invalid_format, banner.invalid_size (830x200 or 1660x400)
 *     - validations/screenshots.rb: screenshots.excessive_files (max 3), screenshots.invalid_size
 *         (1024x768)
 *     - validations/requirements.rb: requirements_not_json
 *     - warnings only: secure_settings.rb (insecure token parameter, default on secure/hidden,
 *         secure without scopes), secrets.rb (subset: private keys, AWS key ids, Slack tokens),
 *         svg.rb (embedded bitmap / markup ZAS would sanitise)
 *   docs.*  developer.zendesk.com documentation, not checked by ZAS itself:
 *     - manifest reference: author is an object with name and email (url optional)
 *     - "Create brand assets": assets/logo.png 320x320 PNG, assets/logo-small.png 128x128 PNG
 *     - "Uploading and installing a private app": the zip may be at most 2 MB
 *   own.*   this project's rules:
 *     - name required, non-empty string; version required, semver
 *     - frameworkVersion must be "2.0" (the app is an iframe app built for ZAF v2)
 *     - translations/en.json must exist; app.name, app.short_description, app.long_description and
 *       app.installation_instructions in en.json and in the defaultLocale file (ZAS asks only
 *       app.name of a private app, all four of a public one, and only in en.json)
 *     - app.parameters.<name>.label for every manifest parameter in every translation file
 *     - translation leaves are strings or {title, value} string pairs
 *     - parameters: objects with a unique identifier-like name; `title` is reserved (ZAS's
 *       package.rb injects settings.title); default must match checkbox/number/text types
 *     - location values are URL strings or option objects
 *     - no executables (by extension or MZ/ELF/Mach-O magic) anywhere
 *     - no msw: no mockServiceWorker.js, and no JS referencing it (the test setup never ships)
 *     - warnings: unknown manifest keys (ZAS ignores them), source maps, files left out of the
 *       package (tmp/, dot-files as in ZAS/zcli; zcli.apps.config.json, zcli's local settings)
 *
 * Exit status: 0 valid (one OK line on stdout), 1 invalid (one line per problem on stderr),
 * 2 usage error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { listPackageFiles } from './lib/files.mjs'
import { findDuplicateKeys } from './lib/json.mjs'
import { readPngInfo } from './lib/png.mjs'
import { createZip } from './lib/zip.mjs'

/**
 * @typedef {{ rule: string, file: string, message: string }} Problem
 * @typedef {Record<string, unknown>} JsonObject
 * @typedef {{
 *   dir: string,
 *   problems: Problem[],
 *   warnings: Problem[],
 *   files: string[],
 *   skipped: string[],
 *   manifest: JsonObject | null,
 *   totalBytes: number,
 *   zipBytes: number | null,
 * }} Report
 */

// ---- data taken from ZAS -------------------------------------------------------------------

/** product.rb PRODUCTS_AVAILABLE: name and legacy name */
export const PRODUCTS = /** @type {const} */ ([
  { name: 'support', legacy: 'zendesk' },
  { name: 'chat', legacy: 'zopim' },
  { name: 'standalone_chat', legacy: 'lotus_box' },
  { name: 'sell', legacy: 'sell' },
])

/** location.rb LOCATIONS_AVAILABLE, per product: location name -> v2_only */
export const LOCATIONS = /** @type {Record<string, Record<string, boolean>>} */ ({
  support: {
    top_bar: false,
    nav_bar: false,
    ticket_sidebar: false,
    new_ticket_sidebar: false,
    user_sidebar: false,
    organization_sidebar: false,
    background: false,
    modal: true,
    ticket_editor: true,
    system_top_bar: false,
  },
  chat: { chat_sidebar: true, background: true },
  standalone_chat: { nav_bar: false, system_top_bar: false },
  sell: {
    deal_card: true,
    person_card: true,
    company_card: true,
    lead_card: true,
    background: true,
    modal: true,
    dashboard: true,
    note_editor: true,
    call_log_editor: true,
    email_editor: true,
  },
})

/** manifest/parameter.rb TYPES */
export const PARAMETER_TYPES = ['text', 'password', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth']
/** app_version.rb TO_BE_SERVED */
export const FRAMEWORK_VERSIONS = ['0.5', '1.0', '2.0']
/** the version this app targets (own rule) */
export const REQUIRED_FRAMEWORK_VERSION = '2.0'
/** manifest.rb RUBY_TO_JSON values, plus `name` (read by zcli and the manifest reference) */
export const KNOWN_MANIFEST_KEYS = [
  'name',
  'requirementsOnly',
  'marketingOnly',
  'version',
  'author',
  'experiments',
  'frameworkVersion',
  'singleInstall',
  'signedUrls',
  'noTemplate',
  'defaultLocale',
  'location',
  'private',
  'oauth',
  'parameters',
  'domainWhitelist',
  'remoteInstallationURL',
  'termsConditionsURL',
  'gaID',
]
/** validations/translations.rb VALID_LOCALE */
export const VALID_LOCALE = /^[a-z]{2}(-\w{2,3})?$/
/** validations/mime.rb UNSUPPORTED_MIME_TYPES (matched against the extension and the magic subtype) */
export const UNSUPPORTED_MIME_TYPES = [
  'vnd.rar', 'rar', 'zip', 'gzip', 'pdf', 'doc', 'docx', 'avi', 'bin', 'bz', 'bz2', 'csh', 'sh', 'jar',
  'mp3', 'mpeg', 'odt', 'pptx', 'ppt', 'xls', 'xlsx', '7z',
]
/** own rule: executables that ZAS's list does not already cover */
export const EXECUTABLE_EXTENSIONS = [
  'exe', 'dll', 'so', 'dylib', 'bat', 'cmd', 'com', 'msi', 'ps1', 'apk', 'app', 'dmg', 'deb', 'rpm', 'elf', 'class', 'wasm',
]
/** translations.rb get_missing_keys (public app keys); we require them all (own rule) */
export const MARKETPLACE_KEYS = ['name', 'short_description', 'long_description', 'installation_instructions']
/** validations/manifest.rb OAUTH_REQUIRED_FIELDS */
const OAUTH_REQUIRED_FIELDS = ['client_id', 'client_secret', 'authorize_uri', 'access_token_uri']
const OAUTH_MANIFEST_LINK = 'https://developer.zendesk.com/apps/docs/developer-guide/manifest#oauth'
const NO_TEMPLATE_LINK = 'https://developer.zendesk.com/apps/docs/apps-v2/manifest#location'
const TRANSLATION_LINK = 'https://developer.zendesk.com/apps/docs/developer-guide/deploying#app-internationalization'
const LEGACY_URI_STUB = '_legacy'
/** docs: brand assets */
export const LOGOS = [
  { file: 'assets/logo.png', width: 320, height: 320 },
  { file: 'assets/logo-small.png', width: 128, height: 128 },
]
/** screenshots.rb */
const SCREENSHOT_MAX_FILES = 3
const SCREENSHOT_WIDTH = 1024
const SCREENSHOT_HEIGHT = 768
/** banner.rb */
const BANNER_WIDTH = 830
const BANNER_HEIGHT = 200
/** docs: "The file size limit of the zip file for a private app is 2 MB." */
export const MAX_ZIP_BYTES = 2 * 1024 * 1024
/** own rule: a parameter name is used as a settings key */
export const PARAMETER_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/
/** name is refused by ZAS (name_as_parameter_name); title is overwritten by ZAS (settings["title"] = app name) */
export const RESERVED_PARAMETER_NAMES = ['name', 'title']
/** secure_settings.rb SECURABLE_KEYWORDS */
const SECURABLE_KEYWORDS = /token|key|pwd|password/i
/** secrets.rb APPLICATION_SECRETS (the unambiguous subset) */
const SECRET_PATTERNS = /** @type {const} */ ([
  ['RSA Private Key', /-----BEGIN RSA PRIVATE KEY-----/],
  ['SSH Private Key (OpenSSH)', /-----BEGIN OPENSSH PRIVATE KEY-----/],
  ['SSH Private Key (DSA)', /-----BEGIN DSA PRIVATE KEY-----/],
  ['SSH Private Key (EC)', /-----BEGIN EC PRIVATE KEY-----/],
  ['PGP Private Key Block', /-----BEGIN PGP PRIVATE KEY BLOCK-----/],
  ['AWS Access Key ID', /AKIA[0-9A-Z]{16}/],
  ['Slack Token', /xox[pboa]-[0-9A-Za-z-]{10,}/],
])

// ---- small helpers -------------------------------------------------------------------------

/** @param {unknown} v @returns {v is JsonObject} */
function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Ruby truthiness: everything but nil and false. @param {unknown} v */
function rubyTruthy(v) {
  return v !== undefined && v !== null && v !== false
}

/** How a JSON value is shown inside a message. @param {unknown} v */
function show(v) {
  if (typeof v === 'string') return v
  if (v === undefined) return 'undefined'
  return JSON.stringify(v)
}

/** @param {unknown} v */
function jsonType(v) {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v === 'object' ? 'object' : typeof v
}

/** @param {number} count @param {string} one @param {string} other */
function plural(count, one, other) {
  return count === 1 ? one : other
}

/** @param {string} path */
function extensionOf(path) {
  const name = basename(path)
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase()
}

/** MimeMagic.by_magic, reduced to the subtypes in UNSUPPORTED_MIME_TYPES it can report. @param {Buffer} buf */
function magicSubtype(buf) {
  const starts = (/** @type {number[]} */ bytes) => bytes.every((b, i) => buf.length > i && buf.readUInt8(i) === b)
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) return 'zip'
  if (starts([0x1f, 0x8b])) return 'gzip'
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  if (starts([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'vnd.rar'
  if (starts([0x49, 0x44, 0x33]) || starts([0x00, 0x00, 0x01, 0xba]) || starts([0x00, 0x00, 0x01, 0xb3])) return 'mpeg'
  return null
}

/** own rule: executable formats by magic bytes. @param {Buffer} buf */
function executableMagic(buf) {
  const starts = (/** @type {number[]} */ bytes) => bytes.every((b, i) => buf.length > i && buf.readUInt8(i) === b)
  if (starts([0x7f, 0x45, 0x4c, 0x46])) return 'an ELF executable'
  if (starts([0x4d, 0x5a]) && buf.length >= 64) return 'a Windows (MZ) executable'
  for (const m of [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]]) {
    if (starts(m)) return 'a Mach-O executable'
  }
  if (starts([0x00, 0x61, 0x73, 0x6d])) return 'a WebAssembly module'
  return null
}

/** ipaddress_2's private?/loopback?/link_local? for IPv4. @param {string} ip */
function blockedIpType(ip) {
  const [a = 0, b = 0] = ip.split('.').map(Number)
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private'
  if (a === 127) return 'loopback'
  if (a === 169 && b === 254) return 'link-local'
  return null
}

/** Gem::Version comparison of a framework version against 2. @param {unknown} v */
function isIframeOnly(v) {
  if (typeof v !== 'string' || !/^\d+(\.\d+)*$/.test(v)) return false
  return Number(v.split('.')[0]) >= 2
}

/** SemVer 2.0.0 (own rule). */
export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/

// ---- the rule engine -----------------------------------------------------------------------

/**
 * Validates an app package directory; returns the errors (empty = valid).
 * @param {string} dir
 * @returns {Problem[]}
 */
export function validatePackage(dir) {
  return inspectPackage(dir).problems
}

/**
 * Validates an app package directory and returns errors, warnings and what was looked at.
 * @param {string} dirArg
 * @returns {Report}
 */
export function inspectPackage(dirArg) {
  const dir = resolve(dirArg)
  /** @type {Problem[]} */
  const problems = []
  /** @type {Problem[]} */
  const warnings = []
  /** @param {string} rule @param {string} file @param {string} message */
  const fail = (rule, file, message) => problems.push({ rule, file, message })
  /** @param {string} rule @param {string} file @param {string} message */
  const warn = (rule, file, message) => warnings.push({ rule, file, message })

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
  const totalBytes = files.reduce((sum, f) => sum + statSync(resolve(dir, f)).size, 0)

  // -- zas marketplace.rb: symlinks; files zcli leaves out
  for (const link of listing.symlinks) {
    fail('zas.symlink_in_zip', link, `Symlinks are not allowed in the zip file. ${link} is a symlink; expected a regular file or directory.`)
  }
  for (const skipped of listing.skipped) {
    warn('own.not_packaged', skipped, `${skipped} is not part of the package (tmp/, dot-files and zcli.apps.config.json are left out) and will not be uploaded.`)
  }

  // -- manifest.json (zas manifest.rb)
  /** @type {JsonObject | null} */
  let manifest = null
  if (!fileSet.has('manifest.json')) {
    const nested = files.find((f) => /^[^/]+?\/manifest\.json$/.test(f))
    if (nested) {
      fail('zas.nested_manifest', 'manifest.json', `Could not find manifest.json in the root of the zip file, but ${nested} was found. Try re-creating the archive from this directory.`)
    } else {
      fail('zas.missing_manifest', 'manifest.json', 'Could not find manifest.json. Expected it at the root of the package.')
    }
  } else {
    const text = read('manifest.json').toString('utf8')
    /** @type {unknown} */
    let parsed
    try {
      parsed = JSON.parse(text)
    } catch (e) {
      fail('zas.manifest_not_json', 'manifest.json', `manifest is not proper JSON. ${/** @type {Error} */ (e).message}`)
    }
    if (parsed !== undefined) {
      if (!isObject(parsed)) {
        fail('own.manifest_not_object', 'manifest.json', `manifest.json must contain a JSON object, got ${jsonType(parsed)}.`)
      } else {
        const duplicates = findDuplicateKeys(text)
        for (const d of duplicates) {
          fail(
            'zas.duplicate_manifest_keys',
            'manifest.json',
            `Duplicate keys are specified in the manifest.json file. Duplicate reference in manifest: "${d.path}". Initially set to "${show(d.original)}", attempted overwrite to "${show(d.attempted)}".`,
          )
        }
        if (duplicates.length === 0) manifest = parsed
      }
    }
  }

  if (manifest) {
    checkManifest(manifest, fileSet, fail, warn)
    checkTranslations(manifest, files, read, fail)
  }

  checkFiles(manifest, files, fileSet, read, fail, warn)

  // -- docs: zip size limit for a private app
  /** @type {number | null} */
  let zipBytes = null
  if (listing.symlinks.length === 0) {
    zipBytes = createZip(files.map((name) => ({ name, data: read(name) }))).length
    if (zipBytes > MAX_ZIP_BYTES) {
      fail('docs.package_too_large', '.', `The package zips to ${zipBytes} bytes; Zendesk accepts at most ${MAX_ZIP_BYTES} bytes (2 MB) for a private app.`)
    }
  }

  return { dir, problems, warnings, files, skipped: listing.skipped, manifest, totalBytes, zipBytes }
}

/**
 * @callback Emit
 * @param {string} rule
 * @param {string} file
 * @param {string} message
 * @returns {void}
 */

/**
 * @param {JsonObject} m
 * @param {Set<string>} fileSet
 * @param {Emit} fail
 * @param {Emit} warn
 */
function checkManifest(m, fileSet, fail, warn) {
  const F = 'manifest.json'
  const marketingOnly = rubyTruthy(m.marketingOnly)
  const requirementsOnly = rubyTruthy(m.requirementsOnly)
  const frameworkVersion = m.frameworkVersion
  const iframeOnly = isIframeOnly(frameworkVersion)

  for (const key of Object.keys(m)) {
    if (!KNOWN_MANIFEST_KEYS.includes(key)) {
      warn('own.unknown_manifest_key', F, `Unknown manifest field "${key}"; ZAS ignores it. Known fields: ${KNOWN_MANIFEST_KEYS.join(', ')}.`)
    }
  }

  // required fields: zas (author, defaultLocale, location, frameworkVersion) + own (name, version)
  const required = ['name', 'author', 'defaultLocale']
  if (!marketingOnly && !requirementsOnly) required.push('location', 'frameworkVersion')
  required.push('version')
  const missing = required.filter((k) => m[k] === undefined || m[k] === null)
  if (missing.length > 0) {
    fail(
      'zas.manifest_keys.missing',
      F,
      `${plural(missing.length, 'Missing required field in manifest', 'Missing required fields in manifest')}: ${missing.join(', ')}`,
    )
  }

  // string fields (zas string_error) + own name
  for (const key of ['defaultLocale', 'version', 'frameworkVersion', 'remoteInstallationURL', 'termsConditionsURL', 'gaID']) {
    const v = m[key]
    if (v !== undefined && v !== null && typeof v !== 'string') {
      fail('zas.unacceptable_string', F, `${key} must be a string, got "${show(v)}".`)
    }
  }
  if (m.name !== undefined && m.name !== null && (typeof m.name !== 'string' || m.name.trim() === '')) {
    fail('own.name', F, `name must be a non-empty string, got "${show(m.name)}".`)
  }

  // author: zas (strings, url) + docs (object with name and email)
  const author = m.author
  if (author !== undefined && author !== null) {
    if (!isObject(author)) {
      fail('docs.author', F, `author must be an object with "name", "email" and optionally "url", got "${show(author)}".`)
    } else {
      for (const field of ['name', 'email', 'url']) {
        const v = author[field]
        if (v !== undefined && v !== null && typeof v !== 'string') {
          fail('zas.unacceptable_string', F, `author ${field} must be a string, got "${show(v)}".`)
        }
      }
      for (const field of ['name', 'email']) {
        const v = author[field]
        if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
          fail('docs.author', F, `author.${field} is missing. Expected a non-empty string (the manifest reference requires the author's name and support email).`)
        }
      }
      if (typeof author.email === 'string' && author.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(author.email)) {
        fail('docs.author', F, `author.email must be an email address, got "${author.email}".`)
      }
      if (typeof author.url === 'string' && !/^https?:\/\//.test(author.url)) {
        fail('zas.invalid_url', F, `author url must be a valid URL, got "${author.url}". Expected an http:// or https:// URL.`)
      }
    }
  }
  if (typeof m.termsConditionsURL === 'string' && !/^https?:\/\//.test(m.termsConditionsURL)) {
    fail('zas.invalid_url', F, `terms_conditions_url must be a valid URL, got "${m.termsConditionsURL}". Expected an http:// or https:// URL.`)
  }

  // booleans (zas boolean_error): absent = default, present must be true/false
  for (const key of ['requirementsOnly', 'marketingOnly', 'singleInstall', 'signedUrls', 'private']) {
    const v = m[key]
    if (v !== undefined && v !== null && typeof v !== 'boolean') {
      fail('zas.unacceptable_boolean', F, `${key} must be a boolean value, got "${show(v)}".`)
    }
  }

  // other typed fields (zas type_checks)
  if (m.experiments !== undefined && m.experiments !== null && !isObject(m.experiments)) {
    fail('zas.unacceptable_hash', F, `The manifest field experiments needs to be key-value pairs with string keys, but it was ${jsonType(m.experiments)}`)
  }
  const whitelist = m.domainWhitelist
  if (whitelist !== undefined && whitelist !== null && !(Array.isArray(whitelist) && whitelist.every((d) => typeof d === 'string'))) {
    fail('zas.unacceptable_array_of_strings', F, 'The manifest field domainWhitelist need to be an array containing strings')
  }

  // version (own): semver
  if (typeof m.version === 'string' && !SEMVER.test(m.version)) {
    fail('own.version_semver', F, `version must be a semantic version (MAJOR.MINOR.PATCH, e.g. "1.0.0"), got "${m.version}".`)
  }

  // defaultLocale (zas default_locale_error)
  if (typeof m.defaultLocale === 'string') {
    if (!VALID_LOCALE.test(m.defaultLocale)) {
      fail('zas.invalid_default_locale', F, `${m.defaultLocale} is not a valid default locale. Expected a locale like "en", "ko" or "pt-br".`)
    } else if (!fileSet.has(`translations/${m.defaultLocale}.json`)) {
      fail('zas.missing_translation_file', `translations/${m.defaultLocale}.json`, `Missing translation file for locale '${m.defaultLocale}'. Learn more: ${TRANSLATION_LINK}`)
    }
  }

  // noTemplate (zas no_template_format_error, ban_no_template)
  const noTemplate = m.noTemplate
  if (noTemplate !== undefined && noTemplate !== null && typeof noTemplate !== 'boolean') {
    const allKnown = Array.isArray(noTemplate) && noTemplate.every((l) => typeof l === 'string' && Object.values(LOCATIONS).some((p) => l in p))
    if (!allKnown) fail('zas.invalid_no_template', F, 'noTemplate must be set to true, false, or an array of valid locations.')
  }
  if (iframeOnly && (noTemplate === true || (Array.isArray(noTemplate) && noTemplate.length > 0))) {
    fail('zas.no_template_deprecated_in_v2', F, `noTemplate is deprecated and cannot be used with framework version 2 or above. Set the autoLoad or autoHide property for each specific location instead. Learn more: ${NO_TEMPLATE_LINK}.`)
  }

  // parameters
  const parameters = checkParameters(m, marketingOnly, fail, warn)

  // oauth (zas oauth_error)
  if (rubyTruthy(m.oauth)) {
    const oauth = isObject(m.oauth) ? m.oauth : {}
    const missingOauth = OAUTH_REQUIRED_FIELDS.filter((k) => {
      const v = oauth[k]
      return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
    })
    if (missingOauth.length > 0) {
      fail('zas.oauth_keys.missing', F, `${plural(missingOauth.length, 'Missing required oauth field in manifest', 'Missing required oauth fields in manifest')}: ${missingOauth.join(', ')}`)
    }
    if (!parameters.some((p) => p.type === 'oauth')) {
      fail('zas.oauth_parameter_required', F, `Please upgrade to our new oauth format. Learn more: ${OAUTH_MANIFEST_LINK}`)
    }
  }

  // locations and framework version
  const locationOptions = collectLocationOptions(m, fail)
  if (marketingOnly || requirementsOnly) {
    if (locationOptions.length > 0) fail('zas.no_location_required', F, "Locations can't be defined when you specify requirements only")
    if (frameworkVersion !== undefined && frameworkVersion !== null) {
      fail('zas.no_framework_version_required', F, "Framework versions can't be set when you specify requirements only")
    }
    if (marketingOnly && m.private !== false) {
      // manifest.rb: @private = m.fetch('private', true)
      fail('zas.marketing_only_app_cant_be_private', F, 'Marketing-only apps must not be private. Expected "private": false.')
    }
    return
  }

  if (m.location !== undefined && m.location !== null && locationOptions.length === 0) {
    fail('zas.manifest_keys.missing', F, 'Missing required field in manifest: location (it defines no location; expected e.g. {"support": {"ticket_sidebar": {"url": "assets/iframe.html"}}})')
  }
  for (const opt of locationOptions) {
    const where = `location.${opt.host}.${opt.location}`
    const url = opt.options.url
    if (typeof url === 'string' && url !== '') {
      const reason = locationUriProblem(url, fileSet)
      if (reason) {
        fail('zas.invalid_location_uri', F, `${url} is either an invalid location URI, refers to a missing asset, or does not use HTTPS. (${where}.url: ${reason})`)
      }
    } else {
      const autoLoad = 'autoLoad' in opt.options ? opt.options.autoLoad : true
      if (rubyTruthy(autoLoad)) {
        fail('zas.blank_location_uri', F, `${opt.location} location does not specify a URI. (${where}.url is ${url === undefined ? 'missing' : `"${show(url)}"`}; expected a path under assets/ or an https:// URL)`)
      }
    }
    const flexible = opt.options.flexible
    if (flexible !== undefined && flexible !== null && typeof flexible !== 'boolean') {
      fail('zas.invalid_location_flexible_type', F, `${show(flexible)} is an invalid type for the flexible location parameter. (${where}.flexible must be true or false)`)
    }
  }
  // unknown locations per product (zas invalid_location)
  /** @type {Map<string, string[]>} */
  const unknownByProduct = new Map()
  for (const opt of locationOptions) {
    if (!(opt.location in (LOCATIONS[opt.host] ?? {}))) {
      const list = unknownByProduct.get(opt.host) ?? []
      list.push(opt.location)
      unknownByProduct.set(opt.host, list)
    }
  }
  for (const [host, names] of unknownByProduct) {
    const hostName = host.charAt(0).toUpperCase() + host.slice(1)
    fail(
      'zas.invalid_location',
      F,
      `${names.join(', ')} ${plural(names.length, 'is an invalid location', 'are invalid locations')} in ${hostName}. Expected one of: ${Object.keys(LOCATIONS[host] ?? {}).join(', ')}.`,
    )
  }

  if (typeof frameworkVersion === 'string') {
    if (!FRAMEWORK_VERSIONS.includes(frameworkVersion)) {
      fail('zas.invalid_version', F, `${frameworkVersion} is not a valid framework version. Available versions are: ${FRAMEWORK_VERSIONS.join(', ')}.`)
    } else if (frameworkVersion !== REQUIRED_FRAMEWORK_VERSION) {
      fail('own.framework_version', F, `frameworkVersion must be "${REQUIRED_FRAMEWORK_VERSION}" for this app (an iframe app on ZAF v2), got "${frameworkVersion}".`)
    }
    // zas invalid_v1_location
    if (!iframeOnly && FRAMEWORK_VERSIONS.includes(frameworkVersion)) {
      const v2Only = locationOptions.filter((o) => LOCATIONS[o.host]?.[o.location] === true).map((o) => o.location)
      if (v2Only.length > 0) {
        fail('zas.invalid_v1_location', F, `${v2Only.join(', ')} ${plural(v2Only.length, 'is an invalid location', 'are invalid locations')} in framework v1.`)
      }
    }
  }
  // zas location_framework_mismatch
  const legacy = locationOptions.filter((o) => o.legacy)
  if (iframeOnly && legacy.length > 0) {
    fail('zas.locations_must_be_urls', F, `App locations need to be URLs for this framework version. (${legacy.map((o) => `location.${o.host}.${o.location}`).join(', ')} ${plural(legacy.length, 'is a', 'are')} v1-style location${plural(legacy.length, '', 's')})`)
  } else if (!iframeOnly && typeof frameworkVersion === 'string' && locationOptions.some((o) => !o.legacy)) {
    fail('zas.locations_cant_be_urls', F, 'App locations must not be URLs for this framework version.')
  }
}

/**
 * @typedef {{ host: string, location: string, options: JsonObject, legacy: boolean }} LocationOption
 */

/**
 * manifest.rb set_locations_and_hosts / replace_legacy_locations, flattened to one entry per
 * product + location. Reports unknown hosts (zas invalid_host) and malformed values (own).
 * @param {JsonObject} m
 * @param {Emit} fail
 * @returns {LocationOption[]}
 */
function collectLocationOptions(m, fail) {
  const F = 'manifest.json'
  const loc = m.location
  /** @type {LocationOption[]} */
  const out = []
  /** @param {string} host @param {string} name */
  const legacyOption = (host, name) => out.push({ host, location: name, options: { url: LEGACY_URI_STUB }, legacy: true })
  if (loc === undefined || loc === null) return out
  if (typeof loc === 'string') {
    legacyOption('support', loc)
    return out
  }
  if (Array.isArray(loc)) {
    for (const name of loc) legacyOption('support', show(name))
    return out
  }
  if (!isObject(loc)) {
    fail('own.location_type', F, `location must be an object like {"support": {"ticket_sidebar": {"url": "assets/iframe.html"}}}, got ${show(loc)}.`)
    return out
  }
  /** @type {string[]} */
  const allHosts = PRODUCTS.flatMap((p) => [p.name, p.legacy])
  for (const host of Object.keys(loc)) {
    if (!allHosts.includes(host)) {
      fail('zas.invalid_host', F, `${host} is an invalid host for apps. Expected one of: ${PRODUCTS.map((p) => p.name).join(', ')}.`)
    }
  }
  for (const product of PRODUCTS) {
    const value = product.name in loc ? loc[product.name] : loc[product.legacy]
    const key = product.name in loc ? product.name : product.legacy
    if (value === undefined || value === null) continue
    if (typeof value === 'string') {
      legacyOption(product.name, value)
    } else if (Array.isArray(value)) {
      for (const name of value) legacyOption(product.name, show(name))
    } else if (isObject(value)) {
      for (const [name, v] of Object.entries(value)) {
        if (typeof v === 'string') {
          out.push({ host: product.name, location: name, options: { url: v }, legacy: v === LEGACY_URI_STUB })
        } else if (isObject(v)) {
          out.push({ host: product.name, location: name, options: v, legacy: rubyTruthy(v.legacy) || v.url === LEGACY_URI_STUB })
        } else {
          fail('own.location_options', F, `location.${key}.${name} must be a URL string or an object like {"url": "assets/iframe.html"}, got ${show(v)}.`)
        }
      }
    } else {
      fail('own.location_options', F, `location.${key} must be an object mapping location names to URLs, got ${show(value)}.`)
    }
  }
  return out
}

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

/**
 * @typedef {{ index: number, name: unknown, type: unknown, required: unknown, secure: unknown, hasDefault: boolean, default: unknown, scopes: unknown }} Parameter
 */

/**
 * @param {JsonObject} m
 * @param {boolean} marketingOnly
 * @param {Emit} fail
 * @param {Emit} warn
 * @returns {Parameter[]}
 */
function checkParameters(m, marketingOnly, fail, warn) {
  const F = 'manifest.json'
  const original = m.parameters
  if (original === undefined || original === null) return []
  if (!Array.isArray(original)) {
    fail('zas.unacceptable_array', F, `The manifest field parameters needs to be an array, but it was ${jsonType(original)}`)
    return []
  }
  /** @type {Parameter[]} */
  const params = []
  original.forEach((p, index) => {
    if (!isObject(p)) {
      fail('own.parameter_object', F, `parameters[${index}] must be an object like {"name": "...", "type": "text"}, got ${show(p)}.`)
      return
    }
    params.push({
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
  if (marketingOnly) {
    if (original.length > 0) fail('zas.no_parameters_required', F, "Parameters can't be defined for marketing-only apps")
    return params
  }
  /** @param {Parameter} p */
  const label = (p) => (typeof p.name === 'string' && p.name !== '' ? p.name : `#${p.index}`)

  for (const p of params) {
    if (typeof p.name !== 'string' || p.name === '') {
      fail('own.parameter_name', F, `parameters[${p.index}].name is ${p.name === undefined ? 'missing' : `"${show(p.name)}"`}. Expected a non-empty string.`)
    } else if (!PARAMETER_NAME_PATTERN.test(p.name)) {
      fail('own.parameter_name', F, `parameters[${p.index}].name "${p.name}" is not a valid setting name. Expected letters, digits and underscores, not starting with a digit.`)
    }
  }
  const names = params.map((p) => p.name).filter((n) => typeof n === 'string')
  const dups = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))]
  if (dups.length > 0) {
    fail('zas.duplicate_parameters', F, `Duplicate app parameters defined: ${dups.join(', ')}`)
  }
  for (const p of params) {
    if (typeof p.required !== 'boolean') {
      fail('zas.unacceptable_boolean', F, `parameters.${label(p)}.required must be a boolean value, got "${show(p.required)}".`)
    }
    if (typeof p.secure !== 'boolean') {
      fail('zas.unacceptable_boolean', F, `parameters.${label(p)}.secure must be a boolean value, got "${show(p.secure)}".`)
    }
  }
  const hiddenRequired = params.filter((p) => p.type === 'hidden' && rubyTruthy(p.required)).map(label)
  if (hiddenRequired.length > 0) {
    fail('zas.invalid_hidden_parameter', F, `${hiddenRequired.join(', ')} ${plural(hiddenRequired.length, 'is', 'are')} set to hidden and cannot be required.`)
  }
  const badTypes = params.filter((p) => typeof p.type !== 'string' || !PARAMETER_TYPES.includes(p.type))
  if (badTypes.length > 0) {
    fail(
      'zas.invalid_type_parameter',
      F,
      `${badTypes.map((p) => show(p.type)).join(', ')} ${plural(badTypes.length, 'is an invalid parameter type', 'are invalid parameter types')}. (parameters: ${badTypes.map(label).join(', ')}; expected one of: ${PARAMETER_TYPES.join(', ')})`,
    )
  }
  if (params.filter((p) => p.type === 'oauth').length > 1) {
    fail('zas.too_many_oauth_parameters', F, "Too many parameters with type 'oauth': one permitted")
  }
  if (params.some((p) => p.type === 'oauth' && rubyTruthy(p.secure))) {
    fail('zas.oauth_parameter_cannot_be_secure', F, 'oauth parameter cannot be set to be secure.')
  }
  if (params.some((p) => p.name === 'name')) {
    fail('zas.name_as_parameter_name', F, "Can't call a parameter 'name'")
  }
  for (const p of params) {
    if (typeof p.name === 'string' && RESERVED_PARAMETER_NAMES.includes(p.name) && p.name !== 'name') {
      fail('own.reserved_parameter_name', F, `Can't call a parameter '${p.name}': ZAS sets settings.${p.name} itself. Reserved names: ${RESERVED_PARAMETER_NAMES.join(', ')}.`)
    }
  }
  // own: default must fit the type
  for (const p of params) {
    if (!p.hasDefault || p.default === null) continue
    /** @type {string | null} */
    let expected = null
    if (p.type === 'checkbox' && typeof p.default !== 'boolean') expected = 'true or false'
    else if (p.type === 'number' && (typeof p.default !== 'number' || !Number.isFinite(p.default))) expected = 'a number'
    else if (['text', 'password', 'url', 'multiline', 'hidden'].includes(/** @type {string} */ (p.type)) && typeof p.default !== 'string') expected = 'a string'
    if (expected) {
      fail('own.parameter_default_type', F, `parameters.${label(p)}.default is ${JSON.stringify(p.default)}, which does not fit type "${show(p.type)}". Expected ${expected}.`)
    }
  }
  // zas secure_settings.rb (warnings)
  for (const p of params) {
    if (typeof p.name === 'string' && SECURABLE_KEYWORDS.test(p.name) && (p.type === 'text' || p.type === 'password') && !rubyTruthy(p.secure)) {
      warn('zas.insecure_token_parameter_in_manifest', F, `parameters.${p.name}: Make sure to set secure to true when using keys in Settings. Learn more: https://developer.zendesk.com/apps/docs/developer-guide/using_sdk#using-secure-settings`)
    }
    if (p.hasDefault && (rubyTruthy(p.secure) || p.type === 'hidden')) {
      warn('zas.default_secure_or_hidden_parameter_in_manifest', F, `parameters.${label(p)}: Default values for secure or hidden parameters are not stored securely. Be sure to review them and confirm they do not contain sensitive data`)
    }
    if (rubyTruthy(p.secure) && !(Array.isArray(p.scopes) && p.scopes.length > 0)) {
      warn('zas.secure_parameters_with_no_scopes_in_manifest', F, `parameters.${label(p)} is secure but declares no scopes. Learn more: https://developer.zendesk.com/documentation/apps/getting-started/setting-up-new-apps/#scopes`)
    }
  }
  return params
}

/**
 * @param {JsonObject} m
 * @param {string[]} files
 * @param {(rel: string) => Buffer} read
 * @param {Emit} fail
 */
function checkTranslations(m, files, read, fail) {
  /** @type {string[]} */
  const paramNames = Array.isArray(m.parameters)
    ? m.parameters.filter(isObject).flatMap((p) => (typeof p.name === 'string' && p.name !== '' ? [p.name] : []))
    : []
  const defaultLocale = typeof m.defaultLocale === 'string' && VALID_LOCALE.test(m.defaultLocale) ? m.defaultLocale : null
  /** @type {string[]} */
  const productNames = PRODUCTS.map((p) => p.name)
  const manifestProducts = isObject(m.location)
    ? PRODUCTS.filter((p) => rubyTruthy(m.location && /** @type {JsonObject} */ (m.location)[p.name]) || rubyTruthy(/** @type {JsonObject} */ (m.location)[p.legacy])).map((p) => p.name)
    : ['support']

  if (!files.includes('translations/en.json')) {
    fail('own.translation.missing_en', 'translations/en.json', 'Missing translations/en.json. Expected an English translation file with the app.* marketplace strings.')
  }

  for (const file of files) {
    const match = /^translations\/(.*)\.json$/.exec(file)
    if (!match) continue
    const locale = match[1] ?? ''
    if (!VALID_LOCALE.test(locale)) {
      fail('zas.translation.invalid_locale', file, `${file} is not a valid locale. Expected a file name like en.json, ko.json or pt-br.json.`)
    }
    /** @type {unknown} */
    let json
    try {
      json = JSON.parse(read(file).toString('utf8'))
    } catch (e) {
      fail('zas.translation.not_json', file, `${file} is not valid JSON. ${/** @type {Error} */ (e).message}`)
      continue
    }
    if (!isObject(json)) {
      fail('zas.translation.not_json_object', file, `${file} is not a JSON object.`)
      continue
    }

    // leaves: strings or {title, value} (own generalisation of zas invalid_format)
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
        fail('zas.translation.invalid_format', file, `'${at}': '${show(value)}' is invalid for translation. Expected a string or a {"title", "value"} pair of strings.`)
      }
    }
    walk(json, '')

    const app = isObject(json.app) ? json.app : null
    // zas missing_required_key_on_leaf + own: a label for every manifest parameter
    const paramNode = app && isObject(app.parameters) ? app.parameters : null
    const leaves = new Set(paramNode ? Object.keys(paramNode) : [])
    for (const name of paramNames) leaves.add(name)
    for (const leaf of leaves) {
      const node = paramNode ? paramNode[leaf] : undefined
      if (!(isObject(node) && 'label' in node)) {
        fail('zas.translation.missing_required_key_on_leaf', file, `Missing required key label on leaf ${leaf} from ${file}. Expected app.parameters.${leaf}.label.`)
      }
    }

    // marketplace strings: en.json (zas, all four keys here) and the defaultLocale file (own)
    if (file === 'translations/en.json' || (defaultLocale !== null && file === `translations/${defaultLocale}.json`)) {
      const present = app ? Object.keys(app).filter((k) => productNames.includes(k)) : []
      /** @param {JsonObject | null} node */
      const missingIn = (node) => {
        const keys = node ? Object.keys(node).map((k) => (k === 'description' ? 'short_description' : k)) : []
        return MARKETPLACE_KEYS.filter((k) => !keys.includes(k))
      }
      if (present.length === 0) {
        const missing = missingIn(app)
        if (missing.length > 0) {
          fail('own.translation.missing_required_key', file, `Missing required key from ${file}: ${missing.map((k) => `app.${k}`).join(', ')}`)
        }
      } else {
        const extra = present.filter((p) => !manifestProducts.includes(p))
        if (extra.length > 0) {
          const cap = (/** @type {string} */ s) => s.charAt(0).toUpperCase() + s.slice(1)
          fail('zas.translation.products_do_not_match_manifest_products', file, `Products in manifest (${manifestProducts.map(cap).join(', ')}) do not match products in translations (${present.map(cap).join(', ')})`)
        }
        for (const product of present) {
          const node = app ? app[product] : null
          const missing = missingIn(isObject(node) ? node : null)
          if (missing.length > 0) {
            const cap = product.charAt(0).toUpperCase() + product.slice(1)
            fail('own.translation.missing_required_key', file, `Missing required key from ${file} for ${cap}: ${missing.map((k) => `app.${product}.${k}`).join(', ')}`)
          }
        }
      }
    }
  }
}

/**
 * @param {JsonObject | null} m
 * @param {string[]} files
 * @param {Set<string>} fileSet
 * @param {(rel: string) => Buffer} read
 * @param {Emit} fail
 * @param {Emit} warn
 */
function checkFiles(m, files, fileSet, read, fail, warn) {
  // docs: logos
  for (const logo of LOGOS) {
    if (!fileSet.has(logo.file)) {
      fail('docs.logo', logo.file, `${logo.file} is missing. Expected a ${logo.width}x${logo.height} PNG.`)
      continue
    }
    const info = readPngInfo(read(logo.file))
    if (!info.ok) fail('docs.logo', logo.file, `${logo.file} is not a valid PNG: ${info.reason}. Expected a ${logo.width}x${logo.height} PNG.`)
    else if (info.width !== logo.width || info.height !== logo.height) {
      fail('docs.logo', logo.file, `${logo.file} is ${info.width}x${info.height} pixels. Expected ${logo.width}x${logo.height}.`)
    }
  }

  // zas screenshots.rb: Dir["assets/*"].grep(/screenshot-\d.png$/)
  const screenshots = files.filter((f) => /^assets\/[^/]+$/.test(f) && /screenshot-\d.png$/.test(f))
  if (screenshots.length > SCREENSHOT_MAX_FILES) {
    fail('zas.screenshots.excessive_files', 'assets', `The app has ${screenshots.length} screenshots (${screenshots.join(', ')}); at most ${SCREENSHOT_MAX_FILES} are supported.`)
  }
  for (const shot of screenshots) {
    const info = readPngInfo(read(shot))
    if (!info.ok) {
      fail('zas.screenshots.invalid_size', shot, `${shot} is not a valid PNG: ${info.reason}. Expected a ${SCREENSHOT_WIDTH}x${SCREENSHOT_HEIGHT} PNG.`)
    } else if (info.width !== SCREENSHOT_WIDTH || info.height !== SCREENSHOT_HEIGHT) {
      fail('zas.screenshots.invalid_size', shot, `${basename(shot)} is ${info.width}x${info.height} pixels. Screenshots must be ${SCREENSHOT_WIDTH}x${SCREENSHOT_HEIGHT}px.`)
    }
  }

  // zas banner.rb
  if (fileSet.has('assets/banner.png')) {
    const info = readPngInfo(read('assets/banner.png'))
    if (!info.ok) fail('zas.banner.invalid_format', 'assets/banner.png', `Banner image must be a PNG file (${info.reason}).`)
    else if (!((info.width === BANNER_WIDTH && info.height === BANNER_HEIGHT) || (info.width === 2 * BANNER_WIDTH && info.height === 2 * BANNER_HEIGHT))) {
      fail('zas.banner.invalid_size', 'assets/banner.png', `Invalid banner image dimensions. Must be ${BANNER_WIDTH}x${BANNER_HEIGHT}px (or ${2 * BANNER_WIDTH}x${2 * BANNER_HEIGHT}px), got ${info.width}x${info.height}.`)
    }
  }

  // zas source.rb: an iframe-only app carries no ZAF v1 code
  if (m && isIframeOnly(m.frameworkVersion)) {
    const v1Code = files.filter((f) => f === 'app.js' || f === 'app.css' || (f.startsWith('lib/') && f.endsWith('.js')) || /^templates\/.*\.hdbs$/.test(f))
    for (const f of v1Code) {
      fail('zas.no_code_for_ifo_notemplate', f, `Javascripts, stylesheets, and templates are not allowed when an iframe URI or noTemplate is specified. Move ${f} under assets/ and load it from the iframe page.`)
    }
  }

  // zas requirements.rb (JSON only)
  if (fileSet.has('requirements.json')) {
    try {
      JSON.parse(read('requirements.json').toString('utf8'))
    } catch (e) {
      fail('zas.requirements_not_json', 'requirements.json', `requirements.json is not proper JSON. ${/** @type {Error} */ (e).message}`)
    }
  }

  for (const f of files) {
    const ext = extensionOf(f)
    const buf = read(f)
    // zas mime.rb
    const subtype = magicSubtype(buf)
    const blocked = [ext, subtype].filter((t) => t !== null && t !== '' && UNSUPPORTED_MIME_TYPES.includes(t))
    if (blocked.length > 0) {
      fail('zas.unsupported_mime_type_detected', f, `Unsupported MIME type detected in ${f}. (blocked type: ${[...new Set(blocked)].join(', ')}; archives, documents, media and shell scripts cannot be part of an app)`)
    } else {
      // own: executables
      const magic = executableMagic(buf)
      if (EXECUTABLE_EXTENSIONS.includes(ext) || magic) {
        fail('own.executable', f, `${f} is ${magic ?? `an executable (.${ext})`}. Executables and binaries must not ship in an app.`)
      }
    }
    // own: msw must never ship
    if (basename(f) === 'mockServiceWorker.js') {
      fail('own.no_msw', f, `${f} is the msw (Mock Service Worker) script. Test mocks must not ship; remove it from the build output.`)
    } else if ((ext === 'js' || ext === 'mjs' || ext === 'html') && buf.includes('mockServiceWorker.js')) {
      fail('own.no_msw', f, `${f} references mockServiceWorker.js, so msw is bundled into the app. Test mocks must not ship; keep msw imports out of src/.`)
    }
    // own warning: source maps (ZAS does not refuse them)
    if (ext === 'map') {
      warn('own.source_map', f, `${f} is a source map; ZAS accepts it but it ships the app's sources. Set build.sourcemap to false to leave it out.`)
    }
    // zas requests.rb
    if (ext === 'js' || ext === 'mjs' || ext === 'html' || ext === 'htm') {
      const text = buf.toString('utf8')
      const ips = text.match(/\b(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\b/g) ?? []
      for (const ip of new Set(ips)) {
        const type = blockedIpType(ip)
        if (type) fail('zas.blocked_request', f, `Possible request to a ${type} ip ${ip} in ${f}. Expected no hard-coded ${type} addresses.`)
      }
      // (w3.org namespace identifiers are never fetched, so they are not reported)
      const urls = [...new Set(text.match(/\bhttp:\/\/[^\s"'`<>)\\]+/g) ?? [])].filter((u) => !/^http:\/\/www\.w3\.org\//.test(u))
      if (urls.length > 0) {
        warn('zas.insecure_http_request', f, `Possible insecure HTTP request to ${urls.join(', ')} in ${f}. Consider using the HTTPS protocol instead.`)
      }
    }
    // zas secrets.rb (warnings)
    if (['js', 'mjs', 'html', 'htm', 'json', 'css', 'txt', 'md', 'svg'].includes(ext)) {
      const text = buf.toString('utf8')
      for (const [type, pattern] of SECRET_PATTERNS) {
        if (pattern.test(text)) warn('zas.application_secret', f, `Possible ${type} found in ${f}. Consider reviewing the contents of this file before submitting your app.`)
      }
    }
    // zas svg.rb (ZAS rewrites such SVGs; warn so it is not a surprise)
    if (ext === 'svg') {
      const text = buf.toString('utf8')
      if (/<image\b/i.test(text)) {
        warn('zas.bitmap_in_svg', f, `${f} contains an embedded bitmap and cannot be used as an app icon. It has been replaced with a default placeholder icon.`)
      } else if (/<script\b|\son[a-z]+\s*=|javascript:/i.test(text)) {
        warn('zas.sanitised_svg', f, `The markup in ${f} has been edited for use in Zendesk and may not display as intended.`)
      }
    }
  }
}

// ---- CLI -----------------------------------------------------------------------------------

/** @param {Problem} p */
export function formatProblem(p) {
  return `${p.file}: ${p.message} [${p.rule}]`
}

/** @param {string[]} argv */
function main(argv) {
  if (argv.length > 1 || argv[0] === '-h' || argv[0] === '--help') {
    process.stderr.write('usage: node scripts/validate.mjs [dir]   (default dir: dist)\n')
    return 2
  }
  const dirArg = argv[0] ?? 'dist'
  const dir = resolve(dirArg)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stderr.write(`validate: ${dirArg} is not a directory (build the app first: npm run build)\n`)
    return 2
  }
  const report = inspectPackage(dir)
  for (const w of report.warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`)
  if (report.problems.length > 0) {
    for (const p of report.problems) process.stderr.write(`✗ ${formatProblem(p)}\n`)
    process.stderr.write(`validate: ${dirArg} is not a valid Zendesk app package (${report.problems.length} ${plural(report.problems.length, 'problem', 'problems')})\n`)
    return 1
  }
  const m = /** @type {JsonObject} */ (report.manifest)
  process.stdout.write(
    `OK ${dirArg}: ${show(m.name)} v${show(m.version)} (frameworkVersion ${show(m.frameworkVersion)}), ${report.files.length} files, ${report.totalBytes} bytes, zip ${report.zipBytes} bytes, ${report.warnings.length} ${plural(report.warnings.length, 'warning', 'warnings')}\n`,
  )
  return 0
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2))
}
