/**
 * The local host page: a Zendesk Support ticket view (requester, chat, reply editor, 상담유형
 * fields, tags, internal notes) with the built app in the sidebar iframe, talking to it over the
 * real ZAF postMessage protocol. Bundled for the browser by dev/zendesk-host/assets.ts.
 *
 * URL: `?scenario=<id>` (dev/zendesk-host/fixtures/scenarios.ts), `?latency=<ms>` (delay of every
 * host answer), `?layout=nested|per_depth`, `?locale=ko|en-US` (the agent's locale),
 * `?setting.<name>=<value>` (override one installation setting), `?composer=rich|chat` (the reply
 * editor), `?role=agent|admin`, `?option_labels=full|leaf` (nested labels in `optionValues`),
 * `?raw_names=typed|dc` (REST `raw_name` of options with dynamic content), `?submit=fail` (the
 * first Submit fails), `?save_hook_timeout=<ms>` (how long a `ticket.save` hook may take),
 * `?article=today|changed|missing` (the procedure article the help center publishes).
 */
import { AGENT, USERS, ZENDESK_SUBDOMAIN } from './fixtures/fixtures'
import type { ZafComment, ZafConversationEntry } from './fixtures/fixtures'
import { LOCALE_HEADER, RAW_NAMES_HEADER, AGENT_SAVE_HEADER, ARTICLE_HEADER, ARTICLE_VERSIONS } from './fixtures/caller'
import { NESTED_SEPARATOR, NESTED_FIELD_ID } from './fixtures/consultation'
import { DEFAULT_SCENARIO_ID, DEFAULT_SETTINGS, PER_DEPTH_SETTINGS, SCENARIOS, scenarioById } from './fixtures/scenarios'
import type { HostScenario, SettingValue } from './fixtures/scenarios'
import { htmlToText } from './editor'
import { now, ZafHostConnection } from './protocol'
import { performRequest } from './rest'
import { SaveFlow } from './save'
import { TicketState } from './ticket'
import type { HostCall, HostPageConfig, HostSnapshot, IgnoredMessage, LocalHostApi } from './types'
import { valueText } from './fixtures/value-text'

// ---------------------------------------------------------------------------------------------
// Configuration from the server and the URL
// ---------------------------------------------------------------------------------------------

const config: HostPageConfig = window.__HOST_CONFIG__ ?? {
  appOrigin: location.origin,
  appPath: '/assets/iframe.html',
  probePath: '/__host/probe.html',
  appName: 'app',
  appVersion: '0.0.0',
  parameters: [],
}
const params = new URLSearchParams(location.search)
const scenario: HostScenario = scenarioById(params.get('scenario')) ?? scenarioById(DEFAULT_SCENARIO_ID)!
const latencyParam = params.get('latency')
const latencyMs = latencyParam !== null && /^\d+$/.test(latencyParam) ? Number(latencyParam) : scenario.hostLatencyMs

const declared = new Map(config.parameters.map((p) => [p.name, p]))
/** Scenario settings the manifest does not declare (shown as a warning: Zendesk would not send them). */
const undeclared = declared.size === 0 ? [] : Object.keys(scenario.settings).filter((name) => !declared.has(name))

function settingsFromUrl(): Record<string, SettingValue> {
  // Zendesk sends every parameter of the manifest: its default when the admin left it unset.
  const defaults: Record<string, SettingValue> = {}
  for (const p of config.parameters) if (p.default !== undefined) defaults[p.name] = p.default
  const settings: Record<string, SettingValue> = { ...defaults, ...scenario.settings }
  const layout = params.get('layout')
  if (layout === 'per_depth') Object.assign(settings, PER_DEPTH_SETTINGS)
  if (layout === 'nested') Object.assign(settings, { consultation_layout: 'nested', consultation_field_ids: String(NESTED_FIELD_ID) })
  for (const [key, value] of params) {
    if (!key.startsWith('setting.')) continue
    const name = key.slice('setting.'.length)
    const checkbox = declared.get(name)?.type === 'checkbox' || typeof DEFAULT_SETTINGS[name] === 'boolean'
    settings[name] = checkbox ? value === 'true' || value === '1' : value
  }
  return settings
}

const settings = settingsFromUrl()
/** One of the choices, or the first (the default) for anything else. */
function choice<T extends string>(name: string, choices: readonly [T, ...T[]]): T {
  const value = params.get(name)
  return choices.find((c) => c === value) ?? choices[0]
}
const locale = params.get('locale') || AGENT.locale
const composer = choice('composer', ['rich', 'chat'] as const)
const role = choice('role', ['agent', 'admin'] as const)
const optionLabels = choice('option_labels', ['full', 'leaf'] as const)
const rawNames = choice('raw_names', ['typed', 'dc'] as const)
const articleVersion = ARTICLE_VERSIONS.find((version) => version === params.get('article')) ?? scenario.article
const hookTimeoutParam = params.get('save_hook_timeout')
const hookTimeoutMs = hookTimeoutParam !== null && /^\d+$/.test(hookTimeoutParam) ? Number(hookTimeoutParam) : 30_000
const state = new TicketState(scenario, settings, {}, { locale, role, optionLabels, composer })

function newGuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16)
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16)
  })
}

// ---------------------------------------------------------------------------------------------
// DOM helpers
// ---------------------------------------------------------------------------------------------

type Child = Node | string | null | undefined | false
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue
    if (name === 'class') node.className = String(value)
    else node.setAttribute(name, value === true ? '' : value)
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child)
  return node
}

const optionLabel = (name: string) => name.split(NESTED_SEPARATOR).join(' › ')
const time = (iso: string) => new Date(iso).toLocaleTimeString('ko-KR', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Seoul' })

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

const root = document.getElementById('host-root') ?? document.body.appendChild(el('div', { id: 'host-root' }))

function navigate(change: Record<string, string | null>): void {
  const next = new URLSearchParams(location.search)
  for (const [key, value] of Object.entries(change)) {
    if (value === null || value === '') next.delete(key)
    else next.set(key, value)
  }
  location.search = next.toString()
}

const scenarioSelect = el(
  'select',
  { id: 'scenario-select', 'data-testid': 'scenario-select', 'aria-label': 'Scenario' },
  ...SCENARIOS.map((s) => el('option', { value: s.id, selected: s.id === scenario.id }, `${s.id} — ${s.title}`)),
)
scenarioSelect.addEventListener('change', () => navigate({ scenario: scenarioSelect.value }))

const layoutSelect = el(
  'select',
  { id: 'layout-select', 'aria-label': 'Consultation layout' },
  el('option', { value: 'nested', selected: settings.consultation_layout !== 'per_depth' }, 'nested (1 field)'),
  el('option', { value: 'per_depth', selected: settings.consultation_layout === 'per_depth' }, 'per_depth (4 fields)'),
)
layoutSelect.addEventListener('change', () => navigate({ layout: layoutSelect.value }))

const localeSelect = el(
  'select',
  { id: 'locale-select', 'aria-label': 'Agent locale' },
  ...['ko', 'en-US'].map((l) => el('option', { value: l, selected: String(state.data['currentUser.locale']) === l }, l)),
)
localeSelect.addEventListener('change', () => navigate({ locale: localeSelect.value === 'ko' ? null : localeSelect.value }))

const latencyInput = el('input', { id: 'latency-input', type: 'number', min: '0', step: '50', value: String(latencyMs), 'aria-label': 'Host latency (ms)' })
latencyInput.addEventListener('change', () => navigate({ latency: latencyInput.value }))

const reloadButton = el('button', { type: 'button' }, '앱 새로고침')
const registrationBadge = el('span', { class: 'badge', 'data-testid': 'registration' }, 'handshake 대기')

root.append(
  el(
    'header',
    { class: 'topbar' },
    el('strong', { class: 'brand' }, 'Local Zendesk host'),
    el('label', {}, 'Scenario ', scenarioSelect),
    el('label', {}, 'Layout ', layoutSelect),
    el('label', {}, 'Locale ', localeSelect),
    el('label', {}, 'Latency ', latencyInput, ' ms'),
    reloadButton,
    registrationBadge,
  ),
  el('p', { class: 'scenario-note' }, `${scenario.title}: ${scenario.description}`),
  ...(undeclared.length > 0
    ? [
        el(
          'p',
          { class: 'scenario-note scenario-note--warn', 'data-testid': 'undeclared-settings' },
          `settings not declared in manifest.json: ${undeclared.join(', ')}`,
        ),
      ]
    : []),
)

// Left: ticket properties.
const requesterBox = el('section', { class: 'panel', 'data-testid': 'host-requester' })
const fieldsBox = el('section', { class: 'panel', 'data-testid': 'host-fields' })
const tagsBox = el('section', { class: 'panel', 'data-testid': 'host-tags' })
const statusBox = el('section', { class: 'panel' })
// Middle: the conversation and the editor.
const conversationBox = el('div', { class: 'conversation', 'data-testid': 'host-conversation' })
const notesBox = el('div', { class: 'notes', 'data-testid': 'host-notes' })
const draft = el('textarea', { id: 'draft', 'data-testid': 'host-draft', rows: '7', placeholder: '답장을 입력하세요…', 'aria-label': '답장' })
const commentTypeBox = el('div', { class: 'tabs' })
const submitButton = el('button', { type: 'button', class: 'submit', 'data-testid': 'host-submit' }, '제출 (Submit)')
const saveStatus = el('span', { class: 'save-status', 'data-testid': 'host-save-status', role: 'status' })
const updatedBanner = el('div', { class: 'updated', 'data-testid': 'host-ticket-updated', role: 'alert', hidden: true })
const customerInput = el('input', { type: 'text', placeholder: '고객의 새 메시지', 'aria-label': '고객 메시지', 'data-testid': 'host-customer-message' })
const customerSend = el('button', { type: 'button', 'data-testid': 'host-customer-send' }, '고객 메시지 보내기')
const logBody = el('tbody')
const logSummary = el('summary', {}, '프로토콜 로그')
// Right: the apps panel.
const frame = el('iframe', { id: 'app-frame', 'data-testid': 'app-frame', title: config.appName })

root.append(
  el(
    'main',
    { class: 'workspace' },
    el('aside', { class: 'properties' }, requesterBox, fieldsBox, tagsBox, statusBox),
    el(
      'section',
      { class: 'ticket' },
      el(
        'header',
        { class: 'ticket-head' },
        el('span', { class: 'ticket-id' }, `#${scenario.ticket.id}`),
        el('h1', {}, scenario.ticket.subject),
        el('span', { class: 'channel', 'data-testid': 'host-channel' }, scenario.channel === 'email' ? '이메일 · email' : '카카오톡 채널 · messaging'),
      ),
      updatedBanner,
      conversationBox,
      el('div', { class: 'customer-line' }, customerInput, customerSend),
      notesBox,
      el(
        'div',
        { class: 'composer' },
        commentTypeBox,
        draft,
        el(
          'div',
          { class: 'composer-foot' },
          el('span', { class: 'small', 'data-testid': 'host-composer' }, composer === 'chat' ? '채팅 입력창 (Markdown 텍스트)' : '서식 있는 텍스트 (HTML)'),
          saveStatus,
          submitButton,
        ),
      ),
      el(
        'details',
        { class: 'log', 'data-testid': 'host-log' },
        logSummary,
        el('table', {}, el('thead', {}, el('tr', {}, ...['#', 'frame', 'type', 'detail', 'result', 'ms'].map((h) => el('th', {}, h)))), logBody),
      ),
    ),
    el('aside', { class: 'apps' }, el('div', { class: 'apps-head' }, el('span', {}, '앱'), el('small', {}, `${config.appName} ${config.appVersion}`)), frame),
  ),
  el('div', { id: 'probes', hidden: true }),
)

// ---------------------------------------------------------------------------------------------
// Rendering the ticket from the state
// ---------------------------------------------------------------------------------------------

function renderRequester(): void {
  const requester = state.data['ticket.requester'] as { id: number; name: string; email: string | null; externalId: string | null; tags: string[] } | undefined
  const switcher = el(
    'select',
    { 'aria-label': '요청자 변경', 'data-testid': 'requester-switch' },
    el('option', { value: '', selected: !requester }, '(요청자 없음)'),
    ...Object.values(USERS).map((u) => el('option', { value: String(u.id), selected: requester?.id === u.id }, `${u.name} (${u.id})`)),
  )
  switcher.addEventListener('change', () => state.changeRequester(switcher.value === '' ? null : Number(switcher.value)))
  const status = state.data['ticket.requester.customField:driver_status']
  requesterBox.replaceChildren(
    el('h2', {}, '요청자'),
    requester
      ? el(
          'dl',
          {},
          el('dt', {}, '이름'),
          el('dd', { 'data-testid': 'host-requester-name' }, requester.name),
          el('dt', {}, '이메일'),
          el('dd', {}, requester.email ?? '—'),
          el('dt', {}, 'external_id'),
          el('dd', {}, requester.externalId ?? '—'),
          el('dt', {}, 'driver_status'),
          el('dd', {}, status === undefined ? '(ZAF에서 읽을 수 없음)' : valueText(status ?? '—')),
          el('dt', {}, '사용자 태그'),
          el('dd', {}, requester.tags.join(', ') || '—'),
        )
      : el('p', { class: 'muted' }, '요청자가 없습니다.'),
    el('label', { class: 'small' }, '변경 ', switcher),
  )
}

function renderFields(): void {
  const fields = state.fields()
  const shown = state.shownFieldIds()
  fieldsBox.replaceChildren(
    el('h2', {}, '상담유형', el('small', {}, ` (${String(settings.consultation_layout)})`)),
    ...shown.map((id) => {
      const definition = state.field(id)!
      const current = fields[String(id)]!
      const select = el(
        'select',
        { 'data-testid': `host-field-${id}`, 'data-field-id': String(id) },
        el('option', { value: '', selected: current.value === null }, '-'),
        ...definition.custom_field_options.map((o) =>
          el('option', { value: o.value, title: o.name, selected: o.value === current.value }, optionLabel(o.name)),
        ),
      )
      select.addEventListener('change', () => state.pickField(id, select.value === '' ? null : select.value))
      return el('label', { class: 'field' }, el('span', {}, definition.title), select, el('code', { class: 'tag' }, current.value ?? 'null'))
    }),
    ...(shown.length === 0 ? [el('p', { class: 'muted' }, `consultation_field_ids "${String(settings.consultation_field_ids)}"에 맞는 필드가 없습니다.`)] : []),
  )
}

function renderTags(): void {
  const input = el('input', { type: 'text', placeholder: '태그 추가', 'aria-label': '태그 추가' })
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && input.value.trim()) state.changeTags(input.value.trim().split(/\s+/), [])
  })
  tagsBox.replaceChildren(
    el('h2', {}, '태그'),
    el(
      'div',
      { class: 'chips' },
      ...state.tags.map((tag) => {
        const remove = el('button', { type: 'button', 'aria-label': `${tag} 삭제` }, '×')
        remove.addEventListener('click', () => state.changeTags([], [tag]))
        return el('span', { class: 'chip', 'data-testid': 'host-tag' }, tag, remove)
      }),
    ),
    input,
  )
}

function renderStatus(): void {
  const select = el(
    'select',
    { 'aria-label': '상태' },
    ...['new', 'open', 'pending', 'hold', 'solved'].map((s) => el('option', { value: s, selected: state.data['ticket.status'] === s }, s)),
  )
  select.addEventListener('change', () => state.set({ 'ticket.status': select.value }))
  statusBox.replaceChildren(el('h2', {}, '상태'), select)
}

function renderConversation(): void {
  const entries = (state.data['ticket.conversation'] as ZafConversationEntry[] | undefined) ?? []
  conversationBox.replaceChildren(
    ...(entries.length === 0 ? [el('p', { class: 'muted' }, '대화가 없습니다.')] : []),
    ...entries.map((entry) =>
      el(
        'div',
        { class: `message message--${entry.author.role}`, 'data-content-type': entry.message.contentType },
        el('div', { class: 'meta' }, entry.author.name, ' · ', time(entry.timestamp)),
        // An email's HTML is shown as its text, never as markup.
        el('div', { class: 'bubble' }, entry.message.contentType === 'text/html' ? htmlToText(entry.message.content) : entry.message.content),
      ),
    ),
  )
  const comments = ((state.data['ticket.comments'] as ZafComment[] | undefined) ?? []).filter((c) => c.id >= 7100001)
  notesBox.replaceChildren(
    ...state.notes.map((note, i) =>
      el(
        'div',
        { class: note.public ? 'note note--public' : 'note', 'data-testid': 'host-note' },
        el('div', { class: 'meta' }, note.public ? '공개 답글' : '내부 메모', ' · ', AGENT.name, ' · ', comments[i] ? time(comments[i].created_at) : ''),
        el('div', { class: 'note-body' }, note.body),
      ),
    ),
  )
}

function renderCommentType(): void {
  const type = state.data['ticket.comment.type']
  const tab = (value: string, label: string) => {
    const button = el('button', { type: 'button', class: type === value ? 'tab tab--on' : 'tab', 'aria-pressed': type === value ? 'true' : 'false' }, label)
    button.addEventListener('click', () => state.set({ 'ticket.comment.type': value }))
    return button
  }
  commentTypeBox.replaceChildren(tab('publicReply', '공개 답글'), tab('internalNote', '내부 메모'))
  draft.classList.toggle('draft--note', type === 'internalNote')
}

function renderDraft(): void {
  if (draft.value !== state.draft) {
    draft.value = state.draft
    draft.setSelectionRange(state.cursor, state.cursor)
  }
}

function renderSave(): void {
  const last = saveFlow.history.at(-1)
  submitButton.disabled = saveFlow.running !== null
  saveStatus.dataset.outcome = saveFlow.running ? 'saving' : (last?.outcome ?? '')
  saveStatus.textContent = saveFlow.running
    ? '저장 중…'
    : !last
      ? `저장 ${state.saves}회`
      : last.outcome === 'saved'
        ? `저장됨 (${state.saves}회)`
        : last.outcome === 'failed'
          ? `저장 실패: ${last.message ?? ''}`
          : `앱이 저장을 막았습니다${last.message ? `: ${last.message}` : ''}`
  updatedBanner.hidden = state.restUpdates === 0
  updatedBanner.textContent = `Ticket updated — 이 티켓이 API로 업데이트되었습니다 (${state.restUpdates}회). 트리거가 다시 실행되고, 티켓 업데이트 한도에 포함됩니다.`
}

// The agent's typing and caret moves.
draft.addEventListener('input', () => state.typeDraft(draft.value, draft.selectionEnd))
for (const type of ['select', 'keyup', 'click', 'focus', 'selectionchange']) draft.addEventListener(type, () => state.moveCursor(draft.selectionEnd))

// ---------------------------------------------------------------------------------------------
// Protocol
// ---------------------------------------------------------------------------------------------

const calls: HostCall[] = []
const ignored: IgnoredMessage[] = []
const connections: ZafHostConnection[] = []
let seq = 0
let logScheduled = false

function renderLog(): void {
  logScheduled = false
  const recent = calls.slice(-60).reverse()
  logSummary.textContent = `프로토콜 로그 (${calls.length} calls${ignored.length ? `, ${ignored.length} ignored` : ''})`
  logBody.replaceChildren(
    ...recent.map((c) =>
      el(
        'tr',
        { class: c.ok === false ? 'log-error' : '' },
        el('td', {}, String(c.seq)),
        el('td', {}, c.instance),
        el('td', {}, c.type),
        el('td', { title: JSON.stringify(c.params) }, c.detail),
        el('td', {}, c.answeredAt === null ? '…' : c.ok ? (c.status ? String(c.status) : 'ok') : (c.error ?? String(c.status ?? 'error'))),
        el('td', {}, c.answeredAt === null ? '' : (c.answeredAt - c.sentAt).toFixed(0)),
      ),
    ),
  )
  const app = connections[0]
  registrationBadge.textContent = app?.registeredAt ? 'registered' : app?.handshakeAt ? 'handshake → 응답 대기' : 'handshake 대기'
  registrationBadge.classList.toggle('badge--ok', Boolean(app?.registeredAt))
}

function scheduleLog(): void {
  if (logScheduled) return
  logScheduled = true
  requestAnimationFrame(renderLog)
}

const hostOrigin = location.origin
const callerHeaders = { [LOCALE_HEADER]: locale, [RAW_NAMES_HEADER]: rawNames, [ARTICLE_HEADER]: articleVersion }
/** This page load (REST faults with `times` count per page load). */
const sessionId = newGuid()
const appName = config.appName
const metadata = (): Record<string, unknown> => ({
  appId: 1000001,
  installationId: 2000001,
  name: appName,
  version: config.appVersion,
  settings: { title: appName, ...settings },
})

function frameUrl(path: string, guid: string): string {
  return `${config.appOrigin}${path}?origin=${encodeURIComponent(hostOrigin)}&app_guid=${encodeURIComponent(guid)}`
}

function connect(instance: string, target: HTMLIFrameElement, guid: string): ZafHostConnection {
  const connection: ZafHostConnection = new ZafHostConnection({
    instance,
    frame: target,
    appOrigin: config.appOrigin,
    appGuid: guid,
    state,
    context: (): Record<string, unknown> => ({
      instanceGuid: connection.options.appGuid,
      product: 'support',
      location: 'ticket_sidebar',
      ticketId: scenario.ticket.id,
      account: { subdomain: ZENDESK_SUBDOMAIN },
    }),
    metadata,
    latencyMs: () => latencyMs,
    performRequest: (options) =>
      performRequest(options, {
        hostOrigin,
        scenarioId: scenario.id,
        sessionId,
        onTicketUpdate: (ticketId, body) => {
          if (ticketId === scenario.ticket.id) state.applyTicketUpdate(body, now())
        },
        callerHeaders,
      }),
    calls,
    nextSeq: () => ++seq,
    onActivity: scheduleLog,
  })
  connections.push(connection)
  return connection
}

window.addEventListener('message', (event) => {
  const connection = connections.find((c) => c.frame.contentWindow !== null && c.frame.contentWindow === event.source)
  const reason = connection ? connection.receive(event) : 'unknown-source'
  if (reason) {
    ignored.push({
      origin: event.origin,
      reason,
      data: typeof event.data === 'string' ? event.data.slice(0, 500) : JSON.stringify(event.data ?? null).slice(0, 500),
      at: now(),
    })
    scheduleLog()
  }
})

let appGuid = newGuid()
const app = connect('app', frame, appGuid)
frame.src = frameUrl(config.appPath, appGuid)

reloadButton.addEventListener('click', () => api.reloadApp())

// ---------------------------------------------------------------------------------------------
// Submit: the save hooks, the submit events, the save itself
// ---------------------------------------------------------------------------------------------

/** The ticket page's own save: the REST API gets what the agent saved (not an app's write, no "Ticket updated"). */
async function saveTicket(): Promise<void> {
  const update = state.commitSave(now())
  const response = await fetch(`/api/v2/tickets/${scenario.ticket.id}.json`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', [AGENT_SAVE_HEADER]: '1', ...callerHeaders },
    body: JSON.stringify(update),
  })
  if (!response.ok) throw new Error(`the ticket could not be saved (HTTP ${response.status})`)
}

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const saveFlow = new SaveFlow({
  frames: () =>
    connections.map((c) => ({
      instance: c.options.instance,
      ask: (event: string, data: unknown, timeoutMs: number) => c.ask(event, data, timeoutMs),
      subscribed: (event: string) => (c.subscriptions.get(event) ?? 0) > 0,
    })),
  emit: (event, data) => {
    for (const connection of connections) connection.emit(event, data)
  },
  save: saveTicket,
  hookTimeoutMs,
  pause: () => sleepMs(latencyMs),
  onChange: () => renderAll(),
})
if (params.get('submit') === 'fail') saveFlow.failNext()
submitButton.addEventListener('click', () => void saveFlow.submit(now))

function sendCustomerMessage(): void {
  const text = customerInput.value.trim()
  if (!text) return
  customerInput.value = ''
  state.addCustomerMessage(text, now())
}
customerSend.addEventListener('click', sendCustomerMessage)
customerInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') sendCustomerMessage()
})

// Ticket changes: re-render, and tell subscribed frames.
state.onChange((events) => {
  renderAll()
  for (const event of events) for (const connection of connections) connection.emit(event.name, event.data)
})

function renderAll(): void {
  renderRequester()
  renderFields()
  renderTags()
  renderStatus()
  renderConversation()
  renderCommentType()
  renderDraft()
  renderSave()
  scheduleLog()
}
renderAll()

// ---------------------------------------------------------------------------------------------
// window.__host
// ---------------------------------------------------------------------------------------------

let probes = 0

const api: LocalHostApi = {
  scenario: scenario.id,
  settings,
  latencyMs,
  get appGuid() {
    return appGuid
  },
  appOrigin: config.appOrigin,
  calls,
  ignored,
  get registeredAt() {
    return app.registeredAt
  },
  get handshakeAt() {
    return app.handshakeAt
  },
  draft: () => state.draft,
  draftHtml: () => state.draftHtml,
  composer,
  cursor: () => state.cursor,
  fields: () => state.fields(),
  tags: () => state.tags,
  notes: () => state.notes.map((n) => ({ ...n })),
  data: () => state.snapshotData(),
  snapshot(): HostSnapshot {
    return JSON.parse(
      JSON.stringify({
        scenario: scenario.id,
        settings,
        latencyMs,
        appGuid,
        appOrigin: config.appOrigin,
        hostOrigin,
        calls,
        ignored,
        handshakeAt: app.handshakeAt,
        registeredAt: app.registeredAt,
        subscriptions: Object.fromEntries(app.subscriptions),
        emitted: app.emitted,
        instances: Object.fromEntries(
          connections.map((c) => [
            c.options.instance,
            {
              appGuid: c.options.appGuid,
              handshakeAt: c.handshakeAt,
              registeredAt: c.registeredAt,
              subscriptions: Object.fromEntries(c.subscriptions),
              emitted: c.emitted,
            },
          ]),
        ),
        draft: state.draft,
        draftHtml: state.draftHtml,
        composer,
        role,
        cursor: state.cursor,
        fields: state.fields(),
        tags: state.tags,
        notes: state.notes,
        saved: state.saved,
        saves: state.saves,
        restUpdates: state.restUpdates,
        submits: saveFlow.history,
        frame: { width: frame.getBoundingClientRect().width, height: frame.getBoundingClientRect().height },
      }),
    ) as HostSnapshot
  },
  emit(event, data, force = false) {
    let sent = false
    for (const connection of connections) sent = connection.emit(event, data, force) || sent
    return sent
  },
  setDraft(text, cursor) {
    state.typeDraft(text, cursor ?? text.length)
  },
  setCursor(position) {
    state.moveCursor(position)
    draft.setSelectionRange(state.cursor, state.cursor)
  },
  changeRequester(userId) {
    state.changeRequester(userId)
  },
  async addProbe() {
    const guid = newGuid()
    const probe = el('iframe', { title: `probe ${++probes}`, 'data-testid': 'probe-frame' })
    const connection = connect(`probe-${probes}`, probe, guid)
    probe.src = frameUrl(config.probePath, guid)
    document.getElementById('probes')!.append(probe)
    await connection.whenRegistered()
    return guid
  },
  reloadApp() {
    appGuid = newGuid()
    app.reset()
    app.options.appGuid = appGuid
    frame.style.height = ''
    frame.src = frameUrl(config.appPath, appGuid)
  },
  submit: () => saveFlow.submit(now),
  failNextSubmit(message) {
    saveFlow.failNext(message)
  },
  saves: () => state.saves,
  restUpdates: () => state.restUpdates,
  addCustomerMessage(text) {
    state.addCustomerMessage(text, now())
  },
}
window.__host = api
