// @ts-check
/**
 * Facts the rules check against. `zas` = the zendesk_apps_support gem (github.com/zendesk/zendesk_apps_support,
 * which `zcli apps:validate` and the Marketplace upload run), `docs` = developer.zendesk.com.
 */

/** zas product.rb PRODUCTS_AVAILABLE: name and legacy name */
export const PRODUCTS = /** @type {const} */ ([
  { name: 'support', legacy: 'zendesk' },
  { name: 'chat', legacy: 'zopim' },
  { name: 'standalone_chat', legacy: 'lotus_box' },
  { name: 'sell', legacy: 'sell' },
])

/** zas location.rb LOCATIONS_AVAILABLE, per product: location name -> v2_only */
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

/** zas manifest/parameter.rb TYPES (`password` was removed; `mtls` is accepted only behind a flag Zendesk does not set for uploads) */
export const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth']
/** zas app_version.rb TO_BE_SERVED */
export const FRAMEWORK_VERSIONS = ['0.5', '1.0', '2.0']
/** the version this app targets (own rule) */
export const REQUIRED_FRAMEWORK_VERSION = '2.0'
/** zas manifest.rb RUBY_TO_JSON values, plus `name` (read by zcli and the manifest reference) */
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
/** zas validations/translations.rb VALID_LOCALE */
export const VALID_LOCALE = /^[a-z]{2,3}(-\w{2,3})?$/
/** zas validations/mime.rb UNSUPPORTED_MIME_TYPES (matched against the extension and the magic subtype) */
export const UNSUPPORTED_MIME_TYPES = [
  'vnd.rar',
  'rar',
  'zip',
  'gzip',
  'pdf',
  'doc',
  'docx',
  'avi',
  'bin',
  'bz',
  'bz2',
  'csh',
  'sh',
  'jar',
  'mp3',
  'mpeg',
  'odt',
  'pptx',
  'ppt',
  'xls',
  'xlsx',
  '7z',
]
/** own rule: executables that ZAS's list does not already cover */
export const EXECUTABLE_EXTENSIONS = ['exe', 'dll', 'so', 'dylib', 'bat', 'cmd', 'com', 'msi', 'ps1', 'apk', 'app', 'dmg', 'deb', 'rpm', 'elf', 'class', 'wasm']
/** zas translations.rb get_missing_keys (a public app's keys); this app requires them all in both profiles (own rule) */
export const MARKETPLACE_KEYS = ['name', 'short_description', 'long_description', 'installation_instructions']
/** zas validations/manifest.rb OAUTH_REQUIRED_FIELDS */
export const OAUTH_REQUIRED_FIELDS = ['client_id', 'client_secret', 'authorize_uri', 'access_token_uri']
/** zas validations/marketplace.rb WHITELISTED_EXPERIMENTS */
export const MARKETPLACE_EXPERIMENTS = ['hashParams', 'newCssCompiler']
export const OAUTH_MANIFEST_LINK = 'https://developer.zendesk.com/apps/docs/developer-guide/manifest#oauth'
export const NO_TEMPLATE_LINK = 'https://developer.zendesk.com/apps/docs/apps-v2/manifest#location'
export const TRANSLATION_LINK = 'https://developer.zendesk.com/apps/docs/developer-guide/deploying#app-internationalization'
export const LEGACY_URI_STUB = '_legacy'
/** docs "Create brand assets" */
export const LOGOS = [
  { file: 'assets/logo.png', width: 320, height: 320 },
  { file: 'assets/logo-small.png', width: 128, height: 128 },
]
/** zas screenshots.rb */
export const SCREENSHOT = { maxFiles: 3, width: 1024, height: 768 }
/** zas banner.rb */
export const BANNER = { width: 830, height: 200 }
/** docs: "The file size limit of the zip file for a private app is 2 MB." */
export const MAX_ZIP_BYTES = 2 * 1024 * 1024
/** docs "Create content": the listing's name and short description, in characters including spaces */
export const LISTING_LIMITS = { name: 40, short_description: 80 }
/** own rule: a parameter name is used as a settings key */
export const PARAMETER_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/
/** name is refused by ZAS (name_as_parameter_name); title is overwritten by ZAS (settings["title"] = app name) */
export const RESERVED_PARAMETER_NAMES = ['name', 'title']
/** zas secure_settings.rb SECURABLE_KEYWORDS */
export const SECURABLE_KEYWORDS = /token|key|pwd|password/i
/** zas secrets.rb APPLICATION_SECRETS (the unambiguous subset) */
export const SECRET_PATTERNS = /** @type {const} */ ([
  ['RSA Private Key', /-----BEGIN RSA PRIVATE KEY-----/],
  ['SSH Private Key (OpenSSH)', /-----BEGIN OPENSSH PRIVATE KEY-----/],
  ['SSH Private Key (DSA)', /-----BEGIN DSA PRIVATE KEY-----/],
  ['SSH Private Key (EC)', /-----BEGIN EC PRIVATE KEY-----/],
  ['PGP Private Key Block', /-----BEGIN PGP PRIVATE KEY BLOCK-----/],
  ['AWS Access Key ID', /AKIA[0-9A-Z]{16}/],
  ['Slack Token', /xox[pboa]-[0-9A-Za-z-]{10,}/],
])
/** RFC 2606 / 6761: names reserved for examples and tests, never a real author's */
export const PLACEHOLDER_DOMAIN = /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$/i
/** SemVer 2.0.0 (own rule). */
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/
