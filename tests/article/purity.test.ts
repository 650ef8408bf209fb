import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const dir = resolve(import.meta.dirname, '../../src/article')
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => [f, readFileSync(resolve(dir, f), 'utf8')] as const)
// Code without comments and string literals, for the usage checks.
const code = (src: string) =>
  src
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''")

describe('src/article is pure (its own chunk, and the owner’s CLI in Node)', () => {
  it('has its modules', () => {
    expect(sources.map(([f]) => f)).toEqual(expect.arrayContaining(['compare.ts', 'html.ts', 'index.ts', 'locate.ts', 'report.ts']))
  })

  it.each(sources)('%s imports values only from src/article, types only from src/procedure (report.ts: its texts too)', (file, src) => {
    for (const [, typeOnly, specifier] of src.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      if (specifier?.startsWith('./')) continue
      expect(specifier, `${file}: ${specifier}`).toMatch(/^\.\.\/procedure(?:\/[a-z-]+)?$/)
      if (file !== 'report.ts') expect(typeOnly, `${file}: ${specifier}`).toBeDefined()
    }
    expect(src).not.toMatch(/\bimport\s*\(|\brequire\s*\(/)
  })

  it.each(sources)('%s uses no SDK, preact, DOM, network, storage or clock', (_f, src) => {
    const c = code(src)
    for (const banned of [
      /preact/i,
      /zendesk|ZAFClient/i,
      /\bfetch\b/,
      /\bwindow\b/,
      /\bdocument\b/,
      /DOMParser|innerHTML|XMLHttpRequest/,
      /localStorage|sessionStorage/,
      /Date\.now|new Date/,
      /\bprocess\./,
      /\bconsole\./,
    ]) {
      expect(c).not.toMatch(banned)
    }
  })

  it('index.ts, what the sidebar’s chunk loads, leaves the CLI’s report out', () => {
    const index = sources.find(([f]) => f === 'index.ts')?.[1] ?? ''
    expect(index).not.toMatch(/from '\.\/report'/)
  })
})
