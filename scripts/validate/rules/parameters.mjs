// @ts-check
/** manifest.json `parameters`: the settings form (zas manifest.rb and manifest/parameter.rb, secure_settings.rb). */
import { parameterLabel as label } from '../context.mjs'
import { PARAMETER_NAME_PATTERN, PARAMETER_TYPES, RESERVED_PARAMETER_NAMES, SECURABLE_KEYWORDS } from '../data.mjs'
import { MANIFEST as F, manifestRule } from '../rule.mjs'
import { jsonType, plural, rubyTruthy, show } from '../util.mjs'

/** @type {import('../rule.mjs').Rule[]} */
export const rules = [
  manifestRule('zas.unacceptable_array', 'parameters is an array', (m, ctx, report) => {
    const { declared, isArray } = ctx.parameters()
    if (declared && !isArray) report(F, `The manifest field parameters needs to be an array, but it was ${jsonType(m.parameters)}`)
  }),
  manifestRule('own.parameter_object', 'each parameter is an object', (_m, ctx, report) => {
    for (const { index, value } of ctx.parameters().nonObjects) {
      report(F, `parameters[${index}] must be an object like {"name": "...", "type": "text"}, got ${show(value)}.`)
    }
  }),
  manifestRule('own.parameter_name', 'each parameter has an identifier-like name (it is a settings key)', (_m, ctx, report) => {
    for (const p of ctx.parameters().list) {
      if (typeof p.name !== 'string' || p.name === '') {
        report(F, `parameters[${p.index}].name is ${p.name === undefined ? 'missing' : `"${show(p.name)}"`}. Expected a non-empty string.`)
      } else if (!PARAMETER_NAME_PATTERN.test(p.name)) {
        report(F, `parameters[${p.index}].name "${p.name}" is not a valid setting name. Expected letters, digits and underscores, not starting with a digit.`)
      }
    }
  }),
  manifestRule('zas.duplicate_parameters', 'parameter names are unique', (_m, ctx, report) => {
    const names = ctx
      .parameters()
      .list.map((p) => p.name)
      .filter((n) => typeof n === 'string')
    const dups = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))]
    if (dups.length > 0) report(F, `Duplicate app parameters defined: ${dups.join(', ')}`)
  }),
  manifestRule('zas.invalid_hidden_parameter', 'a hidden parameter is not required', (_m, ctx, report) => {
    const hidden = ctx
      .parameters()
      .list.filter((p) => p.type === 'hidden' && rubyTruthy(p.required))
      .map(label)
    if (hidden.length > 0) report(F, `${hidden.join(', ')} ${plural(hidden.length, 'is', 'are')} set to hidden and cannot be required.`)
  }),
  manifestRule('zas.invalid_type_parameter', `each parameter type is one of ${PARAMETER_TYPES.join(', ')}`, (_m, ctx, report) => {
    const bad = ctx.parameters().list.filter((p) => typeof p.type !== 'string' || !PARAMETER_TYPES.includes(p.type))
    if (bad.length > 0) {
      report(
        F,
        `${bad.map((p) => show(p.type)).join(', ')} ${plural(bad.length, 'is an invalid parameter type', 'are invalid parameter types')}. (parameters: ${bad.map(label).join(', ')}; expected one of: ${PARAMETER_TYPES.join(', ')})`,
      )
    }
  }),
  // Kept (both oauth-parameter rules): see zas.oauth_keys.missing.
  manifestRule('zas.too_many_oauth_parameters', 'at most one oauth parameter', (_m, ctx, report) => {
    if (ctx.parameters().list.filter((p) => p.type === 'oauth').length > 1) report(F, "Too many parameters with type 'oauth': one permitted")
  }),
  manifestRule('zas.oauth_parameter_cannot_be_secure', 'an oauth parameter is not secure', (_m, ctx, report) => {
    if (ctx.parameters().list.some((p) => p.type === 'oauth' && rubyTruthy(p.secure))) report(F, 'oauth parameter cannot be set to be secure.')
  }),
  manifestRule('zas.name_as_parameter_name', 'no parameter called name', (_m, ctx, report) => {
    if (ctx.parameters().list.some((p) => p.name === 'name')) report(F, "Can't call a parameter 'name'")
  }),
  manifestRule('own.reserved_parameter_name', 'no parameter called title (ZAS sets settings.title to the app name)', (_m, ctx, report) => {
    for (const p of ctx.parameters().list) {
      if (typeof p.name === 'string' && RESERVED_PARAMETER_NAMES.includes(p.name) && p.name !== 'name') {
        report(F, `Can't call a parameter '${p.name}': ZAS sets settings.${p.name} itself. Reserved names: ${RESERVED_PARAMETER_NAMES.join(', ')}.`)
      }
    }
  }),
  manifestRule('own.parameter_default_type', "a parameter's default fits its type", (_m, ctx, report) => {
    for (const p of ctx.parameters().list) {
      if (!p.hasDefault || p.default === null) continue
      /** @type {string | null} */
      let expected = null
      if (p.type === 'checkbox' && typeof p.default !== 'boolean') expected = 'true or false'
      else if (p.type === 'number' && (typeof p.default !== 'number' || !Number.isFinite(p.default))) expected = 'a number'
      else if (['text', 'url', 'multiline', 'hidden'].includes(String(p.type)) && typeof p.default !== 'string') expected = 'a string'
      if (expected)
        report(F, `parameters.${label(p)}.default is ${JSON.stringify(p.default)}, which does not fit type "${show(p.type)}". Expected ${expected}.`)
    }
  }),
  // Kept (the three secure-setting warnings): no setting is secure today; a token setting would be.
  manifestRule(
    'zas.insecure_token_parameter_in_manifest',
    'warns when a setting named like a token or key is not secure',
    (_m, ctx, report) => {
      for (const p of ctx.parameters().list) {
        if (typeof p.name === 'string' && SECURABLE_KEYWORDS.test(p.name) && p.type === 'text' && !rubyTruthy(p.secure)) {
          report(
            F,
            `parameters.${p.name}: Make sure to set secure to true when using keys in Settings. Learn more: https://developer.zendesk.com/apps/docs/developer-guide/using_sdk#using-secure-settings`,
          )
        }
      }
    },
    { level: 'warning' },
  ),
  manifestRule(
    'zas.default_secure_or_hidden_parameter_in_manifest',
    'warns that defaults of secure or hidden settings are not stored securely',
    (_m, ctx, report) => {
      for (const p of ctx.parameters().list) {
        if (p.hasDefault && (rubyTruthy(p.secure) || p.type === 'hidden')) {
          report(
            F,
            `parameters.${label(p)}: Default values for secure or hidden parameters are not stored securely. Be sure to review them and confirm they do not contain sensitive data`,
          )
        }
      }
    },
    { level: 'warning' },
  ),
  manifestRule(
    'zas.secure_parameters_with_no_scopes_in_manifest',
    'warns about a secure setting without scopes',
    (_m, ctx, report) => {
      for (const p of ctx.parameters().list) {
        if (rubyTruthy(p.secure) && !(Array.isArray(p.scopes) && p.scopes.length > 0)) {
          report(
            F,
            `parameters.${label(p)} is secure but declares no scopes. Learn more: https://developer.zendesk.com/documentation/apps/getting-started/setting-up-new-apps/#scopes`,
          )
        }
      }
    },
    { level: 'warning' },
  ),
]
