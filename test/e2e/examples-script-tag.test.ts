import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { sandboxUsers } from '../../src/testing/index'
import { approveAs, expectOtherUsersDeviceRefused, expectOwnDeviceShown, requestsCarrying, setReserve, useExampleSandbox } from './support/example-sandbox'

// examples/script-tag/ served by the real example.sandbox, driven in Chromium the way a person uses it.
const [ada, , katherine] = sandboxUsers as [(typeof sandboxUsers)[number], (typeof sandboxUsers)[number], (typeof sandboxUsers)[number]]

const example = useExampleSandbox({ commandDelayMs: 100 })
// What a person would wait for: commands are polled once a second, and CI machines are slow.
const patience = { timeout: 10_000 }

/** Opens the example, clicks Connect, and returns the page and the popup Chromium opened. */
async function clickConnect(): Promise<{ page: Page; popup: Page }> {
  const watch = await example.watchContext()
  const page = await watch.context.newPage()
  await page.goto(`${example.sandbox.appUrl}/script-tag/`)
  const connect = page.getByRole('button', { name: 'Connect your devices' })
  await expect.poll(() => connect.isEnabled(), patience).toBe(true)
  const [popup] = await Promise.all([page.waitForEvent('popup'), connect.click()])
  await popup.waitForURL((url) => url.origin === example.sandbox.hostedUrl && url.pathname === '/connect')
  return { page, popup }
}

const statusOf = (page: Page) => page.locator('#status').textContent()
const deviceNames = (page: Page) => page.locator('#devices .device-name').allTextContents()

describe('examples/script-tag in Chromium', () => {
  it('is listed on the sandbox home page', async () => {
    const home = await (await fetch(`${example.sandbox.appUrl}/`)).text()
    expect(home).toContain('href="/script-tag/"')
  })

  it("connects in a popup, lists the devices, runs a command to success and shows another user's device refused with 403", async () => {
    const { page, popup } = await clickConnect()
    // The popup shows the sandbox's hosted page, reached through a link the SDK made with the Connect key.
    expect(popup.url()).not.toContain(example.sandbox.connectKey)
    const closed = popup.waitForEvent('close')
    await approveAs(popup, ada.referenceId)
    await closed

    await expect.poll(() => statusOf(page), patience).toBe('Connected: 5 devices.')
    expect(await deviceNames(page)).toEqual(['Powerwall', 'Model 3', 'Garage charger', 'Roof array', 'Hallway'])

    expect(await page.locator('li[data-device-id="dev_ada_powerwall"] .reserve').textContent()).toBe('Backup reserve: 20%')
    await setReserve(page, example.sandbox, 'dev_ada_powerwall', 35)

    // Ada's page offers Grace's battery: Texture refuses it, and the page says so.
    await expectOtherUsersDeviceRefused(page, 'dev_grace_iq_battery')
    // Her own device, asked the same way, is not refused.
    await expectOwnDeviceShown(page, 'dev_ada_model3', 'Model 3 is yours: a vehicle by tesla.')

    expect(example.watch!.problems).toEqual([])
    // The key travelled in headers only: never in a URL or a Referer.
    expect(await requestsCarrying(example.watch!, ada.scopedKey)).toEqual([])
    expect(await requestsCarrying(example.watch!, example.sandbox.connectKey)).toEqual([])
  })

  it('lists every device of a user whose devices span several pages', async () => {
    const { page, popup } = await clickConnect()
    await approveAs(popup, katherine.referenceId, 'ecobee')
    await expect.poll(() => statusOf(page), patience).toBe('Connected: 25 devices.')
    const names = await deviceNames(page)
    expect(new Set(names).size).toBe(25)
    expect(names).toContain('Basement battery')
    // Katherine's page offers a device that is not hers.
    expect(await page.getByLabel('Device id').inputValue()).toBe('dev_grace_iq_battery')
    expect(example.watch!.problems).toEqual([])
  })

  it('says nothing was shared when the person cancels in the popup', async () => {
    const { page, popup } = await clickConnect()
    await popup.locator('#cancel').click()
    await expect.poll(() => statusOf(page), patience).toBe('Connect was closed (user-cancelled); nothing was shared. You can try again.')
    expect(await page.locator('#dashboard').isHidden()).toBe(true)
    expect(example.watch!.problems).toEqual([])
  })
})
