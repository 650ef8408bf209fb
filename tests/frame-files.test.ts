import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { frameEstimate, frameFiles, gzipBytes } from '../scripts/lib/frame-files.mjs'

/** A build's assets folder, as vite lays it out (scripts minified the way rolldown writes them). */
function assets(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'frame-files-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  folders.push(dir)
  return dir
}
const folders: string[] = []
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const BUILD = {
  'iframe.html':
    '<script src="https://static.zdassets.com/zaf_sdk.min.js"></script><script type="module" crossorigin src="./app-A1.js"></script><link rel="stylesheet" crossorigin href="./app-B2.css">',
  'app-A1.js': 'import{t as e}from"./chunk-shared-C3.js";var n=()=>import(`./chunk-article-D4.js`);new URL(`ui-ko-E5.json`,import.meta.url);',
  'chunk-shared-C3.js': 'export const t=1;',
  'chunk-article-D4.js': 'import"./chunk-diff-F6.js";export const a=2;',
  'chunk-diff-F6.js': 'export const d=3;',
  'chunk-article-G7.css': '.article{color:red}',
  'app-B2.css': 'main{margin:0}',
  'ui-ko-E5.json': '["적용","되돌리기"]',
  'ui-ko-rare-H8.json': '{"failTimeout":"Zendesk가 응답하지 않았습니다."}',
  'ui-en-I9.json': '["Apply","Undo"]',
  'ui-en-rare-J0.json': '{"failTimeout":"Zendesk did not answer."}',
  'logo.png': 'not counted',
}

describe('what a frame loads, read from the build', () => {
  it('every frame: the page’s script and stylesheet and what the script imports statically', () => {
    const files = frameFiles(assets(BUILD))
    const role = (name: string) => files.find((file) => file.name === name)?.role
    expect(files.filter((file) => file.role === 'static').map((file) => file.name)).toEqual(['app-A1.js', 'app-B2.css', 'chunk-shared-C3.js'])
    expect(role('iframe.html')).toBe('page')
    expect(files.some((file) => file.name === 'logo.png')).toBe(false)
  })

  it('lazy: a chunk reached by import(), what it imports, and a stylesheet the page does not name', () => {
    const files = frameFiles(assets(BUILD))
    const lazy = files.filter((file) => file.role === 'lazy')
    expect(lazy.map((file) => file.name)).toEqual(['chunk-article-D4.js', 'chunk-article-G7.css', 'chunk-diff-F6.js'])
    expect(lazy.find((file) => file.name === 'chunk-article-D4.js')?.importedBy).toEqual(['app-A1.js'])
    expect(lazy.find((file) => file.name === 'chunk-diff-F6.js')?.importedBy).toEqual(['chunk-article-D4.js'])
  })

  it('texts: a language’s core file (an array) and its rare file (an object), told apart by content', () => {
    const files = frameFiles(assets({ ...BUILD, 'ui-ko-rare-E5.json': '["a core file whose hash starts with rare-"]' }))
    const texts = files.filter((file) => file.language).map((file) => [file.name, file.language, file.role])
    expect(texts).toEqual([
      ['ui-en-I9.json', 'en', 'core'],
      ['ui-en-rare-J0.json', 'en', 'rare'],
      ['ui-ko-E5.json', 'ko', 'core'],
      ['ui-ko-rare-E5.json', 'ko', 'core'],
      ['ui-ko-rare-H8.json', 'ko', 'rare'],
    ])
  })

  it('estimates a frame of one language: at least the static files and its core texts, at most also its rare texts and every lazy chunk', () => {
    const files = frameFiles(assets(BUILD))
    const gz = (name: keyof typeof BUILD) => gzipBytes(BUILD[name])
    const korean = frameEstimate(files, 'ko')
    const base = gz('app-A1.js') + gz('app-B2.css') + gz('chunk-shared-C3.js')
    expect(korean.gzip).toBe(base + gz('ui-ko-E5.json'))
    expect(korean.withRare).toBe(korean.gzip + gz('ui-ko-rare-H8.json'))
    expect(korean.atMost).toBe(korean.withRare + gz('chunk-article-D4.js') + gz('chunk-article-G7.css') + gz('chunk-diff-F6.js'))
    expect(frameEstimate(files, 'en').gzip).toBe(base + gz('ui-en-I9.json'))
  })
})
