// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../src/ui/App'
import { createTicketHost } from '../../src/zendesk/ticket-host'
import { FakeZafClient } from '../support/fake-zaf'

afterEach(cleanup)

function ticketWith(requester: unknown, locale = 'ko') {
  return new FakeZafClient({ 'ticket.requester': requester, 'currentUser.locale': locale })
}

describe('first screen', () => {
  it.each([
    ['ko', '요청자'],
    ['ko-KR', '요청자'],
    ['en-US', 'Requester'],
    ['fr', 'Requester'],
  ])('shows the requester’s name with %s labels (%s)', async (locale, label) => {
    const client = ticketWith({ id: 1, name: '김민수', tags: [] }, locale)
    render(<App host={createTicketHost(client)} />)
    expect(await screen.findByText('김민수')).toBeTruthy()
    expect(screen.getByText(label)).toBeTruthy()
    // One round trip reads everything the first screen needs.
    const gets = client.calls.filter((call) => call.type === 'get')
    expect(gets).toHaveLength(1)
    expect(gets[0]).toMatchObject({ paths: expect.arrayContaining(['ticket.requester', 'currentUser.locale']) })
  })

  it('says so when the ticket has no requester yet', async () => {
    render(<App host={createTicketHost(ticketWith(undefined))} />)
    expect(await screen.findByText('이 티켓에는 아직 요청자가 없습니다.')).toBeTruthy()
  })

  it('shows markup in a name as text, never as HTML', async () => {
    const name = '<img src=x onerror="window.pwned=1">'
    const { container } = render(<App host={createTicketHost(ticketWith({ id: 1, name }))} />)
    expect(await screen.findByText(name)).toBeTruthy()
    expect(container.querySelector('img')).toBeNull()
  })

  it('reads the ticket again when the requester changes', async () => {
    const client = ticketWith({ id: 1, name: '김민수' })
    render(<App host={createTicketHost(client)} />)
    await screen.findByText('김민수')
    client.data['ticket.requester'] = { id: 2, name: '이영희' }
    client.trigger('ticket.requester.id.changed')
    expect(await screen.findByText('이영희')).toBeTruthy()
    expect(screen.queryByText('김민수')).toBeNull()
  })

  it('explains a host that answers with an error', async () => {
    const client = ticketWith({ id: 1, name: '김민수' }, 'en')
    client.faults['ticket.requester'] = 'resolve-error'
    render(<App host={createTicketHost(client)} initialLanguage="en" />)
    await waitFor(() => expect(screen.getByText(/Could not read the ticket/)).toBeTruthy())
    expect(screen.queryByText('김민수')).toBeNull()
  })

  it('tells a person who opened the page outside Zendesk what it is', () => {
    render(<App host={null} initialLanguage="en" />)
    expect(screen.getByText('This page must be opened by Zendesk as a ticket-sidebar app.')).toBeTruthy()
  })

  it('resizes the frame to its content once, then only when the height changes', async () => {
    let height = 120
    const descriptor = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => height })
    try {
      const client = ticketWith({ id: 1, name: '김민수' })
      render(<App host={createTicketHost(client)} />)
      await screen.findByText('김민수')
      const resizes = () => client.calls.filter((call) => call.type === 'invoke' && call.action === 'resize')
      expect(resizes()).toEqual([{ type: 'invoke', action: 'resize', args: [{ width: '100%', height: '120px' }] }])
      height = 160
      client.data['ticket.requester'] = { id: 2, name: '이영희' }
      client.trigger('ticket.requester.id.changed')
      await screen.findByText('이영희')
      expect(resizes().map((call) => (call.type === 'invoke' ? call.args : null))).toEqual([
        [{ width: '100%', height: '120px' }],
        [{ width: '100%', height: '160px' }],
      ])
    } finally {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', descriptor)
    }
  })
})
