import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inspectPackage, RULES, validatePackage, type Problem } from '../../scripts/validate/index.mjs'
import { createFixture, FIXTURE_FILES, makePng, type Fixture, type Json } from './fixture'

const VALIDATE = resolve(import.meta.dirname, '../../scripts/validate/cli.mjs')
const SUPPORT_LOCATIONS =
  'top_bar, nav_bar, ticket_sidebar, new_ticket_sidebar, user_sidebar, organization_sidebar, background, modal, ticket_editor, system_top_bar'
const PARAM_TYPES = 'text, checkbox, url, number, multiline, hidden, oauth'

let fx: Fixture
beforeEach(() => {
  fx = createFixture()
})
afterEach(() => {
  fx.cleanup()
})

const manifest = (edit: (m: Json) => void) => (f: Fixture) => f.editJson('manifest.json', edit)
const params = (m: Json) => m.parameters as Json[]
const firstParam = (m: Json) => params(m)[0] as Json
const location = (m: Json) => ((m.location as Json).support as Json).ticket_sidebar as Json
/** adds a parameter to the manifest and a label for it to every translation file */
const addParam = (param: Json) => (f: Fixture) => {
  f.editJson('manifest.json', (m) => params(m).push(param))
  for (const t of ['translations/en.json', 'translations/ko.json']) {
    f.editJson(t, (j) => {
      ;((j.app as Json).parameters as Json)[String(param.name)] = { label: 'label' }
    })
  }
}
const app = (j: Json) => j.app as Json
const parseError = (text: string) => {
  try {
    JSON.parse(text)
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('expected invalid JSON')
}
/** One expected problem; `message` may be an asymmetric matcher such as expect.stringMatching. */
const p = (rule: string, file: string, message: string): Problem => ({ rule, file, message })

describe('validatePackage: valid packages', () => {
  it('accepts the fixture package', () => {
    expect(validatePackage(fx.dir)).toEqual([])
    const report = inspectPackage(fx.dir)
    expect(report.warnings).toEqual([])
    expect(report.files).toEqual(FIXTURE_FILES)
    expect(report.zipBytes).toBeGreaterThan(0)
  })

  it("accepts the project's own manifest and translations", () => {
    const project = resolve(import.meta.dirname, '../..')
    for (const file of ['manifest.json', 'translations/en.json', 'translations/ko.json']) {
      fx.writeJson(file, JSON.parse(readFileSync(join(project, file), 'utf8')) as Json)
    }
    expect(validatePackage(fx.dir)).toEqual([])
    expect(validatePackage(fx.dir, { marketplace: true })).toEqual([])
  })

  it.each<[string, (f: Fixture) => void]>([
    ['an https:// location url', manifest((m) => (location(m).url = 'https://apps.example.com/sidebar'))],
    ['a location url with a query string', manifest((m) => (location(m).url = 'assets/iframe.html?v=1#top'))],
    ['a {{setting.}} location url', manifest((m) => (location(m).url = '{{setting.sidebar_url}}'))],
    ['a location given as a plain url string', manifest((m) => ((m.location as Json).support = { ticket_sidebar: 'assets/iframe.html' }))],
    ['autoLoad false without url', manifest((m) => ((m.location as Json).support = { ticket_sidebar: 'assets/iframe.html', background: { autoLoad: false } }))],
    ['a pre-release semver', manifest((m) => (m.version = '1.2.3-rc.1+build.5'))],
    ['author without url', manifest((m) => delete (m.author as Json).url)],
    ['the legacy "zendesk" host', manifest((m) => (m.location = { zendesk: { ticket_sidebar: 'assets/iframe.html' } }))],
    [
      'description instead of short_description',
      (f) => {
        for (const t of ['translations/en.json', 'translations/ko.json']) {
          f.editJson(t, (j) => {
            app(j).description = app(j).short_description
            delete app(j).short_description
          })
        }
      },
    ],
    ['an extra valid locale file', (f) => f.writeJson('translations/pt-br.json', f.readJson('translations/en.json'))],
    ['three 1024x768 screenshots', (f) => [0, 1, 2].forEach((n) => f.write(`assets/screenshot-${n}.png`, makePng(1024, 768)))],
    ['a 2x banner', (f) => f.write('assets/banner.png', makePng(1660, 400))],
    ['a secure parameter with a default (warning only)', addParam({ name: 'api_token', type: 'text', secure: true, default: 'x' })],
    ['a source map (warning only)', (f) => f.write('assets/app-abc123.js.map', '{"version":3}')],
    [
      'tmp/ and dot-files (not packaged)',
      (f) => {
        f.write('tmp/app-1.zip', 'PK\u0003\u0004old')
        f.write('.DS_Store', 'x')
      },
    ],
  ])('accepts %s', (_title, mutate) => {
    mutate(fx)
    expect(validatePackage(fx.dir)).toEqual([])
  })

  it('reports warnings without failing', () => {
    addParam({ name: 'api_key', type: 'text' })(fx)
    fx.write('assets/app-abc123.js.map', '{"version":3}')
    fx.write('tmp/old.zip', 'x')
    fx.editJson('manifest.json', (m) => (m.customField = 1))
    const report = inspectPackage(fx.dir)
    expect(report.problems).toEqual([])
    expect(report.warnings.map((w: Problem) => [w.rule, w.file])).toEqual([
      ['own.not_packaged', 'tmp/'],
      ['own.unknown_manifest_key', 'manifest.json'],
      ['zas.insecure_token_parameter_in_manifest', 'manifest.json'],
      ['own.source_map', 'assets/app-abc123.js.map'],
    ])
  })
})

type Row = [title: string, mutate: (f: Fixture) => void, expected: Problem[]]

const manifestRows: Row[] = [
  [
    'manifest.json missing',
    (f) => f.remove('manifest.json'),
    [p('zas.missing_manifest', 'manifest.json', 'Could not find manifest.json. Expected it at the root of the package.')],
  ],
  [
    'manifest.json nested in a folder',
    (f) => {
      f.write('app/manifest.json', f.read('manifest.json'))
      f.remove('manifest.json')
    },
    [
      p(
        'zas.nested_manifest',
        'manifest.json',
        'Could not find manifest.json in the root of the zip file, but app/manifest.json was found. Try re-creating the archive from this directory.',
      ),
    ],
  ],
  [
    'manifest.json not JSON',
    (f) => f.write('manifest.json', '{"name": "x",}'),
    [p('zas.manifest_not_json', 'manifest.json', `manifest is not proper JSON. ${parseError('{"name": "x",}')}`)],
  ],
  [
    'manifest.json not an object',
    (f) => f.write('manifest.json', '["name"]'),
    [p('own.manifest_not_object', 'manifest.json', 'manifest.json must contain a JSON object, got array.')],
  ],
  [
    'duplicate manifest keys',
    (f) => {
      const text = JSON.stringify(f.readJson('manifest.json'), null, 2).replace('"version": "0.1.0",', '"version": "0.1.0",\n  "version": "0.2.0",')
      f.write('manifest.json', text)
    },
    [
      p(
        'zas.duplicate_manifest_keys',
        'manifest.json',
        'Duplicate keys are specified in the manifest.json file. Duplicate reference in manifest: "version". Initially set to "0.1.0", attempted overwrite to "0.2.0".',
      ),
    ],
  ],
  ['name missing', manifest((m) => delete m.name), [p('zas.manifest_keys.missing', 'manifest.json', 'Missing required field in manifest: name')]],
  ['name empty', manifest((m) => (m.name = ' ')), [p('own.name', 'manifest.json', 'name must be a non-empty string, got " ".')]],
  [
    'author and defaultLocale missing',
    manifest((m) => {
      delete m.author
      delete m.defaultLocale
    }),
    [p('zas.manifest_keys.missing', 'manifest.json', 'Missing required fields in manifest: author, defaultLocale')],
  ],
  ['location missing', manifest((m) => delete m.location), [p('zas.manifest_keys.missing', 'manifest.json', 'Missing required field in manifest: location')]],
  [
    'location with no locations',
    manifest((m) => (m.location = { support: {} })),
    [
      p(
        'zas.manifest_keys.missing',
        'manifest.json',
        'Missing required field in manifest: location (it defines no location; expected e.g. {"support": {"ticket_sidebar": {"url": "assets/iframe.html"}}})',
      ),
    ],
  ],
  [
    'frameworkVersion missing',
    manifest((m) => delete m.frameworkVersion),
    [p('zas.manifest_keys.missing', 'manifest.json', 'Missing required field in manifest: frameworkVersion')],
  ],
  ['version missing', manifest((m) => delete m.version), [p('zas.manifest_keys.missing', 'manifest.json', 'Missing required field in manifest: version')]],
  [
    'version not semver',
    manifest((m) => (m.version = '1.0')),
    [p('own.version_semver', 'manifest.json', 'version must be a semantic version (MAJOR.MINOR.PATCH, e.g. "1.0.0"), got "1.0".')],
  ],
  ['version not a string', manifest((m) => (m.version = 1)), [p('zas.unacceptable_string', 'manifest.json', 'version must be a string, got "1".')]],
  [
    'author not an object',
    manifest((m) => (m.author = 'me')),
    [p('docs.author', 'manifest.json', 'author must be an object with "name", "email" and optionally "url", got "me".')],
  ],
  [
    'author email missing',
    manifest((m) => delete (m.author as Json).email),
    [
      p(
        'docs.author',
        'manifest.json',
        "author.email is missing. Expected a non-empty string (the manifest reference requires the author's name and support email).",
      ),
    ],
  ],
  [
    'author email malformed',
    manifest((m) => ((m.author as Json).email = 'apps at example.com')),
    [p('docs.author', 'manifest.json', 'author.email must be an email address, got "apps at example.com".')],
  ],
  [
    'author name not a string',
    manifest((m) => ((m.author as Json).name = 42)),
    [p('zas.unacceptable_string', 'manifest.json', 'author name must be a string, got "42".')],
  ],
  [
    'author url without scheme',
    manifest((m) => ((m.author as Json).url = 'example.com')),
    [p('zas.invalid_url', 'manifest.json', 'author url must be a valid URL, got "example.com". Expected an http:// or https:// URL.')],
  ],
  [
    'private not a boolean',
    manifest((m) => (m.private = 'yes')),
    [p('zas.unacceptable_boolean', 'manifest.json', 'private must be a boolean value, got "yes".')],
  ],
  [
    'singleInstall not a boolean',
    manifest((m) => (m.singleInstall = 1)),
    [p('zas.unacceptable_boolean', 'manifest.json', 'singleInstall must be a boolean value, got "1".')],
  ],
  [
    'signedUrls not a boolean',
    manifest((m) => (m.signedUrls = 'true')),
    [p('zas.unacceptable_boolean', 'manifest.json', 'signedUrls must be a boolean value, got "true".')],
  ],
  [
    'experiments not a hash',
    manifest((m) => (m.experiments = ['a'])),
    [p('zas.unacceptable_hash', 'manifest.json', 'The manifest field experiments needs to be key-value pairs with string keys, but it was array')],
  ],
  [
    'domainWhitelist not strings',
    manifest((m) => (m.domainWhitelist = ['a.com', 1])),
    [p('zas.unacceptable_array_of_strings', 'manifest.json', 'The manifest field domainWhitelist need to be an array containing strings')],
  ],
  [
    'defaultLocale malformed',
    manifest((m) => (m.defaultLocale = 'ko_KR')),
    [p('zas.invalid_default_locale', 'manifest.json', 'ko_KR is not a valid default locale. Expected a locale like "en", "ko" or "pt-br".')],
  ],
  [
    'defaultLocale without its file',
    manifest((m) => (m.defaultLocale = 'ja')),
    [
      p(
        'zas.missing_translation_file',
        'translations/ja.json',
        "Missing translation file for locale 'ja'. Learn more: https://developer.zendesk.com/apps/docs/developer-guide/deploying#app-internationalization",
      ),
    ],
  ],
  [
    'frameworkVersion 1.0',
    manifest((m) => (m.frameworkVersion = '1.0')),
    [p('own.framework_version', 'manifest.json', 'frameworkVersion must be "2.0" for this app (an iframe app on ZAF v2), got "1.0".')],
  ],
  [
    'frameworkVersion unknown',
    manifest((m) => (m.frameworkVersion = '3.0')),
    [p('zas.invalid_version', 'manifest.json', '3.0 is not a valid framework version. Available versions are: 0.5, 1.0, 2.0.')],
  ],
  [
    'frameworkVersion a number',
    manifest((m) => (m.frameworkVersion = 2)),
    [p('zas.unacceptable_string', 'manifest.json', 'frameworkVersion must be a string, got "2".')],
  ],
  [
    'noTemplate in a v2 app',
    manifest((m) => (m.noTemplate = true)),
    [
      p(
        'zas.no_template_deprecated_in_v2',
        'manifest.json',
        'noTemplate is deprecated and cannot be used with framework version 2 or above. Set the autoLoad or autoHide property for each specific location instead. Learn more: https://developer.zendesk.com/apps/docs/apps-v2/manifest#location.',
      ),
    ],
  ],
  [
    'oauth block incomplete',
    manifest((m) => (m.oauth = { client_id: 'abc', client_secret: '' })),
    [
      p('zas.oauth_keys.missing', 'manifest.json', 'Missing required oauth fields in manifest: client_secret, authorize_uri, access_token_uri'),
      p(
        'zas.oauth_parameter_required',
        'manifest.json',
        'Please upgrade to our new oauth format. Learn more: https://developer.zendesk.com/apps/docs/developer-guide/manifest#oauth',
      ),
    ],
  ],
  [
    'marketingOnly set',
    manifest((m) => (m.marketingOnly = true)),
    [
      p(
        'own.app_kind',
        'manifest.json',
        'marketingOnly is true, but this package is a ticket-sidebar app with a location. Remove marketingOnly or set it to false.',
      ),
    ],
  ],
  [
    'an experiment ZAS does not offer',
    manifest((m) => (m.experiments = { hashParams: true, fancyFeature: true, offFeature: false })),
    [p('zas.invalid_experiment', 'manifest.json', 'Manifest specifies unknown or unavailable experiment: fancyFeature')],
  ],
  [
    'author email on example.com',
    manifest((m) => ((m.author as Json).email = 'apps@example.com')),
    [
      p(
        'own.author_placeholder',
        'manifest.json',
        'author.email "apps@example.com" is on a domain reserved for examples; agents and admins write to it for support. Use the product\'s own support address.',
      ),
    ],
  ],
  [
    'author url on a .test domain',
    manifest((m) => ((m.author as Json).url = 'https://apps.fixture.test/about')),
    [
      p(
        'own.author_placeholder',
        'manifest.json',
        'author.url "https://apps.fixture.test/about" is on a domain reserved for examples. Use the product\'s own page.',
      ),
    ],
  ],
  [
    'termsConditionsURL without scheme',
    manifest((m) => (m.termsConditionsURL = 'terms.html')),
    [p('zas.invalid_url', 'manifest.json', 'terms_conditions_url must be a valid URL, got "terms.html". Expected an http:// or https:// URL.')],
  ],
  [
    'noTemplate of the wrong type',
    manifest((m) => (m.noTemplate = 'yes')),
    [p('zas.invalid_no_template', 'manifest.json', 'noTemplate must be set to true, false, or an array of valid locations.')],
  ],
]

const locationRows: Row[] = [
  [
    'location a number',
    manifest((m) => (m.location = 5)),
    [
      p(
        'zas.manifest_keys.missing',
        'manifest.json',
        'Missing required field in manifest: location (it defines no location; expected e.g. {"support": {"ticket_sidebar": {"url": "assets/iframe.html"}}})',
      ),
      p('own.location_type', 'manifest.json', 'location must be an object like {"support": {"ticket_sidebar": {"url": "assets/iframe.html"}}}, got 5.'),
    ],
  ],
  [
    'unknown host',
    manifest((m) => ((m.location as Json).zendesk_talk = { ticket_sidebar: 'assets/iframe.html' })),
    [p('zas.invalid_host', 'manifest.json', 'zendesk_talk is an invalid host for apps. Expected one of: support, chat, standalone_chat, sell.')],
  ],
  [
    'unknown support location',
    manifest((m) => (m.location = { support: { ticket_sidebarr: { url: 'assets/iframe.html' } } })),
    [p('zas.invalid_location', 'manifest.json', `ticket_sidebarr is an invalid location in Support. Expected one of: ${SUPPORT_LOCATIONS}.`)],
  ],
  [
    'relative url outside assets/',
    manifest((m) => (location(m).url = 'iframe.html')),
    [
      p(
        'zas.invalid_location_uri',
        'manifest.json',
        'iframe.html is either an invalid location URI, refers to a missing asset, or does not use HTTPS. (location.support.ticket_sidebar.url: relative URLs must point under assets/, got "iframe.html")',
      ),
    ],
  ],
  [
    'url to a missing asset',
    manifest((m) => (location(m).url = 'assets/sidebar.html')),
    [
      p(
        'zas.invalid_location_uri',
        'manifest.json',
        'assets/sidebar.html is either an invalid location URI, refers to a missing asset, or does not use HTTPS. (location.support.ticket_sidebar.url: assets/sidebar.html does not exist in the package)',
      ),
    ],
  ],
  [
    'http:// url',
    manifest((m) => (location(m).url = 'http://apps.example.com/sidebar')),
    [
      p(
        'zas.invalid_location_uri',
        'manifest.json',
        'http://apps.example.com/sidebar is either an invalid location URI, refers to a missing asset, or does not use HTTPS. (location.support.ticket_sidebar.url: absolute URLs must use https://, got http://)',
      ),
    ],
  ],
  [
    'location without url',
    manifest((m) => delete location(m).url),
    [
      p(
        'zas.blank_location_uri',
        'manifest.json',
        'ticket_sidebar location does not specify a URI. (location.support.ticket_sidebar.url is missing; expected a path under assets/ or an https:// URL)',
      ),
    ],
  ],
  [
    'flexible not a boolean',
    manifest((m) => (location(m).flexible = 'yes')),
    [
      p(
        'zas.invalid_location_flexible_type',
        'manifest.json',
        'yes is an invalid type for the flexible location parameter. (location.support.ticket_sidebar.flexible must be true or false)',
      ),
    ],
  ],
  [
    'v1-style location list',
    manifest((m) => (m.location = { support: ['ticket_sidebar'] })),
    [
      p(
        'zas.locations_must_be_urls',
        'manifest.json',
        'App locations need to be URLs for this framework version. (location.support.ticket_sidebar is a v1-style location)',
      ),
    ],
  ],
  [
    'location value of the wrong type',
    manifest((m) => ((m.location as Json).support = { ticket_sidebar: 42 })),
    [
      p(
        'zas.manifest_keys.missing',
        'manifest.json',
        'Missing required field in manifest: location (it defines no location; expected e.g. {"support": {"ticket_sidebar": {"url": "assets/iframe.html"}}})',
      ),
      p(
        'own.location_options',
        'manifest.json',
        'location.support.ticket_sidebar must be a URL string or an object like {"url": "assets/iframe.html"}, got 42.',
      ),
    ],
  ],
]

const parameterRows: Row[] = [
  [
    'parameters not an array',
    manifest((m) => (m.parameters = { name: 'x' })),
    [p('zas.unacceptable_array', 'manifest.json', 'The manifest field parameters needs to be an array, but it was object')],
  ],
  [
    'parameter not an object',
    manifest((m) => (m.parameters as unknown[]).push('show_debug')),
    [p('own.parameter_object', 'manifest.json', 'parameters[2] must be an object like {"name": "...", "type": "text"}, got show_debug.')],
  ],
  [
    'duplicate parameter names',
    manifest((m) => params(m).push({ name: 'show_debug', type: 'text' })),
    [p('zas.duplicate_parameters', 'manifest.json', 'Duplicate app parameters defined: show_debug')],
  ],
  [
    'parameter name missing',
    manifest((m) => params(m).push({ type: 'text' })),
    [p('own.parameter_name', 'manifest.json', 'parameters[2].name is missing. Expected a non-empty string.')],
  ],
  [
    'parameter name not identifier-like',
    addParam({ name: 'member-marker', type: 'text' }),
    [
      p(
        'own.parameter_name',
        'manifest.json',
        'parameters[2].name "member-marker" is not a valid setting name. Expected letters, digits and underscores, not starting with a digit.',
      ),
    ],
  ],
  ['parameter called name', addParam({ name: 'name', type: 'text' }), [p('zas.name_as_parameter_name', 'manifest.json', "Can't call a parameter 'name'")]],
  [
    'parameter called title',
    addParam({ name: 'title', type: 'text' }),
    [p('own.reserved_parameter_name', 'manifest.json', "Can't call a parameter 'title': ZAS sets settings.title itself. Reserved names: name, title.")],
  ],
  [
    'unknown parameter type',
    manifest((m) => (firstParam(m).type = 'select')),
    [
      p(
        'zas.invalid_type_parameter',
        'manifest.json',
        `select is an invalid parameter type. (parameters: member_marker_source; expected one of: ${PARAM_TYPES})`,
      ),
    ],
  ],
  [
    'required not a boolean',
    manifest((m) => (firstParam(m).required = 'yes')),
    [p('zas.unacceptable_boolean', 'manifest.json', 'parameters.member_marker_source.required must be a boolean value, got "yes".')],
  ],
  [
    'secure not a boolean',
    manifest((m) => (firstParam(m).secure = 1)),
    [p('zas.unacceptable_boolean', 'manifest.json', 'parameters.member_marker_source.secure must be a boolean value, got "1".')],
  ],
  [
    'hidden and required',
    addParam({ name: 'internal_id', type: 'hidden', required: true }),
    [p('zas.invalid_hidden_parameter', 'manifest.json', 'internal_id is set to hidden and cannot be required.')],
  ],
  [
    'two oauth parameters',
    (f) => {
      addParam({ name: 'oauth_a', type: 'oauth' })(f)
      addParam({ name: 'oauth_b', type: 'oauth' })(f)
    },
    [p('zas.too_many_oauth_parameters', 'manifest.json', "Too many parameters with type 'oauth': one permitted")],
  ],
  [
    'secure oauth parameter',
    addParam({ name: 'token', type: 'oauth', secure: true, scopes: ['header'] }),
    [p('zas.oauth_parameter_cannot_be_secure', 'manifest.json', 'oauth parameter cannot be set to be secure.')],
  ],
  [
    'checkbox default not a boolean',
    manifest((m) => ((params(m)[1] as Json).default = 'false')),
    [p('own.parameter_default_type', 'manifest.json', 'parameters.show_debug.default is "false", which does not fit type "checkbox". Expected true or false.')],
  ],
  [
    'number default not a number',
    addParam({ name: 'max_rows', type: 'number', default: '5' }),
    [p('own.parameter_default_type', 'manifest.json', 'parameters.max_rows.default is "5", which does not fit type "number". Expected a number.')],
  ],
  [
    'text default not a string',
    manifest((m) => (firstParam(m).default = 3)),
    [p('own.parameter_default_type', 'manifest.json', 'parameters.member_marker_source.default is 3, which does not fit type "text". Expected a string.')],
  ],
]

const translationRows: Row[] = [
  [
    'en.json missing',
    (f) => f.remove('translations/en.json'),
    [
      p(
        'own.translation.missing_en',
        'translations/en.json',
        'Missing translations/en.json. Expected an English translation file with the app.* marketplace strings.',
      ),
    ],
  ],
  [
    'default locale file missing',
    (f) => f.remove('translations/ko.json'),
    [
      p(
        'zas.missing_translation_file',
        'translations/ko.json',
        "Missing translation file for locale 'ko'. Learn more: https://developer.zendesk.com/apps/docs/developer-guide/deploying#app-internationalization",
      ),
    ],
  ],
  [
    'translation file name not a locale',
    (f) => f.writeJson('translations/ko_KR.json', f.readJson('translations/ko.json')),
    [
      p(
        'zas.translation.invalid_locale',
        'translations/ko_KR.json',
        'translations/ko_KR.json is not a valid locale. Expected a file name like en.json, ko.json or pt-br.json.',
      ),
    ],
  ],
  [
    'translation not JSON',
    (f) => f.write('translations/en.json', '{"app": {'),
    [p('zas.translation.not_json', 'translations/en.json', `translations/en.json is not valid JSON. ${parseError('{"app": {')}`)],
  ],
  [
    'translation not an object',
    (f) => f.write('translations/en.json', '"app"'),
    [p('zas.translation.not_json_object', 'translations/en.json', 'translations/en.json is not a JSON object.')],
  ],
  [
    'en.json without long_description',
    (f) => f.editJson('translations/en.json', (j) => delete app(j).long_description),
    [p('own.translation.missing_required_key', 'translations/en.json', 'Missing required key from translations/en.json: app.long_description')],
  ],
  [
    'ko.json without name and installation_instructions',
    (f) =>
      f.editJson('translations/ko.json', (j) => {
        delete app(j).name
        delete app(j).installation_instructions
      }),
    [
      p(
        'own.translation.missing_required_key',
        'translations/ko.json',
        'Missing required key from translations/ko.json: app.name, app.installation_instructions',
      ),
    ],
  ],
  [
    'a parameter without a label',
    (f) => f.editJson('translations/ko.json', (j) => delete ((app(j).parameters as Json).show_debug as Json).label),
    [
      p(
        'zas.translation.missing_required_key_on_leaf',
        'translations/ko.json',
        'Missing required key label on leaf show_debug from translations/ko.json. Expected app.parameters.show_debug.label.',
      ),
    ],
  ],
  [
    'a parameter missing from a translation',
    (f) => f.editJson('translations/en.json', (j) => delete (app(j).parameters as Json).member_marker_source),
    [
      p(
        'zas.translation.missing_required_key_on_leaf',
        'translations/en.json',
        'Missing required key label on leaf member_marker_source from translations/en.json. Expected app.parameters.member_marker_source.label.',
      ),
    ],
  ],
  [
    'a parameters leaf that is a string',
    (f) => f.editJson('translations/en.json', (j) => ((app(j).parameters as Json).extra = 'Extra')),
    [
      p(
        'zas.translation.missing_required_key_on_leaf',
        'translations/en.json',
        'Missing required key label on leaf extra from translations/en.json. Expected app.parameters.extra.label.',
      ),
    ],
  ],
  [
    'a translation leaf that is a number',
    (f) => f.editJson('translations/ko.json', (j) => (app(j).count = 3)),
    [
      p(
        'zas.translation.invalid_format',
        'translations/ko.json',
        '\'app.count\': \'3\' is invalid for translation. Expected a string or a {"title", "value"} pair of strings.',
      ),
    ],
  ],
  [
    'marketplace strings for a product the manifest lacks',
    (f) =>
      f.editJson('translations/en.json', (j) => {
        app(j).chat = { name: 'n', short_description: 's', long_description: 'l', installation_instructions: 'i' }
      }),
    [
      p(
        'zas.translation.products_do_not_match_manifest_products',
        'translations/en.json',
        'Products in manifest (Support) do not match products in translations (Chat)',
      ),
    ],
  ],
]

const fileRows: Row[] = [
  ['logo.png missing', (f) => f.remove('assets/logo.png'), [p('docs.logo', 'assets/logo.png', 'assets/logo.png is missing. Expected a 320x320 PNG.')]],
  [
    'logo.png the wrong size',
    (f) => f.write('assets/logo.png', makePng(300, 320)),
    [p('docs.logo', 'assets/logo.png', 'assets/logo.png is 300x320 pixels. Expected 320x320.')],
  ],
  [
    'logo-small.png the wrong size',
    (f) => f.write('assets/logo-small.png', makePng(320, 320)),
    [p('docs.logo', 'assets/logo-small.png', 'assets/logo-small.png is 320x320 pixels. Expected 128x128.')],
  ],
  [
    'logo-small.png not a PNG',
    (f) => f.write('assets/logo-small.png', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])),
    [p('docs.logo', 'assets/logo-small.png', 'assets/logo-small.png is not a valid PNG: it does not start with the PNG signature. Expected a 128x128 PNG.')],
  ],
  [
    'logo.png with a corrupted header',
    (f) => {
      const png = makePng(320, 320)
      png.writeUInt32BE(128, 16) // width 128, CRC left as it was
      f.write('assets/logo.png', png)
    },
    [p('docs.logo', 'assets/logo.png', 'assets/logo.png is not a valid PNG: its IHDR chunk has a bad CRC. Expected a 320x320 PNG.')],
  ],
  [
    'a screenshot of the wrong size',
    (f) => f.write('assets/screenshot-1.png', makePng(800, 600)),
    [p('zas.screenshots.invalid_size', 'assets/screenshot-1.png', 'screenshot-1.png is 800x600 pixels. Screenshots must be 1024x768px.')],
  ],
  [
    'four screenshots',
    (f) => [0, 1, 2, 3].forEach((n) => f.write(`assets/screenshot-${n}.png`, makePng(1024, 768))),
    [
      p(
        'zas.screenshots.excessive_files',
        'assets',
        'The app has 4 screenshots (assets/screenshot-0.png, assets/screenshot-1.png, assets/screenshot-2.png, assets/screenshot-3.png); at most 3 are supported.',
      ),
    ],
  ],
  [
    'a banner that is not a PNG',
    (f) => f.write('assets/banner.png', 'GIF89a'),
    [p('zas.banner.invalid_format', 'assets/banner.png', 'Banner image must be a PNG file (it does not start with the PNG signature).')],
  ],
  [
    'a banner of the wrong size',
    (f) => f.write('assets/banner.png', makePng(800, 200)),
    [p('zas.banner.invalid_size', 'assets/banner.png', 'Invalid banner image dimensions. Must be 830x200px (or 1660x400px), got 800x200.')],
  ],
  [
    'the msw worker',
    (f) => f.write('assets/mockServiceWorker.js', 'self.addEventListener("fetch", () => {})'),
    [
      p(
        'own.no_msw',
        'assets/mockServiceWorker.js',
        'assets/mockServiceWorker.js is the msw (Mock Service Worker) script. Test mocks must not ship; remove it from the build output.',
      ),
    ],
  ],
  [
    'msw bundled into the app',
    (f) => f.write('assets/chunk-1.js', 'navigator.serviceWorker.register("/mockServiceWorker.js")'),
    [
      p(
        'own.no_msw',
        'assets/chunk-1.js',
        'assets/chunk-1.js references mockServiceWorker.js, so msw is bundled into the app. Test mocks must not ship; keep msw imports out of src/.',
      ),
    ],
  ],
  [
    'a PDF',
    (f) => f.write('assets/guide.pdf', '%PDF-1.4\n'),
    [
      p(
        'zas.unsupported_mime_type_detected',
        'assets/guide.pdf',
        'Unsupported MIME type detected in assets/guide.pdf. (blocked type: pdf; archives, documents, media and shell scripts cannot be part of an app)',
      ),
    ],
  ],
  [
    'a zip hidden behind another extension',
    (f) => f.write('assets/data.dat', Buffer.from('PK\u0003\u0004rest', 'latin1')),
    [
      p(
        'zas.unsupported_mime_type_detected',
        'assets/data.dat',
        'Unsupported MIME type detected in assets/data.dat. (blocked type: zip; archives, documents, media and shell scripts cannot be part of an app)',
      ),
    ],
  ],
  [
    'a shell script',
    (f) => f.write('deploy.sh', 'echo hi\n'),
    [
      p(
        'zas.unsupported_mime_type_detected',
        'deploy.sh',
        'Unsupported MIME type detected in deploy.sh. (blocked type: sh; archives, documents, media and shell scripts cannot be part of an app)',
      ),
    ],
  ],
  [
    'a Windows executable',
    (f) => f.write('assets/tool.exe', 'not really'),
    [p('own.executable', 'assets/tool.exe', 'assets/tool.exe is an executable (.exe). Executables and binaries must not ship in an app.')],
  ],
  [
    'an ELF binary without extension',
    (f) => f.write('assets/tool', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])),
    [p('own.executable', 'assets/tool', 'assets/tool is an ELF executable. Executables and binaries must not ship in an app.')],
  ],
  [
    'a v1 app.js in an iframe app',
    (f) => f.write('app.js', '(function(){ return {}; }())'),
    [
      p(
        'zas.no_code_for_ifo_notemplate',
        'app.js',
        'Javascripts, stylesheets, and templates are not allowed when an iframe URI or noTemplate is specified. Move app.js under assets/ and load it from the iframe page.',
      ),
    ],
  ],
  [
    'a private IP in the bundle',
    (f) => f.write('assets/app-abc123.js', 'fetch("https://192.168.0.12/api")'),
    [
      p(
        'zas.blocked_request',
        'assets/app-abc123.js',
        'Possible request to a private ip 192.168.0.12 in assets/app-abc123.js. Expected no hard-coded private addresses.',
      ),
    ],
  ],
  [
    'a loopback address in the iframe page',
    (f) => f.write('assets/iframe.html', '<script src="http://127.0.0.1:4567/app.js"></script>'),
    [
      p(
        'zas.blocked_request',
        'assets/iframe.html',
        'Possible request to a loopback ip 127.0.0.1 in assets/iframe.html. Expected no hard-coded loopback addresses.',
      ),
    ],
  ],
  [
    'invalid requirements.json',
    (f) => f.write('requirements.json', '{'),
    [p('zas.requirements_not_json', 'requirements.json', `requirements.json is not proper JSON. ${parseError('{')}`)],
  ],
  [
    'a symlink',
    (f) => symlinkSync(join(f.dir, 'assets/iframe.html'), join(f.dir, 'assets/link.html')),
    [
      p(
        'zas.symlink_in_zip',
        'assets/link.html',
        'Symlinks are not allowed in the zip file. assets/link.html is a symlink; expected a regular file or directory.',
      ),
    ],
  ],
  [
    'a package over 2 MB zipped',
    (f) => f.write('assets/video-poster.webp', randomBytes(2 * 1024 * 1024 + 1)),
    [
      p(
        'docs.package_too_large',
        '.',
        expect.stringMatching(/^The package zips to (\d{7,}) bytes; Zendesk accepts at most 2097152 bytes \(2 MB\) for a private app\.$/),
      ),
    ],
  ],
]

/** Advice: the package stays valid, and these warnings are reported. */
const warningRows: Row[] = [
  [
    'tmp/ left in the package folder',
    (f) => f.write('tmp/old.zip', 'x'),
    [p('own.not_packaged', 'tmp/', 'tmp/ is not part of the package (tmp/, dot-files and zcli.apps.config.json are left out) and will not be uploaded.')],
  ],
  [
    'an unknown manifest field',
    manifest((m) => (m.customField = 1)),
    [p('own.unknown_manifest_key', 'manifest.json', expect.stringMatching(/^Unknown manifest field "customField"; ZAS ignores it\. Known fields: name, /))],
  ],
  [
    'a key-like setting that is not secure',
    addParam({ name: 'api_key', type: 'text' }),
    [
      p(
        'zas.insecure_token_parameter_in_manifest',
        'manifest.json',
        'parameters.api_key: Make sure to set secure to true when using keys in Settings. Learn more: https://developer.zendesk.com/apps/docs/developer-guide/using_sdk#using-secure-settings',
      ),
    ],
  ],
  [
    'a hidden setting with a default',
    addParam({ name: 'internal_id', type: 'hidden', default: 'x' }),
    [
      p(
        'zas.default_secure_or_hidden_parameter_in_manifest',
        'manifest.json',
        'parameters.internal_id: Default values for secure or hidden parameters are not stored securely. Be sure to review them and confirm they do not contain sensitive data',
      ),
    ],
  ],
  [
    'a secure setting without scopes',
    addParam({ name: 'api_secret', type: 'text', secure: true }),
    [
      p(
        'zas.secure_parameters_with_no_scopes_in_manifest',
        'manifest.json',
        'parameters.api_secret is secure but declares no scopes. Learn more: https://developer.zendesk.com/documentation/apps/getting-started/setting-up-new-apps/#scopes',
      ),
    ],
  ],
  [
    'a source map',
    (f) => f.write('assets/app-abc123.js.map', '{"version":3}'),
    [
      p(
        'own.source_map',
        'assets/app-abc123.js.map',
        "assets/app-abc123.js.map is a source map; ZAS accepts it but it ships the app's sources. Set build.sourcemap to false to leave it out.",
      ),
    ],
  ],
  [
    'an http:// request in the bundle',
    (f) => f.write('assets/app-abc123.js', 'fetch("http://api.partner.kr/status")'),
    [
      p(
        'zas.insecure_http_request',
        'assets/app-abc123.js',
        'Possible insecure HTTP request to http://api.partner.kr/status in assets/app-abc123.js. Consider using the HTTPS protocol instead.',
      ),
    ],
  ],
  [
    'an AWS key id in a text file',
    (f) => f.write('assets/notes.txt', `key: AKIA${'ABCDEFGHIJKLMNOP'}`),
    [
      p(
        'zas.application_secret',
        'assets/notes.txt',
        'Possible AWS Access Key ID found in assets/notes.txt. Consider reviewing the contents of this file before submitting your app.',
      ),
    ],
  ],
  [
    'an SVG with an embedded bitmap',
    (f) => f.write('assets/icon.svg', '<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,AAAA"/></svg>'),
    [
      p(
        'zas.bitmap_in_svg',
        'assets/icon.svg',
        'assets/icon.svg contains an embedded bitmap and cannot be used as an app icon. It has been replaced with a default placeholder icon.',
      ),
    ],
  ],
  [
    'an SVG with an event handler',
    (f) => f.write('assets/icon.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="go()"></svg>'),
    [p('zas.sanitised_svg', 'assets/icon.svg', 'The markup in assets/icon.svg has been edited for use in Zendesk and may not display as intended.')],
  ],
]

describe('validatePackage: warnings', () => {
  it.each(warningRows)('warns about %s', (_title, mutate, expected) => {
    mutate(fx)
    const report = inspectPackage(fx.dir)
    expect(report.problems).toEqual([])
    expect(report.warnings).toEqual(expected)
  })
})

/** A private upload accepts these; a Marketplace listing (`--marketplace`, or `"private": false`) does not. */
const marketplaceRows: Row[] = [
  [
    'an author without url',
    manifest((m) => delete (m.author as Json).url),
    [
      p(
        'docs.listing.author_url',
        'manifest.json',
        'author.url is missing. A Marketplace listing shows the author\'s name, support email and a URL about the author or the app ("Create content").',
      ),
    ],
  ],
  [
    'an English name over 40 characters',
    (f) => f.editJson('translations/en.json', (j) => (app(j).name = 'Kakao T Daeri non-member chat helper app!')),
    [p('docs.listing.name_length', 'translations/en.json', 'app.name is 41 characters; a Marketplace listing allows 40, spaces included ("Create content").')],
  ],
  [
    'an English short description over 80 characters (as description)',
    (f) =>
      f.editJson('translations/en.json', (j) => {
        delete app(j).short_description
        app(j).description = 'x'.repeat(81)
      }),
    [
      p(
        'docs.listing.short_description_length',
        'translations/en.json',
        'app.short_description is 81 characters; a Marketplace listing allows 80, spaces included ("Create content").',
      ),
    ],
  ],
  [
    'a product block whose name is too long',
    (f) =>
      f.editJson('translations/en.json', (j) => {
        app(j).support = { name: 'n'.repeat(45), short_description: 's', long_description: 'l', installation_instructions: 'i' }
      }),
    [
      p(
        'docs.listing.name_length',
        'translations/en.json',
        'app.support.name is 45 characters; a Marketplace listing allows 40, spaces included ("Create content").',
      ),
    ],
  ],
]

describe('validatePackage: the Marketplace profile', () => {
  it('accepts the fixture as a listing too', () => {
    expect(validatePackage(fx.dir, { marketplace: true })).toEqual([])
    expect(inspectPackage(fx.dir, { marketplace: true }).manifest?.private).toBe(false)
  })

  it.each(marketplaceRows)('reports %s, which a private upload accepts', (_title, mutate, expected) => {
    mutate(fx)
    expect(validatePackage(fx.dir)).toEqual([])
    expect(validatePackage(fx.dir, { marketplace: true })).toEqual(expected)
  })

  it('judges a manifest that says "private": false as a listing without being asked', () => {
    fx.editJson('manifest.json', (m) => {
      m.private = false
      delete (m.author as Json).url
    })
    expect(validatePackage(fx.dir).map((problem) => problem.rule)).toEqual(['docs.listing.author_url'])
  })

  it('leaves the files as they are (the profile judges a copy of the manifest)', () => {
    const before = fx.read('manifest.json')
    inspectPackage(fx.dir, { marketplace: true })
    expect(fx.read('manifest.json')).toEqual(before)
  })
})

describe('the rule tables', () => {
  const ids = RULES.map((rule) => rule.id)

  it('give every rule a unique id and a summary', () => {
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of RULES) expect(rule.summary.length, rule.id).toBeGreaterThan(10)
  })

  it('have a test case for every rule, and no case for a rule that does not exist', () => {
    const rows = [...manifestRows, ...locationRows, ...parameterRows, ...translationRows, ...fileRows, ...warningRows, ...marketplaceRows]
    const tested = new Set(rows.flatMap(([, , expected]) => expected.map((problem) => problem.rule)))
    expect(ids.filter((id) => !tested.has(id))).toEqual([])
    expect([...tested].filter((id) => !ids.includes(id))).toEqual([])
  })

  it('mark as warnings exactly the rules the warning cases expect', () => {
    const warned = new Set(warningRows.flatMap(([, , expected]) => expected.map((problem) => problem.rule)))
    expect(
      RULES.filter((rule) => rule.level === 'warning')
        .map((rule) => rule.id)
        .sort(),
    ).toEqual([...warned].sort())
  })
})

describe.each<[string, Row[]]>([
  ['manifest', manifestRows],
  ['location', locationRows],
  ['parameters', parameterRows],
  ['translations', translationRows],
  ['files and assets', fileRows],
])('validatePackage: %s rules', (_group, rows) => {
  it.each(rows)('reports %s', (_title, mutate, expected) => {
    expect(validatePackage(fx.dir)).toEqual([])
    mutate(fx)
    expect(validatePackage(fx.dir)).toEqual(expected)
  })
})

describe('the validate CLI (scripts/validate/cli.mjs)', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [VALIDATE, ...args], { encoding: 'utf8' })

  it('exits 0 with one OK line for a valid package', () => {
    const r = run(fx.dir)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^OK .*: Fixture App v0\.1\.0 \(frameworkVersion 2\.0\), 7 files, \d+ bytes, zip \d+ bytes, 0 warnings$/)
  })

  it('exits 1 and prints one line per problem', () => {
    fx.editJson('manifest.json', (m) => {
      m.version = '1.0'
      m.private = 'yes'
    })
    const r = run(fx.dir)
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      '✗ manifest.json: private must be a boolean value, got "yes". [zas.unacceptable_boolean]',
      '✗ manifest.json: version must be a semantic version (MAJOR.MINOR.PATCH, e.g. "1.0.0"), got "1.0". [own.version_semver]',
      `validate: ${fx.dir} is not a valid Zendesk app package (2 problems)`,
    ])
  })

  it('--marketplace judges the package as a listing', () => {
    const ok = run('--marketplace', fx.dir)
    expect(ok.status).toBe(0)
    expect(ok.stdout).toMatch(/^OK .* as a Marketplace listing: Fixture App v0\.1\.0 /)
    fx.editJson('manifest.json', (m) => delete (m.author as Json).url)
    expect(run(fx.dir).status).toBe(0)
    const listing = run(fx.dir, '--marketplace')
    expect(listing.status).toBe(1)
    expect(listing.stderr.trimEnd().split('\n')).toEqual([
      '✗ manifest.json: author.url is missing. A Marketplace listing shows the author\'s name, support email and a URL about the author or the app ("Create content"). [docs.listing.author_url]',
      `validate: ${fx.dir} is not a valid Zendesk app package as a Marketplace listing (1 problem)`,
    ])
  })

  it('exits 2 on an unknown option', () => {
    const r = run('--strict', fx.dir)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('usage: node scripts/validate/cli.mjs [--marketplace] [dir]')
  })

  it('exits 2 when the directory does not exist', () => {
    const r = run(join(fx.root, 'nope'))
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('is not a directory')
  })
})
