/**
 * Following the live chat: `ticket.conversation.changed` makes the store read the conversation
 * again (never trusting the event), once a burst is over; the hint and the frustration flag follow,
 * nothing the agent chose or typed is touched, and never while Apply or Insert runs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Sidebar } from '../../src/sidebar/store'
import { hostError } from '../../src/zendesk/calls'
import { FakeHost } from '../support/fake-host'
import { TODAY } from '../support/sidebar-state'

let host: FakeHost
beforeEach(() => {
  vi.useFakeTimers()
  host = new FakeHost()
  host.userField = { value: 'non_member' }
  host.settings = { ...host.settings, audit_note: true }
  host.customerMessages = ['안녕하세요']
})
afterEach(() => {
  vi.useRealTimers()
})

const CERTIFICATE = '작년에 탈퇴했는데 해촉증명서 발급 받고 싶어요'

async function started() {
  const store = new Sidebar(host, 'ko', { today: () => TODAY, sleep: async () => {} })
  const stop = store.start()
  await vi.advanceTimersByTimeAsync(0)
  return { store, stop }
}

const branch = (store: Sidebar) => {
  const decision = store.view().decision
  return decision?.applies ? decision.branch.id : null
}
const reads = () => host.callsOf('readTicket').length

describe('a new customer message', () => {
  it('is read again through the host once the chat is quiet, and the unpicked suggestion follows it, said quietly', async () => {
    const { store } = await started()
    expect(branch(store)).toBe('verify_then_reinquire')
    const before = reads()
    host.customerSays(CERTIFICATE)
    // Not at once: a burst may follow.
    await vi.advanceTimersByTimeAsync(200)
    expect(reads()).toBe(before)
    await vi.advanceTimersByTimeAsync(2000)
    expect(reads()).toBe(before + 1)
    expect(store.current.hint.intent).not.toBe('none')
    expect(branch(store)).toBe('termination_certificate')
    expect(store.current.notice).toEqual({ tone: 'info', key: 'hintChanged', params: { number: 3 } })
  })

  it('a burst of messages is one read', async () => {
    await started()
    const before = reads()
    for (const text of ['저기요', '작년에 탈퇴했는데', '해촉증명서', '받을 수 있나요?']) {
      host.customerSays(text)
      await vi.advanceTimersByTimeAsync(300)
    }
    await vi.advanceTimersByTimeAsync(2000)
    expect(reads()).toBe(before + 1)
  })

  it('a branch the agent picked stays picked; nothing is announced', async () => {
    const { store } = await started()
    store.chooseBranch('answer_directly')
    host.customerSays(CERTIFICATE)
    await vi.advanceTimersByTimeAsync(2000)
    expect(branch(store)).toBe('answer_directly')
    expect(store.current.chosenBranch).toBe('answer_directly')
    expect(store.current.notice).toBeNull()
  })

  it('keeps everything the agent chose or typed', async () => {
    const { store } = await started()
    store.chooseBranch('termination_certificate')
    store.input('name', '정민수')
    store.input('birthDate', '1985.03.07')
    store.input('phone', '010 2345 6789')
    store.confirmPerson(true)
    store.input('driverApp', '010-1111-2222')
    store.toggleOptional('contact_howto_kakaotalk', true)
    store.chooseEmpathy({ kind: '사과', phrase: '죄송합니다.' })
    store.pickDepth({ depths: ['대리_기사', '정산/수수료', '정산'], tag: 'settlement' })
    store.input('depthQuery', '정산')
    await store.insertStep('empathy')
    await store.apply()
    const kept = { ...store.current }
    host.customerSays('그리고 보험 가입은 어떻게 하나요? ㅠㅠ')
    await vi.advanceTimersByTimeAsync(2000)
    const now = store.current
    expect(now.customerFrustrated).toBe(true)
    for (const key of [
      'chosenBranch',
      'identity',
      'phoneInputs',
      'optionalSteps',
      'empathy',
      'pickedDepth',
      'depthQuery',
      'inserted',
      'lastApply',
      'auditNote',
      'verificationOnly',
    ] as const) {
      expect(now[key], key).toEqual(kept[key])
    }
    expect(now.auditNote?.status).toBe('pending')
  })

  it('never while Apply runs: it waits, then follows', async () => {
    const { store } = await started()
    store.pickDepth({ depths: ['대리_기사', '정산/수수료', '정산'], tag: 'settlement' })
    const insert = host.hold('insertText')
    const applying = store.apply()
    await vi.advanceTimersByTimeAsync(0)
    expect(store.current.busy).toBe('apply')
    host.customerSays(CERTIFICATE)
    await vi.advanceTimersByTimeAsync(5000)
    expect(branch(store)).toBe('verify_then_reinquire')
    insert.resolve(undefined)
    await applying
    await vi.advanceTimersByTimeAsync(2000)
    expect(branch(store)).toBe('termination_certificate')
  })

  it('not while Apply asks to overwrite a hand-set value either', async () => {
    const { store } = await started()
    store.pickDepth({ depths: ['대리_기사', '정산/수수료', '정산'], tag: 'settlement' })
    host.fields[100] = 'by_hand'
    await store.apply()
    expect(store.current.confirmOverwrite).not.toBeNull()
    host.customerSays(CERTIFICATE)
    await vi.advanceTimersByTimeAsync(5000)
    expect(branch(store)).toBe('verify_then_reinquire')
    store.cancelOverwrite()
    await vi.advanceTimersByTimeAsync(2000)
    expect(branch(store)).toBe('termination_certificate')
  })

  it('an error on screen stays: the change is not announced over it', async () => {
    const { store } = await started()
    host.failures.insertText = hostError('insert', 'closed ticket')
    await store.insertStep('empathy')
    expect(store.current.notice?.key).toBe('failedInsert')
    host.customerSays(CERTIFICATE)
    await vi.advanceTimersByTimeAsync(2000)
    expect(branch(store)).toBe('termination_certificate')
    expect(store.current.notice?.key).toBe('failedInsert')
  })

  it('a failed read keeps the last hint and says nothing', async () => {
    const { store } = await started()
    const hint = store.current.hint
    host.failures.readTicket = [hostError('get ticket.conversation', 'gone')]
    host.customerSays(CERTIFICATE)
    await vi.advanceTimersByTimeAsync(2000)
    expect(store.current.hint).toBe(hint)
    expect(store.current.notice).toBeNull()
    expect(store.current.phase).toBe('ready')
  })

  it('stops with the frame', async () => {
    const { stop } = await started()
    const before = reads()
    host.customerSays(CERTIFICATE)
    stop()
    await vi.advanceTimersByTimeAsync(5000)
    expect(reads()).toBe(before)
    expect(host.conversationHandlers.size).toBe(0)
  })
})
