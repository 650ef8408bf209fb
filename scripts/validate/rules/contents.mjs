// @ts-check
/** What the files hold: types ZAS refuses, code that must not ship, requests, secrets, SVG markup. */
import { basename } from 'node:path'
import { EXECUTABLE_EXTENSIONS, SECRET_PATTERNS, UNSUPPORTED_MIME_TYPES } from '../data.mjs'
import { blockedIpType, executableMagic, extensionOf, isIframeOnly, magicSubtype } from '../util.mjs'

/** @typedef {import('../context.mjs').Context} Context */
/** @param {Context} ctx @param {string[]} extensions */
const filesWith = (ctx, extensions) => ctx.files.filter((f) => extensions.includes(extensionOf(f)))
/** @param {Context} ctx @param {string} f */
const blockedTypes = (ctx, f) => {
  const found = [extensionOf(f), magicSubtype(ctx.read(f))].filter((t) => t !== null && t !== '' && UNSUPPORTED_MIME_TYPES.includes(t))
  return [...new Set(found)]
}
const PAGE_CODE = ['js', 'mjs', 'html', 'htm']
const IPV4 = /\b(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\b/g

/** @type {import('../rule.mjs').Rule[]} */
export const rules = [
  {
    id: 'zas.no_code_for_ifo_notemplate',
    summary: 'no ZAF v1 code (app.js, app.css, lib/*.js, templates/*.hdbs) in a framework 2 app (source.rb)',
    check(ctx, report) {
      if (!ctx.manifest || !isIframeOnly(ctx.manifest.frameworkVersion)) return
      for (const f of ctx.files.filter(
        (f) => f === 'app.js' || f === 'app.css' || (f.startsWith('lib/') && f.endsWith('.js')) || /^templates\/.*\.hdbs$/.test(f),
      )) {
        report(
          f,
          `Javascripts, stylesheets, and templates are not allowed when an iframe URI or noTemplate is specified. Move ${f} under assets/ and load it from the iframe page.`,
        )
      }
    },
  },
  // Kept: no requirements.json today; one could create the 상담유형 field when the app is installed.
  {
    id: 'zas.requirements_not_json',
    summary: 'requirements.json, when there, parses as JSON (requirements.rb)',
    check(ctx, report) {
      if (!ctx.fileSet.has('requirements.json')) return
      try {
        JSON.parse(ctx.text('requirements.json'))
      } catch (e) {
        report('requirements.json', `requirements.json is not proper JSON. ${/** @type {Error} */ (e).message}`)
      }
    },
  },
  {
    id: 'zas.unsupported_mime_type_detected',
    summary: 'no archives, documents, media or shell scripts, by extension or by content (mime.rb)',
    check(ctx, report) {
      for (const f of ctx.files) {
        const blocked = blockedTypes(ctx, f)
        if (blocked.length > 0) {
          report(
            f,
            `Unsupported MIME type detected in ${f}. (blocked type: ${blocked.join(', ')}; archives, documents, media and shell scripts cannot be part of an app)`,
          )
        }
      }
    },
  },
  {
    id: 'own.executable',
    summary: 'no executables or binaries, by extension or by ELF/MZ/Mach-O/wasm magic',
    check(ctx, report) {
      for (const f of ctx.files) {
        if (blockedTypes(ctx, f).length > 0) continue // already refused by type
        const ext = extensionOf(f)
        const magic = executableMagic(ctx.read(f))
        if (EXECUTABLE_EXTENSIONS.includes(ext) || magic)
          report(f, `${f} is ${magic ?? `an executable (.${ext})`}. Executables and binaries must not ship in an app.`)
      }
    },
  },
  {
    id: 'own.no_msw',
    summary: "msw's worker and code that registers it never ship (the tests' mocks)",
    check(ctx, report) {
      for (const f of ctx.files) {
        const ext = extensionOf(f)
        if (basename(f) === 'mockServiceWorker.js') {
          report(f, `${f} is the msw (Mock Service Worker) script. Test mocks must not ship; remove it from the build output.`)
        } else if ((ext === 'js' || ext === 'mjs' || ext === 'html') && ctx.read(f).includes('mockServiceWorker.js')) {
          report(f, `${f} references mockServiceWorker.js, so msw is bundled into the app. Test mocks must not ship; keep msw imports out of src/.`)
        }
      }
    },
  },
  {
    id: 'own.source_map',
    summary: 'warns about source maps (accepted by ZAS, but they ship the sources)',
    level: 'warning',
    check(ctx, report) {
      for (const f of filesWith(ctx, ['map'])) {
        report(f, `${f} is a source map; ZAS accepts it but it ships the app's sources. Set build.sourcemap to false to leave it out.`)
      }
    },
  },
  {
    id: 'zas.blocked_request',
    summary: 'no private, loopback or link-local IPv4 address in JS or HTML (requests.rb)',
    check(ctx, report) {
      for (const f of filesWith(ctx, PAGE_CODE)) {
        for (const ip of new Set(ctx.text(f).match(IPV4) ?? [])) {
          const type = blockedIpType(ip)
          if (type) report(f, `Possible request to a ${type} ip ${ip} in ${f}. Expected no hard-coded ${type} addresses.`)
        }
      }
    },
  },
  {
    id: 'zas.insecure_http_request',
    summary: 'warns about http:// URLs in JS or HTML (requests.rb; w3.org namespace names are never fetched)',
    level: 'warning',
    check(ctx, report) {
      for (const f of filesWith(ctx, PAGE_CODE)) {
        const urls = [...new Set(ctx.text(f).match(/\bhttp:\/\/[^\s"'`<>)\\]+/g) ?? [])].filter((u) => !/^http:\/\/www\.w3\.org\//.test(u))
        if (urls.length > 0) report(f, `Possible insecure HTTP request to ${urls.join(', ')} in ${f}. Consider using the HTTPS protocol instead.`)
      }
    },
  },
  {
    id: 'zas.application_secret',
    summary: 'warns about private keys and tokens in text files (secrets.rb, the unambiguous patterns)',
    level: 'warning',
    check(ctx, report) {
      for (const f of filesWith(ctx, ['js', 'mjs', 'html', 'htm', 'json', 'css', 'txt', 'md', 'svg'])) {
        const text = ctx.text(f)
        for (const [type, pattern] of SECRET_PATTERNS) {
          if (pattern.test(text)) report(f, `Possible ${type} found in ${f}. Consider reviewing the contents of this file before submitting your app.`)
        }
      }
    },
  },
  // Kept (both SVG warnings): no SVG ships today (assets/logo.svg, the logos' source, stays out of the build).
  {
    id: 'zas.bitmap_in_svg',
    summary: 'warns about an SVG with an embedded bitmap (svg.rb replaces it)',
    level: 'warning',
    check(ctx, report) {
      for (const f of filesWith(ctx, ['svg'])) {
        if (/<image\b/i.test(ctx.text(f)))
          report(f, `${f} contains an embedded bitmap and cannot be used as an app icon. It has been replaced with a default placeholder icon.`)
      }
    },
  },
  {
    id: 'zas.sanitised_svg',
    summary: 'warns about SVG markup ZAS rewrites (scripts, event handlers)',
    level: 'warning',
    check(ctx, report) {
      for (const f of filesWith(ctx, ['svg'])) {
        const text = ctx.text(f)
        if (!/<image\b/i.test(text) && /<script\b|\son[a-z]+\s*=|javascript:/i.test(text)) {
          report(f, `The markup in ${f} has been edited for use in Zendesk and may not display as intended.`)
        }
      }
    },
  },
]
