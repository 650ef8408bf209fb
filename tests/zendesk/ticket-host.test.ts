/**
 * The ticket host's reads: one batched `get` with the consultation field's options in the data
 * API's shape, REST options with name and raw_name, and the field definitions cached across
 * frames (each test's "frames" are hosts over one storage). REST is the shared msw fixture API.
 */
import { describe, expect, it } from 'vitest'
import { createTicketHost } from '../../src/zendesk/ticket-host'
import type { DefinitionsStorage } from '../../src/zendesk/definitions-cache'
import { NESTED_FIELD_ID, nestedTagFor } from '../../dev/zendesk-host/fixtures/consultation'
import { ZENDESK_ORIGIN } from '../../dev/zendesk-host/fixtures/fixtures'
import { zendeskApi } from '../../dev/zendesk-host/fixtures/handlers'
import { scenarioById, zafData, type ZafDataOptions } from '../../dev/zendesk-host/fixtures/scenarios'
import { FakeZafClient } from '../support/fake-zaf'
import { useZendeskApi } from '../support/zendesk-api'

useZendeskApi()

const NOT_RECEIVED = nestedTagFor(['대리_기사', '정산/수수료', '정산', '정산금 미입금'])!
const NONMEMBER_ETC = nestedTagFor(['대리_기사', '기타/이벤트', '비회원문의', '기타'])!
const fieldPath = `ticketFields:custom_field_${NESTED_FIELD_ID}`

function memoryStorage(): DefinitionsStorage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) }
}

/** A frame on a fixture scenario: the fake SDK client, and the host over it. */
function frame(options: ZafDataOptions & { account?: string; storage?: DefinitionsStorage | null } = {}) {
  const client = new FakeZafClient(zafData(scenarioById('nonmember-general')!, options))
  client.baseUrl = ZENDESK_ORIGIN
  client.context_ = { ...client.context_, account: { subdomain: options.account ?? 'daeri-local' } }
  const host = createTicketHost(client, undefined, { storage: options.storage === undefined ? null : options.storage })
  const rest = () => client.calls.filter((call) => call.type === 'request')
  return { client, host, rest }
}

/** Registers and reads the ticket as the sidebar does, then reads the field definitions. */
async function definitionsIn(f: ReturnType<typeof frame>, again?: boolean) {
  await f.host.registered()
  await f.host.readTicket({ consultationFieldIds: [NESTED_FIELD_ID] })
  return f.host.readFieldDefinitions([NESTED_FIELD_ID], again)
}

describe('readTicket: one round trip', () => {
  it('asks for the requester, the marker, the messages, the field values and the field’s options in one get', async () => {
    const { client, host } = frame()
    const ticket = await host.readTicket({ userFieldKey: 'driver_status', consultationFieldIds: [NESTED_FIELD_ID] })
    expect(client.calls).toHaveLength(1)
    const [call] = client.calls
    expect(call?.type === 'get' && call.paths).toEqual([
      'ticket.id',
      'ticket.requester',
      'currentUser.locale',
      'currentUser.role',
      'ticket.tags',
      'ticket.conversation',
      'ticket.requester.customField:driver_status',
      `ticket.customField:custom_field_${NESTED_FIELD_ID}`,
      fieldPath,
    ])
    expect(ticket.requesterUserField).toEqual({ available: true, value: 'non_member' })
    expect(ticket.customerMessages).toEqual(['대리 기사 보험은 어떻게 가입하나요?'])
    const [definition] = ticket.fieldDefinitions
    expect(definition).toMatchObject({ id: NESTED_FIELD_ID, type: 'tagger' })
    expect(definition?.options).toContainEqual({ name: '대리_기사::기타/이벤트::비회원문의::기타', tag: NONMEMBER_ETC })
  })

  it('reads optionValues as they are: label and value, disabled and hidden options left out, odd entries skipped', async () => {
    const { client, host } = frame()
    client.data[fieldPath] = {
      name: `custom_field_${NESTED_FIELD_ID}`,
      type: 'tagger',
      optionValues: [
        { label: 'A::B', value: 'a_b', isEnabled: true, isVisible: true },
        { label: 'A::Off', value: 'a_off', isEnabled: false, isVisible: true },
        { label: 'A::Hidden', value: 'a_hidden', isEnabled: true, isVisible: false },
        { name: 'A::Rest shape', value: 'rest_shape' },
        { label: 'A::No tag' },
        null,
      ],
    }
    const ticket = await host.readTicket({ consultationFieldIds: [NESTED_FIELD_ID] })
    expect(ticket.fieldDefinitions).toEqual([{ id: NESTED_FIELD_ID, type: 'tagger', options: [{ name: 'A::B', tag: 'a_b' }] }])
  })

  it('hands over the labels as the data API gives them: whole paths, or the last level (?option_labels=leaf)', async () => {
    const leaf = (await frame({ optionLabels: 'leaf' }).host.readTicket({ consultationFieldIds: [NESTED_FIELD_ID] })).fieldDefinitions[0]
    expect(leaf?.options).toContainEqual({ name: '기타', tag: NONMEMBER_ETC })
    expect(leaf?.options.some(({ name }) => name.includes('::'))).toBe(false)
  })

  it('leaves out a field the data API cannot read, and still reads the rest', async () => {
    const { client, host } = frame()
    delete client.data[fieldPath]
    const ticket = await host.readTicket({ consultationFieldIds: [NESTED_FIELD_ID] })
    expect(ticket.fieldDefinitions).toEqual([])
    expect(ticket.requester?.id).toBeTypeOf('number')
  })
})

describe('readFieldDefinitions: REST options with name and raw_name', () => {
  const optionOf = async (f: ReturnType<typeof frame>, tag: string) => (await definitionsIn(f))?.[0]?.options.find((option) => option.tag === tag)

  it('a Korean agent: the names as typed, no second copy of them', async () => {
    expect(await optionOf(frame(), NOT_RECEIVED)).toEqual({ name: '대리_기사::정산/수수료::정산::정산금 미입금', tag: NOT_RECEIVED })
  })

  it('an English agent: the translated name, and raw_name as typed where dynamic content renders it', async () => {
    zendeskApi.state.callerLocale = 'en-US'
    const f = frame({ locale: 'en-US' })
    expect(await optionOf(f, NOT_RECEIVED)).toEqual({
      name: 'Daeri driver::Settlement/Fees::Payout::Payout not received',
      rawName: '대리_기사::정산/수수료::정산::정산금 미입금',
      tag: NOT_RECEIVED,
    })
    expect(await optionOf(f, NONMEMBER_ETC)).toEqual({ name: '대리_기사::기타/이벤트::비회원문의::기타', tag: NONMEMBER_ETC })
  })

  it('raw_name a {{dc.…}} placeholder: left out, the name is what matches', async () => {
    zendeskApi.state.optionRawNames = 'dc'
    expect(await optionOf(frame(), NOT_RECEIVED)).toEqual({ name: '대리_기사::정산/수수료::정산::정산금 미입금', tag: NOT_RECEIVED })
    zendeskApi.state.callerLocale = 'en-US'
    expect(await optionOf(frame({ locale: 'en-US' }), NOT_RECEIVED)).toEqual({
      name: 'Daeri driver::Settlement/Fees::Payout::Payout not received',
      tag: NOT_RECEIVED,
    })
  })

  it('a field that is not there: the REST failure, for the sidebar to show', async () => {
    const f = frame()
    await expect(f.host.readFieldDefinitions([999999])).rejects.toMatchObject({ failure: { kind: 'http', status: 404 } })
  })
})

describe('field definitions across frames (the cache in the agent’s browser)', () => {
  it('the second frame of the same account and language reads no REST', async () => {
    const storage = memoryStorage()
    const first = frame({ storage })
    const definitions = await definitionsIn(first)
    expect(first.rest()).toHaveLength(1)
    const second = frame({ storage })
    expect(await definitionsIn(second)).toEqual(definitions)
    expect(second.rest()).toEqual([])
    // Configuration only: no requester, message or user data in what is stored.
    expect([...storage.items.values()].join()).not.toMatch(/김|010|driver_status|보험은/)
  })

  it('another account or another language reads its own', async () => {
    const storage = memoryStorage()
    await definitionsIn(frame({ storage }))
    const otherAccount = frame({ storage, account: 'another' })
    await definitionsIn(otherAccount)
    expect(otherAccount.rest()).toHaveLength(1)
    zendeskApi.state.callerLocale = 'en-US'
    const english = frame({ storage, locale: 'en-US' })
    await definitionsIn(english)
    expect(english.rest()).toHaveLength(1)
  })

  it('a re-read goes through REST once, and only for a copy the frame took from the cache', async () => {
    const storage = memoryStorage()
    const first = frame({ storage })
    await definitionsIn(first)
    expect(await first.host.readFieldDefinitions([NESTED_FIELD_ID], true)).toBeNull()
    expect(first.rest()).toHaveLength(1)

    const second = frame({ storage })
    await definitionsIn(second)
    expect(second.rest()).toEqual([])
    expect(await second.host.readFieldDefinitions([NESTED_FIELD_ID], true)).not.toBeNull()
    expect(second.rest()).toHaveLength(1)
    expect(await second.host.readFieldDefinitions([NESTED_FIELD_ID], true)).toBeNull()
    expect(second.rest()).toHaveLength(1)
  })

  it('without storage, each frame reads REST once, never twice', async () => {
    const f = frame({ storage: null })
    await definitionsIn(f)
    await f.host.readFieldDefinitions([NESTED_FIELD_ID])
    expect(f.rest()).toHaveLength(1)
    const next = frame({ storage: null })
    await definitionsIn(next)
    expect(next.rest()).toHaveLength(1)
  })
})
