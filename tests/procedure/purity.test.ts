/**
 * What keeps src/procedure pure that a linter does not say. Its imports (only ./siblings, no
 * dynamic import), its globals (no SDK, DOM, network, storage, console, process) and the clock
 * (Date.now, Math.random, `new Date()` only as a default parameter) are lint rules
 * (eslint.config.mjs, `boundaries`; proved in tests/package/lint.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const dir = resolve(import.meta.dirname, '../../src/procedure')
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))
const sources = files.map((f) => [f, readFileSync(resolve(dir, f), 'utf8')] as const)

describe('src/procedure is pure', () => {
  it('has the expected modules', () => {
    expect(files).toEqual(
      expect.arrayContaining(['article.ts', 'branches.ts', 'decide.ts', 'intent.ts', 'empathy.ts', 'identity.ts', 'phone.ts', 'mask.ts', 'index.ts']),
    )
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
