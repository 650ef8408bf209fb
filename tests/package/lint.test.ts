/**
 * The import boundaries of eslint.config.mjs, run alone (they need no type information) on code
 * placed where it would be: each forbidden thing is reported, the allowed twin is not.
 */
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
import config, { boundaries } from '../../eslint.config.mjs'

const root = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, ...boundaries],
})

/** The rules that fire on `code` as the file `path`. */
async function broken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) })
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`)
}

describe('lint: src/procedure is pure', () => {
  it.each([
    ['preact', "import { h } from 'preact'\nexport const x = h"],
    ['a module outside the procedure', "import { parseSettings } from '../sidebar/settings'\nexport const x = parseSettings"],
    ['the Zendesk boundary', "export { connectToZendesk } from '../zendesk/ticket-host'"],
  ])('refuses an import of %s', async (_what, code) => {
    expect(await broken('src/procedure/new-rule.ts', code)).toEqual(['no-restricted-imports'])
  })

  it.each([
    ['window', 'export const w = window.innerWidth'],
    ['document', "export const d = document.querySelector('x')"],
    ['fetch', "export const f = () => fetch('/x')"],
    ['ZAFClient', 'export const z = ZAFClient.init()'],
    ['localStorage', "export const s = localStorage.getItem('x')"],
    ['console', "export const c = () => console.log('x')"],
    ['process', 'export const p = process.env'],
  ])('refuses the global %s', async (_what, code) => {
    expect(await broken('src/procedure/new-rule.ts', code)).toEqual(['no-restricted-globals'])
  })

  it.each([
    ['Date.now()', 'export const t = Date.now()', 'no-restricted-properties'],
    ['Math.random()', 'export const r = Math.random()', 'no-restricted-properties'],
    ['new Date() in a body', 'export function age() { return new Date().getFullYear() }', 'no-restricted-syntax'],
    ['a dynamic import', "export const m = () => import('./decide')", 'no-restricted-syntax'],
  ])('refuses %s', async (_what, code, rule) => {
    expect(await broken('src/procedure/new-rule.ts', code)).toEqual([rule])
  })

  it('allows its own modules, a parsed date, and the clock as a default parameter', async () => {
    const code = [
      "import { decide } from './decide'",
      "import type { Branch } from './branches'",
      "export { mask } from './mask'",
      'export function age(birth: string, today: Date = new Date()): number { return today.getFullYear() - new Date(birth).getFullYear() }',
      'export const use = (b: Branch) => decide',
    ].join('\n')
    expect(await broken('src/procedure/new-rule.ts', code.replace('new Date(birth)', 'Date.parse(birth) && today'))).toEqual([])
  })
})

describe('lint: only src/zendesk talks to Zendesk', () => {
  it.each([
    ['the SDK package', "import 'zendesk_app_framework_sdk'"],
    ['the SDK types', "import type { ZafClient } from '../zendesk/zaf'\nexport type C = ZafClient"],
    ['msw', "import { http } from 'msw'\nexport const h = http"],
    ['the local host', "import { startHost } from '../../dev/zendesk-host/server'\nexport const s = startHost"],
  ])('refuses an import of %s outside src/zendesk', async (_what, code) => {
    expect(await broken('src/sidebar/new-store.ts', code)).toEqual(['no-restricted-imports'])
  })

  it.each([
    ['fetch', "export const f = () => fetch('/api/v2/users/1.json')"],
    ['ZAFClient', 'export const c = ZAFClient.init()'],
    ['XMLHttpRequest', 'export const x = new XMLHttpRequest()'],
  ])('refuses the global %s outside src/zendesk', async (_what, code) => {
    expect(await broken('src/ui/NewPanel.tsx', code)).toEqual(['no-restricted-globals'])
  })

  it('refuses window.ZAFClient outside src/zendesk', async () => {
    expect(await broken('src/main.tsx', 'export const c = window.ZAFClient')).toEqual(['no-restricted-properties'])
  })

  it('allows the port (ticket-host, calls) outside, and everything inside src/zendesk', async () => {
    expect(
      await broken(
        'src/sidebar/new-store.ts',
        "import type { TicketHost } from '../zendesk/ticket-host'\nimport { ZendeskError } from '../zendesk/calls'\nexport type T = TicketHost\nexport const E = ZendeskError",
      ),
    ).toEqual([])
    expect(
      await broken(
        'src/zendesk/new-call.ts',
        "import type { ZafClient } from './zaf'\nexport type C = ZafClient\nexport const c = () => window.ZAFClient?.init()\nexport const f = () => fetch('/x')",
      ),
    ).toEqual([])
  })

  it("lets src/i18n/index.ts fetch the app's own language file, and nothing else there", async () => {
    expect(await broken('src/i18n/index.ts', 'export const load = (url: string) => fetch(url)')).toEqual([])
    expect(await broken('src/i18n/index.ts', 'export const c = ZAFClient.init()')).toEqual(['no-restricted-globals'])
  })
})

it('the project config carries the boundaries', () => {
  for (const block of boundaries) expect(config).toContain(block)
})
