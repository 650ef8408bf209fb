import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const dir = resolve(import.meta.dirname, '../../src/procedure')
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))
const sources = files.map((f) => [f, readFileSync(resolve(dir, f), 'utf8')] as const)
// Code without comments and string literals, for the usage checks.
const code = (src: string) =>
  src
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''")

describe('src/procedure is pure', () => {
  it('has the expected modules', () => {
    expect(files).toEqual(
      expect.arrayContaining(['article.ts', 'branches.ts', 'decide.ts', 'intent.ts', 'empathy.ts', 'identity.ts', 'phone.ts', 'mask.ts', 'index.ts']),
    )
  })

  it.each(sources)('%s imports only from inside src/procedure', (_f, src) => {
    const specifiers = [...src.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '')
    for (const s of specifiers) expect(s).toMatch(/^\.\/[a-z-]+$/)
    expect(src).not.toMatch(/\bimport\s*\(/)
    expect(src).not.toMatch(/\brequire\s*\(/)
  })

  it.each(sources)('%s uses no SDK, preact, DOM, network or clock', (_f, src) => {
    const c = code(src)
    for (const banned of [/preact/i, /zendesk|ZAFClient|zafClient/, /\bfetch\b/, /\bwindow\b/, /\bdocument\b/, /XMLHttpRequest/, /localStorage|sessionStorage/, /Date\.now/, /Math\.random/, /\bprocess\./, /\bconsole\./]) {
      expect(c).not.toMatch(banned)
    }
  })

  it.each(sources)('%s only reads the clock as a default parameter ("today" comes from the caller)', (_f, src) => {
    const uses = code(src).split('\n').filter((l) => /new Date\(/.test(l))
    for (const line of uses) expect(line).toMatch(/today: Date = new Date\(\)/)
  })

  it.each(sources)('%s documents every export', (_f, src) => {
    const lines = src.split('\n')
    lines.forEach((line, i) => {
      if (!/^export (?:const|function|type (?!\{)|interface|class)\b/.test(line)) return
      let j = i - 1
      while (j >= 0 && (lines[j] ?? '').trim() === '') j--
      expect((lines[j] ?? '').trim(), `${_f}:${i + 1} ${line}`).toMatch(/\*\/$/)
    })
  })
})
