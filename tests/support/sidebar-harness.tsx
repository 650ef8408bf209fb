/**
 * Opens the sidebar on a scenario of the shared fixtures, in happy-dom: a test double of the ZAF
 * client answers `get` from the scenario and performs `request` through fetch, which msw answers
 * with the shared Zendesk-shaped fixtures. Call `useSidebarApi()` once per test file.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, expect } from 'vitest'
import { App } from '../../src/ui/App'
import { createTicketHost } from '../../src/zendesk/ticket-host'
import { NESTED_FIELD_ID } from '../../dev/zendesk-host/fixtures/consultation'
import { ZENDESK_ORIGIN } from '../../dev/zendesk-host/fixtures/fixtures'
import { scenarioById, zafData, type ScenarioId, type SettingValue } from '../../dev/zendesk-host/fixtures/scenarios'
import { FakeZafClient } from './fake-zaf'
import { useZendeskApi } from './zendesk-api'

export const TODAY = new Date('2026-11-25T09:00:00+09:00')
export const nestedPath = `ticket.customField:custom_field_${NESTED_FIELD_ID}`

/**
 * The simulated account's REST API for a file of sidebar tests (dated from {@link TODAY}); after
 * each test the rendered sidebar is unmounted and the frames' cache is empty again.
 */
export function useSidebarApi() {
  const server = useZendeskApi({ today: TODAY })
  afterEach(() => {
    cleanup()
    // The field definitions cached across frames (happy-dom's localStorage): each test starts cold.
    globalThis.localStorage?.clear()
  })
  return server
}

export interface OpenOptions {
  /** Changes the client before the app starts (faults, data). */
  prepare?: (client: FakeZafClient) => void
  timeoutMs?: number
  sleep?: (ms: number) => Promise<void>
}

export function open(id: ScenarioId, settings: Record<string, SettingValue> = {}, options: OpenOptions = {}) {
  const scenario = scenarioById(id)!
  const client = new FakeZafClient(zafData(scenario))
  client.baseUrl = ZENDESK_ORIGIN
  client.context_ = { ...client.context_, ticketId: scenario.ticket.id }
  client.metadata_ = { settings: { ...scenario.settings, ...settings } }
  options.prepare?.(client)
  const host = createTicketHost(client, options.timeoutMs)
  render(<App host={host} options={{ today: () => TODAY, sleep: options.sleep ?? (() => Promise.resolve()) }} />)
  return { client, scenario }
}

export const inserts = (client: FakeZafClient) =>
  client.calls.flatMap((call) => (call.type === 'invoke' && call.action === 'ticket.editor.insert' ? [call.args[0]] : []))
export const sets = (client: FakeZafClient) => client.calls.flatMap((call) => (call.type === 'set' ? [call.values] : []))
export const requests = (client: FakeZafClient) => client.calls.flatMap((call) => (call.type === 'request' ? [`${call.options.type} ${call.options.url}`] : []))

export async function branchShown(): Promise<string | null> {
  const panel = await screen.findByTestId('branch')
  return panel.getAttribute('data-branch')
}

export function button(action: string): HTMLButtonElement {
  return document.querySelector(`[data-action="${action}"]`) as HTMLButtonElement
}

/** Waits for an action button to appear. */
export function findAction(action: string): Promise<HTMLButtonElement> {
  return waitFor(() => {
    const found = document.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)
    if (!found) throw new Error(`no ${action} button yet`)
    return found
  })
}

export async function pickDepth(tag: string) {
  const option = await waitFor(() => {
    const found = document.querySelector(`[data-tag="${tag}"]`)
    if (!found) throw new Error(`no depth ${tag} yet`)
    return found
  })
  fireEvent.click(option)
}

/** The empathy line the sidebar preselected, and its kind. */
export function empathyShown(): { kind: string | null; phrase: string } {
  const card = document.querySelector('[data-step="empathy"]')!
  return {
    kind: card.querySelector('[aria-pressed="true"][data-kind]')?.getAttribute('data-kind') ?? null,
    phrase: card.querySelector('[data-phrase][aria-pressed="true"]')?.textContent ?? '',
  }
}

export async function waitForApply() {
  await waitFor(() => expect(button('apply').disabled).toBe(false))
}

export async function applyOnce(client: FakeZafClient) {
  await waitForApply()
  fireEvent.click(button('apply'))
  await waitFor(() => expect(screen.getByTestId('notice').getAttribute('data-tone')).toBe('success'))
  return { inserted: inserts(client), written: sets(client) }
}

export async function noticeShown(tone: 'error' | 'info' | 'success'): Promise<string> {
  return waitFor(() => {
    const notice = screen.getByTestId('notice')
    expect(notice.getAttribute('data-tone')).toBe(tone)
    return notice.textContent ?? ''
  })
}
