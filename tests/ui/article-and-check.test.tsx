// @vitest-environment happy-dom
/**
 * The article's notes on the step cards and the admin's settings check, end to end through the
 * Zendesk boundary (tests/support/sidebar-harness.tsx: the shared fixture API answers the Help
 * Center, user-field and macro reads).
 */
import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { articleText } from '../../src/procedure'
import { editorHtml } from '../../src/zendesk/editor-html'
import { CHANGED_SENTENCE } from '../../dev/zendesk-host/fixtures/articles'
import { MACROS, PROCEDURE_ARTICLE_ID } from '../../dev/zendesk-host/fixtures/fixtures'
import { zendeskApi } from '../../dev/zendesk-host/fixtures/handlers'
import { branchShown, findAction, inserts, open, requests, useSidebarApi } from '../support/sidebar-harness'

useSidebarApi()
// The article is cached across frames in localStorage: each test starts without it.
afterEach(() => localStorage.clear())

const ARTICLE = { procedure_article_id: String(PROCEDURE_ARTICLE_ID) }
const CHANGED_NOTICE = articleText('nonmember_notice').replace(CHANGED_SENTENCE.from, CHANGED_SENTENCE.to)
const articleReads = (client: Parameters<typeof requests>[0]) => requests(client).filter((r) => r.includes('/help_center/'))
const notices = () => [...document.querySelectorAll('[data-testid="article-notice"]')]

describe('the step cards against the article', () => {
  it('an unchanged article: no note on any step', async () => {
    const { client } = open('nonmember-account', ARTICLE)
    await branchShown()
    await waitFor(() => expect(articleReads(client)).toHaveLength(1))
    // Let the comparison land.
    await new Promise((done) => setTimeout(done, 20))
    expect(document.querySelectorAll('[data-testid="step"]').length).toBeGreaterThan(1)
    expect(notices()).toEqual([])
    expect(screen.queryByTestId('article-unreadable')).toBeNull()
  })

  it('one sentence changed: “도움말 문서와 다름” on that step only, with the article’s wording', async () => {
    zendeskApi.state.article = 'changed'
    open('nonmember-account', ARTICLE)
    await branchShown()
    await waitFor(() => expect(notices()).toHaveLength(1))
    const card = document.querySelector('[data-step="nonmember_notice"]')!
    expect(card.querySelector('[data-testid="article-notice"]')?.getAttribute('data-status')).toBe('differs')
    expect(card.textContent).toContain('도움말 문서와 다름')
    expect(card.textContent).toContain('문서의 현재 문구')
    expect(card.querySelector('[data-testid="article-wording"]')?.textContent).toBe(CHANGED_NOTICE)
  })

  it('in English, the note is in English', async () => {
    zendeskApi.state.article = 'changed'
    open('nonmember-account', ARTICLE, { prepare: (client) => void (client.data['currentUser.locale'] = 'en-US') })
    await waitFor(() => expect(notices()).toHaveLength(1))
    expect(notices()[0]!.textContent).toContain('Differs from the article')
  })

  it('texts_source=article: Insert sends the article’s wording and the step says whose wording it is', async () => {
    zendeskApi.state.article = 'changed'
    const { client } = open('nonmember-account', { ...ARTICLE, texts_source: 'article' })
    await branchShown()
    const sent = await waitFor(() => {
      const found = document.querySelector('[data-step="nonmember_notice"] [data-testid="article-sent"]')
      if (!found) throw new Error('not compared yet')
      return found
    })
    expect(sent.getAttribute('data-source')).toBe('article')
    expect(sent.textContent).toBe('문서 문구로 보냄')
    // The preview is what Insert sends; the wording is not shown twice.
    expect(document.querySelector('[data-step="nonmember_notice"] .preview')?.textContent).toBe(CHANGED_NOTICE)
    expect(document.querySelector('[data-testid="article-wording"]')).toBeNull()
    fireEvent.click(document.querySelector('[data-step="nonmember_notice"] [data-action="insert"]')!)
    await waitFor(() => expect(inserts(client)).toEqual([editorHtml(CHANGED_NOTICE)]))
  })

  it('a step with a macro sends the macro: it says nothing of whose wording', async () => {
    zendeskApi.state.article = 'changed'
    open('nonmember-account', { ...ARTICLE, texts_source: 'article', step_macros: JSON.stringify({ nonmember_notice: MACROS.nonmemberNotice.id }) })
    await waitFor(() => expect(document.querySelector('[data-step="verification_steps_app"] [data-testid="article-sent"]')).not.toBeNull())
    const card = document.querySelector('[data-step="nonmember_notice"]')!
    expect(card.querySelector('[data-testid="article-sent"]')).toBeNull()
    expect(card.textContent).toContain('도움말 문서와 다름')
  })

  it('an article that cannot be read: one quiet note, the built-in texts, Insert works', async () => {
    zendeskApi.state.article = 'missing'
    const { client } = open('nonmember-account', { ...ARTICLE, texts_source: 'article' })
    await branchShown()
    expect((await screen.findByTestId('article-unreadable')).textContent).toBe('도움말 문서를 읽지 못했습니다')
    expect(notices()).toEqual([])
    expect(screen.queryByTestId('notice')).toBeNull()
    fireEvent.click(document.querySelector('[data-step="nonmember_notice"] [data-action="insert"]')!)
    await waitFor(() => expect(inserts(client)).toEqual([editorHtml(articleText('nonmember_notice'))]))
  })

  it('a member’s ticket has no texts: the article is not read', async () => {
    const { client } = open('member', ARTICLE)
    await screen.findByTestId('not-applicable')
    await new Promise((done) => setTimeout(done, 20))
    expect(articleReads(client)).toEqual([])
  })
})

// The check's chunk is compiled on its first import under vitest: slow on a loaded machine.
describe('Check settings', { timeout: 30_000 }, () => {
  const asAdmin = { prepare: (client: { data: Record<string, unknown> }) => void (client.data['currentUser.role'] = 'admin') }

  it('an admin runs it: one line per check, each failure naming the setting and the id', async () => {
    zendeskApi.state.article = 'changed'
    const macros = JSON.stringify({ nonmember_notice: MACROS.retiredNotice.id, kakaotalk_relogin: 990404 })
    const { client } = open('nonmember-account', { ...ARTICLE, step_macros: macros, member_values: 'member, verified' }, asAdmin)
    const check = await findAction('check-settings')
    expect(check.textContent).toBe('설정 점검')
    fireEvent.click(check)
    const lines = await waitFor(
      () => {
        const found = [...document.querySelectorAll('[data-testid="check-line"]')]
        if (!found.length) throw new Error('not run yet')
        return found.map((line) => [line.getAttribute('data-status'), line.textContent])
      },
      { timeout: 20_000 },
    )
    expect(lines.filter(([status]) => status === 'fail').map(([, text]) => text)).toEqual([
      '✗ member_values: “verified”는 사용자 필드 “driver_status”의 옵션이 아닙니다 (옵션: member, non_member).',
      `✗ step_macros nonmember_notice → ${MACROS.retiredNotice.id}: 매크로 “${MACROS.retiredNotice.title}”가 비활성입니다.`,
      '✗ step_macros kakaotalk_relogin → 990404: 이 ID의 매크로가 없습니다.',
    ])
    expect(lines.at(-1)).toEqual(['ok', `✓ procedure_article_id ${PROCEDURE_ARTICLE_ID}: 읽었습니다. 답변 문구 7개 중 7개를 찾았고 1개가 다릅니다.`])
    // The article was read once for the frame: the cards and the check share it.
    expect(articleReads(client)).toHaveLength(1)
    expect(requests(client)).toContain('GET /api/v2/user_fields.json')
  })

  it('an agent never sees it', async () => {
    open('nonmember-account', ARTICLE)
    await branchShown()
    await waitFor(() => expect(notices()).toEqual([]))
    await new Promise((done) => setTimeout(done, 20))
    expect(document.querySelector('[data-action="check-settings"]')).toBeNull()
  })

  it('an admin sees it on a ticket without a requester too', async () => {
    open('no-requester', {}, asAdmin)
    expect((await findAction('check-settings')).textContent).toBe('설정 점검')
  })
})
