import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const read = (file: string) => JSON.parse(readFileSync(resolve(root, file), 'utf8')) as Record<string, unknown>

it('the zcli config example sets every manifest parameter, so `npm run dev` does not prompt', () => {
  const manifest = read('manifest.json') as { parameters: { name: string }[] }
  const example = read('zcli.apps.config.example.json') as { parameters: Record<string, unknown> }
  expect(Object.keys(example.parameters).sort()).toEqual(manifest.parameters.map((p) => p.name).sort())
})
