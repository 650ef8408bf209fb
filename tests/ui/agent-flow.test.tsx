// @vitest-environment happy-dom
/**
 * The agent's flow on screen (issue 13): decision and Apply first, checkboxes in their labels, a
 * refused resident registration number said beside its box, empathy phrases in full, the criteria
 * beside the identity form, re-inquiry evidence (and its loss) in the decision, branch 3's empathy
 * line before the checks, and the frame kept fitted when the sidebar is narrowed.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { faultResponse } from '../../dev/zendesk-host/fixtures/handlers'
import { DEFAULT_SETTINGS } from '../../dev/zendesk-host/fixtures/scenarios'
import { EMPATHY_PHRASES } from '../../src/procedure'
import { App } from '../../src/ui/App'
import { createTicketHost } from '../../src/zendesk/ticket-host'
import { editorHtml } from '../../src/zendesk/editor-html'
import { FakeZafClient } from '../support/fake-zaf'
import { branchShown, button, inserts, open, requests, sets, useSidebarApi, waitForApply } from '../support/sidebar-harness'

const server = useSidebarApi()

const whyShown = () => screen.getByTestId('why')

describe('the decision and the action first', () => {
  it('in DOM (and tab) order: who, the branch and why, the switch, the consultation type, Apply, then the depths and the steps', async () => {
    open('nonmember-account')
    await branchShown()
    await waitForApply()
    const order = ['requester-name', 'why', 'consultation-path'].map((id) => screen.getByTestId(id))
    const apply = button('apply')
    const firstStep = document.querySelector('[data-testid="step"]')!
    const picker = document.querySelector('.picker')!
    const follows = (a: Node, b: Node) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)
    for (const [a, b] of [...order.slice(1).map((b, i) => [order[i]!, b] as const), [order.at(-1)!, apply], [apply, picker], [picker, firstStep]] as const) {
      expect(follows(a, b)).toBe(true)
    }
    // Every control is a native one, reachable with Tab; none is taken out of the order.
    expect(document.querySelectorAll('[tabindex="-1"]')).toHaveLength(0)
    expect([...document.querySelectorAll('main div[onclick], main span[onclick]')]).toEqual([])
  })
})

describe('checkboxes', () => {
  it('sit inside their labels, each with its own name (the two optional how-tos and “본인 확인함”)', async () => {
    open('reinquiry-different')
    await branchShown()
    const kakao = screen.getByRole('checkbox', { name: /카카오톡 연락처 확인방법/ })
    const driverApp = screen.getByRole('checkbox', { name: /카카오 T 대리기사 앱 연락처 확인방법/ })
    expect(kakao).not.toBe(driverApp)
    for (const box of [kakao, driverApp]) expect(box.closest('label')?.contains(box)).toBe(true)
    expect(kakao.closest('[data-step]')?.getAttribute('data-step')).toBe('contact_howto_kakaotalk')
    // Clicking the label's words ticks its own box, and only that one.
    fireEvent.click(within(kakao.closest('label')!).getByText(/카카오톡 연락처 확인방법/))
    expect((kakao as HTMLInputElement).checked).toBe(true)
    expect((driverApp as HTMLInputElement).checked).toBe(false)
  })

  it('“본인 확인함” is its own label’s input in branch 3', async () => {
    open('withdrawn-certificate')
    await branchShown()
    const person = screen.getByRole('checkbox', { name: '본인 확인함' })
    expect(person.closest('label')?.textContent).toBe('본인 확인함')
    expect(person.closest('[data-step]')?.getAttribute('data-step')).toBe('identity_check')
  })
})

describe('a resident registration number', () => {
  const typeInto = (input: Element, value: string) => fireEvent.input(input, { target: { value } })

  it.each([
    ['withdrawn-certificate', '[data-field="name"] input'],
    ['withdrawn-certificate', '[data-field="birthDate"] input'],
    ['withdrawn-certificate', '[data-field="phone"] input'],
    ['reinquiry-same', '[data-field="driverApp"] input'],
    ['reinquiry-same', '[data-field="kakaoTalk"] input'],
    ['nonmember-account', 'input[type="search"]'],
  ] as const)('%s, %s: refused beside that box, the box emptied, nothing at the top', async (id, selector) => {
    const { client } = open(id)
    await branchShown()
    const input = document.querySelector<HTMLInputElement>(selector)!
    typeInto(input, '８５０３０７－１２３４５６７')
    const message = await screen.findByRole('alert')
    expect(message.textContent).toMatch(/주민등록번호는 수집하면 안 됩니다/)
    // Beside the box: in the same field (or right after the search box), not in the notice bar.
    const box = document.querySelector<HTMLInputElement>(selector)!
    expect(box.value).toBe('')
    expect(box.closest('label, section')!.contains(message)).toBe(true)
    expect(screen.queryByTestId('notice')).toBeNull()
    expect(JSON.stringify(client.calls)).not.toMatch(/850307|８５０３０７/)
  })
})

describe('the empathy phrase', () => {
  it('is readable in full: every phrase of the kind is a choice of its own, no clipped select', async () => {
    open('nonmember-account')
    await branchShown()
    const card = document.querySelector('[data-step="empathy"]')!
    expect(card.querySelector('select')).toBeNull()
    const phrases = [...card.querySelectorAll('[data-phrase]')].map((b) => b.textContent)
    expect(phrases).toEqual([...EMPATHY_PHRASES['양해']])
    fireEvent.click(card.querySelectorAll('[data-phrase]')[3]!)
    expect(card.querySelector('[data-phrase][aria-pressed="true"]')?.textContent).toBe(EMPATHY_PHRASES['양해'][3])
  })
})

describe('the criteria link', () => {
  it('sits in the identity form in branch 3, and at the foot elsewhere', async () => {
    open('withdrawn-certificate')
    await branchShown()
    const links = screen.getAllByRole('link', { name: '본인확인 / 정보확인 기준' })
    expect(links).toHaveLength(1)
    expect(links[0]!.closest('[data-step]')?.getAttribute('data-step')).toBe('identity_check')
    expect(links[0]!.getAttribute('href')).toBe(DEFAULT_SETTINGS.criteria_article_url)
    fireEvent.click(document.querySelector('[data-testid="branch"] [data-branch="verify_then_reinquire"]')!)
    expect(await branchShown()).toBe('verify_then_reinquire')
    expect(screen.getByRole('link', { name: '본인확인 / 정보확인 기준' }).closest('nav')).toBeTruthy()
  })
})

describe('branch 3 before the checks', () => {
  it('inserts the empathy line at once; processing and the consultation type stay gated', async () => {
    const { client } = open('withdrawn-certificate')
    expect(await branchShown()).toBe('termination_certificate')
    const empathyInsert = document.querySelector<HTMLButtonElement>('[data-step="empathy"] [data-action="insert"]')!
    expect(empathyInsert.disabled).toBe(false)
    fireEvent.click(empathyInsert)
    await waitFor(() => expect(inserts(client)).toHaveLength(1))
    expect(inserts(client)[0]).toBe(editorHtml(document.querySelector('[data-step="empathy"] [data-phrase][aria-pressed="true"]')!.textContent))
    expect(button('apply').disabled).toBe(true)
    expect(screen.getByTestId('apply-blocker').getAttribute('data-blocker')).toBe('identityIncomplete')
    expect(document.querySelector('[data-step="issue_termination_certificate"]')!.textContent).toMatch(/확인을 마친 뒤 처리할 수 있습니다/)
    expect(sets(client)).toEqual([])
  })
})

describe('re-inquiry evidence in the decision', () => {
  it('an earlier tagged ticket suggests branch 4 and the why says which and when', async () => {
    // The earlier tickets are dated back from the app's today (sidebar-harness).
    open('reinquiry-evidence')
    await waitFor(() => expect(screen.getByTestId('branch').getAttribute('data-branch')).toBe('reinquiry_phone_change'))
    expect(whyShown().textContent).toMatch(/2일 전 티켓 #49001/)
    expect(whyShown().getAttribute('data-code')).toBe('reinquiry_evidence')
  })

  it('a ticket older than reinquiry_days does not count', async () => {
    const { client } = open('reinquiry-evidence-old')
    expect(await branchShown()).toBe('verify_then_reinquire')
    await waitFor(() => expect(requests(client).some((r) => r.includes('/tickets/requested.json'))).toBe(true))
    expect(whyShown().getAttribute('data-code')).toBe('default_branch')
  })

  it('counts a ticket within a wider reinquiry_days', async () => {
    open('reinquiry-evidence-old', { reinquiry_days: '14' })
    await waitFor(() => expect(screen.getByTestId('branch').getAttribute('data-branch')).toBe('reinquiry_phone_change'))
    expect(whyShown().textContent).toMatch(/12일 전 티켓 #49003/)
  })

  it('a failed read only loses the evidence: a quiet note, the decision stands, Apply works', async () => {
    server.use(http.get('*/api/v2/users/:id/tickets/requested.json', () => faultResponse('500')))
    const { client } = open('reinquiry-evidence')
    expect(await branchShown()).toBe('verify_then_reinquire')
    expect(await screen.findByText('이전 티켓을 읽지 못해 재인입 근거 없이 판단했습니다.')).toBeTruthy()
    expect(screen.queryByTestId('notice')).toBeNull()
    expect(requests(client).filter((r) => r.includes('/tickets/requested.json'))).toHaveLength(1)
    fireEvent.click(document.querySelector('.picker [data-tag]')!)
    await waitForApply()
  })

  it('is not read for a member', async () => {
    const { client } = open('member')
    await screen.findByTestId('not-applicable')
    expect(requests(client).filter((r) => r.includes('/tickets/requested.json'))).toEqual([])
  })
})

describe('the frame’s height', () => {
  const observers: { callback: () => void }[] = []
  afterEach(() => {
    vi.unstubAllGlobals()
    observers.length = 0
  })

  it('follows the content when Zendesk narrows the sidebar (a ResizeObserver), and only on a real height change', async () => {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(readonly callback: () => void) {
          observers.push(this)
        }
        observe() {}
        disconnect() {}
      },
    )
    let height = 300
    const descriptor = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => height })
    try {
      const client = new FakeZafClient({ 'ticket.requester': { id: 1, name: '김민수' }, 'currentUser.locale': 'ko' })
      render(<App host={createTicketHost(client)} />)
      await screen.findByText('김민수')
      const resizes = () => client.calls.flatMap((call) => (call.type === 'invoke' && call.action === 'resize' ? [call.args[0]] : []))
      expect(resizes()).toEqual([{ width: '100%', height: '300px' }])
      expect(observers).toHaveLength(1)
      // Narrower: the text wraps, the content is taller; nothing re-rendered, the observer tells.
      height = 420
      observers[0]!.callback()
      // Wider again, or a change of width alone: only a new height resizes.
      observers[0]!.callback()
      height = 300
      observers[0]!.callback()
      await waitFor(() => expect(resizes()).toHaveLength(3))
      expect(resizes()).toEqual([
        { width: '100%', height: '300px' },
        { width: '100%', height: '420px' },
        { width: '100%', height: '300px' },
      ])
    } finally {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', descriptor)
    }
  })
})
