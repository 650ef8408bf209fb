import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ARTICLE_TITLE } from '../../src/procedure'
import { ARTICLE_HTML, edit } from './support'

// The CLI as the owner runs it: a separate Node process that bundles src/article itself.
const root = resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'article-check-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function save(name: string, text: string): string {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

function run(args: string[], cwd = root, command = process.execPath, prefix = [join(root, 'scripts/article-check.mjs')]) {
  const { status, stdout, stderr } = spawnSync(command, [...prefix, ...args], { cwd, encoding: 'utf8', timeout: 60_000 })
  return { status, stdout, stderr }
}

// Each case spawns node (and one npm), which bundles the comparison first: seconds on a loaded machine.
describe('npm run article:check', { timeout: 60_000 }, () => {
  it('today’s article as HTML: seven steps same, exit 0', () => {
    const { status, stdout, stderr } = run([save('today.html', ARTICLE_HTML)])
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(stdout.match(/^same {7}/gm)).toHaveLength(7)
  })

  it('the API’s JSON with one sentence changed: exit 1, the step DIFFERS with its diff', () => {
    const body = edit(ARTICLE_HTML, '삭제하고 다시 설치하신 뒤', '재설치하신 뒤')
    const file = save('changed.json', JSON.stringify({ article: { id: 47791721113881, title: ARTICLE_TITLE, locale: 'ko', body } }))
    const { status, stdout } = run([file])
    expect(status).toBe(1)
    expect(stdout).toContain('(API JSON: id 47791721113881, locale "ko"')
    expect(stdout).toMatch(/^DIFFERS {4}kakaotalk_relogin /m)
    expect(stdout).toContain('    + 번거로우시겠지만, 카카오톡을 재설치하신 뒤, 기사 앱과 동일한 전화번호로 로그인 부탁드립니다.\n')
    expect(stdout.match(/^same {7}/gm)).toHaveLength(6)
  })

  it('through npm, with FILE relative to where the command was typed', () => {
    save('relative.html', ARTICLE_HTML.replace('<h2 id="h_01JX9GV612J69T7BQS9YDRSNS8">', '<h2>'))
    const { status, stdout } = run(['run', '--silent', '--prefix', root, 'article:check', '--', 'relative.html'], dir, 'npm', [])
    expect(status).toBe(0)
    expect(stdout).toContain('relative.html (HTML)')
  })

  it.each([
    [[], 'Usage: npm run article:check -- FILE'],
    [['no-such-file.html'], 'no-such-file.html: cannot read it (ENOENT)'],
    [['a.html', 'b.html'], 'Usage:'],
  ])('%j: exit 2 with a message on stderr', (args, message) => {
    const { status, stdout, stderr } = run(args, dir)
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(message)
  })

  it('a JSON file that is not an article: exit 2', () => {
    const { status, stderr } = run([save('other.json', '{"articles": []}')])
    expect(status).toBe(2)
    expect(stderr).toContain('the JSON has no article.body')
  })
})
