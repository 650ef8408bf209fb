import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ARTICLE_CONSULTATION,
  ARTICLE_QUESTIONS,
  ARTICLE_RULES,
  ARTICLE_TEXTS,
  ARTICLE_TITLE,
  articleText,
  BRANCH_RULES,
  BRANCHES,
  EMPATHY_KINDS,
  formatConsultationPath,
  verificationOnlyPath,
  agentPicksPath,
} from '../../src/procedure'

// The fixture is a verbatim copy of the source article; the project never reads ../shared.
const raw = readFileSync(resolve(import.meta.dirname, '../fixtures/article.txt'), 'utf8')

/** Undo only the article's markdown: trailing spaces (hard breaks), backslash escapes, bold markers. */
function normaliseMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .replace(/\*\*/g, '')
}

const article = normaliseMarkdown(raw)
// For agent-facing labels only (not reply texts): the article writes some spaces as no-break spaces.
const articleLoose = article.replace(/\u00a0/g, ' ')

describe('the fixture is the source article', () => {
  it('starts with the article title', () => {
    expect(raw.split('\n')[0]).toBe(`# ${ARTICLE_TITLE}`)
  })
  it('still has its markdown (it is a verbatim copy, not a cleaned one)', () => {
    expect(raw).toContain('대리\\_기사')
    expect(raw).toMatch(/ {2}\n/)
  })
})

describe.each(ARTICLE_TEXTS.map((t) => [t.id, t] as const))('reply text %s', (_id, t) => {
  it('is found word for word in the article', () => {
    expect(article).toContain(t.text)
  })
  it('is a whole block: starts and ends at a line boundary', () => {
    const at = article.indexOf(t.text)
    expect(at).toBeGreaterThan(0)
    expect(article[at - 1]).toBe('\n')
    expect(article[at + t.text.length]).toBe('\n')
  })
  it('is followed in the article by a blank line, a fence or the end of a block (nothing cut off)', () => {
    const at = article.indexOf(t.text) + t.text.length
    const next = article.slice(at + 1).split('\n')[0]
    expect(['', '```']).toContain(next)
  })
  it('has no markdown left: no trailing spaces, no escapes, no bold, no CR', () => {
    for (const line of t.text.split('\n')) expect(line).toBe(line.replace(/\s+$/u, ''))
    expect(t.text).not.toMatch(/\\[_*[\]]|\*\*|\r/)
  })
  it('sits under its heading, in its section', () => {
    const at = article.indexOf(t.text)
    const headingAt = articleLoose.lastIndexOf(t.heading, at)
    expect(headingAt).toBeGreaterThanOrEqual(0)
    const q2At = article.indexOf('Q2.')
    expect(t.section === 'Q2' ? at > q2At : at < q2At).toBe(true)
  })
  it('is what articleText returns for its id', () => {
    expect(articleText(t.id)).toBe(t.text)
  })
})

describe('article order and completeness', () => {
  it('stores the texts in the order the article gives them', () => {
    const positions = ARTICLE_TEXTS.map((t) => article.indexOf(t.text))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
  })
  it('keeps the article’s no-break space in "\'인증\'  또는" exactly', () => {
    expect(articleText('verification_steps_chat')).toContain("'인증'\u00a0 또는")
  })
  it('keeps the two verification guides distinct (Q1 quotes 본인인증, Q2 does not)', () => {
    expect(articleText('verification_steps_app').split('\n')[0]).toBe("카카오 T 대리기사 '본인인증' 방법을 안내해 드릴게요.")
    expect(articleText('verification_steps_chat').split('\n')[0]).toBe('카카오 T 대리기사 본인인증 방법을 안내해 드릴게요.')
  })
  it('covers every customer-facing line of the two answer (A2) sections', () => {
    // In the raw article, headings and rules are bold, notes are fenced with ※, separators are
    // rules of ─ or -; every other line of an answer section is reply text and must be stored.
    const rawLines = raw.split('\n')
    const answerLines: string[] = []
    let inAnswer = false
    for (const line of rawLines) {
      if (line.startsWith('**A2.**')) inAnswer = true
      else if (line.startsWith('─') || line.startsWith('####')) inAnswer = false
      else if (inAnswer) answerLines.push(line)
    }
    const replyLines = answerLines
      .map((l) => normaliseMarkdown(l))
      .filter((l) => l !== '' && !/^(?:-+|```|※)/.test(l) && !/^\*\*/.test(rawLines.find((r) => normaliseMarkdown(r) === l) ?? ''))
      .filter((l) => l !== ARTICLE_RULES.contactHowtoLabel)
    const storedLines = new Set(ARTICLE_TEXTS.flatMap((t) => t.text.split('\n')))
    expect(replyLines.length).toBeGreaterThan(15)
    for (const line of replyLines) expect(storedLines, line).toContain(line)
    for (const line of storedLines) if (line !== '') expect(replyLines).toContain(line)
  })
  it('detects a one-character change (the comparison can fail)', () => {
    const t = articleText('nonmember_notice')
    expect(article).not.toContain(t.replace('신속하게', '신속히'))
    expect(article).not.toContain(t.replace('번거로우시겠지만,', '번거로우시겠지만'))
  })
})

describe('rules, headings and consultation labels come from the article', () => {
  it.each(Object.entries(ARTICLE_RULES))('rule %s', (_k, text) => {
    expect(articleLoose).toContain(text)
  })
  it.each(Object.entries(ARTICLE_QUESTIONS))('question %s heading', (q, text) => {
    expect(article).toContain(`${q}. ${text}`)
  })
  it.each(Object.entries(ARTICLE_CONSULTATION))('consultation label %s', (_k, text) => {
    expect(articleLoose).toContain(text)
  })
  it('formats the fixed path exactly as the article writes it', () => {
    expect(articleLoose).toContain(`${ARTICLE_CONSULTATION.verificationOnlyLabel} ${formatConsultationPath(verificationOnlyPath())}`)
  })
  it('formats the agent-picks path exactly as the article writes it', () => {
    expect(articleLoose).toContain(`${ARTICLE_CONSULTATION.contentKnownLabel} ${formatConsultationPath(agentPicksPath())}`)
    expect(articleLoose).toContain(`상담유형 : ${formatConsultationPath(agentPicksPath())}`)
  })
  it('names the four empathy kinds in the article’s order', () => {
    expect(articleLoose).toContain(`감성표현 활용 필요 (${EMPATHY_KINDS.join(', ')})`)
  })
  it.each(BRANCHES.map((b) => [b.number, b] as const))('branch %i rule text is in the article', (_n, b) => {
    expect(articleLoose).toContain(BRANCH_RULES[b.id])
  })
})
