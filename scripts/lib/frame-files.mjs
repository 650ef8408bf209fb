// @ts-check
/**
 * What a frame of the built app loads, read from dist/assets alone (the bench and `npm run
 * sizes` share it):
 *  - every frame: the scripts and stylesheets iframe.html names, and the scripts those import
 *    statically (`import … from "./x.js"`), transitively;
 *  - every frame of one language: its core texts, `ui-<lang>-<hash>.json` (a JSON array);
 *  - only the frames that need them: every other script or stylesheet (a lazy chunk, reached by
 *    `import("./x.js")`) and the rare texts, `ui-<lang>-rare-<hash>.json` (a JSON object).
 * Sizes are gzip -9, as Zendesk's CDN may serve them; the page itself is not counted.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** @param {string | Buffer} data */
export const gzipBytes = (data) => gzipSync(data, { level: 9 }).length

/**
 * @typedef {'static' | 'lazy' | 'core' | 'rare' | 'page'} FileRole
 * @typedef {{ name: string, raw: number, gzip: number, role: FileRole, language: string | null, importedBy: string[] }} AssetFile
 */

const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'`]\.\/([\w.-]+\.js)["'`]/g
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g
const PAGE_ASSET = /<(?:script\b[^>]*\bsrc|link\b[^>]*\bhref)=["']\.\/([\w.-]+\.(?:js|css))["']/g

/**
 * The files of a build's assets folder with their role for a frame.
 * @param {string} assets the folder (dist/assets)
 * @param {string} page the frame's page in it
 */
export function frameFiles(assets, page = 'iframe.html') {
  const names = readdirSync(assets)
    .filter((name) => /\.(js|css|html|json)$/.test(name))
    .sort()
  const text = (/** @type {string} */ name) => readFileSync(join(assets, name), 'utf8')
  /** @type {Map<string, string[]>} */
  const importedBy = new Map()
  /** @type {Set<string>} */
  const statics = new Set()
  const visit = (/** @type {string} */ name) => {
    if (statics.has(name) || !names.includes(name)) return
    statics.add(name)
    if (!name.endsWith('.js')) return
    const code = text(name)
    for (const [, imported] of code.matchAll(DYNAMIC_IMPORT)) importedBy.set(imported ?? '', [...(importedBy.get(imported ?? '') ?? []), name])
    for (const [, imported] of code.matchAll(STATIC_IMPORT)) visit(imported ?? '')
  }
  for (const [, name] of text(page).matchAll(PAGE_ASSET)) visit(name ?? '')
  // Lazy chunks may import further chunks (statically or not): who imports each, for the report.
  for (const name of names) {
    if (statics.has(name) || !name.endsWith('.js')) continue
    for (const [, imported] of text(name).matchAll(STATIC_IMPORT)) importedBy.set(imported ?? '', [...(importedBy.get(imported ?? '') ?? []), name])
  }
  return names.map((name) => {
    const data = readFileSync(join(assets, name))
    const language = /^ui-([a-z]+)-/.exec(name)?.[1] ?? null
    /** @type {FileRole} */
    let role = 'page'
    if (language) role = Array.isArray(JSON.parse(data.toString('utf8'))) ? 'core' : 'rare'
    else if (statics.has(name)) role = 'static'
    else if (/\.(js|css)$/.test(name)) role = 'lazy'
    return /** @type {AssetFile} */ ({ name, raw: data.length, gzip: gzipBytes(data), role, language, importedBy: importedBy.get(name) ?? [] })
  })
}

/**
 * What a frame of one language loads at least (static files + its core texts), and at most
 * (also its rare texts and every lazy chunk).
 * @param {AssetFile[]} files
 * @param {string} language
 */
export function frameEstimate(files, language) {
  const sum = (/** @type {AssetFile[]} */ list) => list.reduce((total, file) => total + file.gzip, 0)
  const every = files.filter((file) => file.role === 'static' || (file.role === 'core' && file.language === language))
  const rare = files.filter((file) => file.role === 'rare' && file.language === language)
  const lazy = files.filter((file) => file.role === 'lazy')
  return { language, files: every, gzip: sum(every), withRare: sum([...every, ...rare]), atMost: sum([...every, ...rare, ...lazy]) }
}
