/** The harness closes the scenario pages a test opened, so tests do not close them themselves. */
import { describe, expect, it } from 'vitest'
import { TEST_TIMEOUT, useHarness, type ScenarioPage } from './harness'

const harness = useHarness()
let previous: ScenarioPage | undefined

describe('browser-test harness', { timeout: TEST_TIMEOUT }, () => {
  it('opens scenario pages without closing them', async () => {
    previous = await harness.open('member')
    await harness.open('nonmember-account')
    expect(harness.browser.contexts()).toHaveLength(2)
    expect(previous.page.isClosed()).toBe(false)
  })

  it('has closed them once that test finished', () => {
    expect(previous?.page.isClosed()).toBe(true)
    expect(harness.browser.contexts()).toHaveLength(0)
  })
})
