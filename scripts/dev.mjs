// @ts-check
// `npm run dev`: serve the built app with zcli for a real Zendesk account (?zcli_apps=true).
// zcli reads the installation's settings from zcli.apps.config.json in the served folder and
// prompts for any it misses; we copy the developer's own file (or the example) into dist/.
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const own = resolve(root, 'zcli.apps.config.json')
const config = existsSync(own) ? own : resolve(root, 'zcli.apps.config.example.json')
copyFileSync(config, resolve(root, 'dist', 'zcli.apps.config.json'))
console.log(`settings from ${config === own ? 'zcli.apps.config.json' : 'zcli.apps.config.example.json'}`)

const zcli = spawn('npx', ['zcli', 'apps:server', 'dist', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
zcli.on('exit', (code) => process.exit(code ?? 1))
