import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { sandboxUsers } from '../../src/testing/index'
import { approveAs, expectOtherUsersDeviceRefused, expectOwnDeviceShown, requestsCarrying, setReserve, useExampleSandbox } from './support/example-sandbox'

// examples/react/ on the example.sandbox, as `npm start` serves it: app.tsx bundled with React's
// development build and rendered in <StrictMode>, so every effect mounts, unmounts and remounts.
const [ada] = sandboxUsers as [(typeof sandboxUsers)[number]]

const example = useExampleSandbox({ commandDelayMs: 20 })

/** Loads the example, clicks Connect once for real, and returns the app, its popup and every page the click made. */
async function clickConnect(): Promise<{ app: Page; popup: Page; opened: Page[] }> {
  const watch = await example.watchContext()
  const app = await watch.context.newPage()
  const opened: Page[] = []
  watch.context.on('page', (page) => opened.push(page))
  await app.goto(`${example.sandbox.appUrl}/react/`)
  const connect = app.locator('#connect')
  await expect.poll(() => connect.isEnabled()).toBe(true)
  const [popup] = await Promise.all([app.waitForEvent('popup'), connect.click()])
  await popup.waitForURL((url) => url.origin === example.sandbox.hostedUrl && url.pathname === '/connect')
  await popup.locator('#connect-form').waitFor()
  return { app, popup, opened }
}

/** Connects as Ada in the popup and waits until the page lists her devices. */
async function connectAsAda(): Promise<Page> {
  const { app, popup } = await clickConnect()
  const closed = popup.waitForEvent('close')
  await approveAs(popup, ada.referenceId)
  await closed
  await app.locator('#devices li').first().waitFor()
  return app
}

const statusOf = (app: Page) => app.locator('#status').textContent()

describe('the React example (examples/react) in Chromium, inside <StrictMode>', () => {
  it('is served as React’s development build, so StrictMode really doubles the effects', async () => {
    const bundle = await (await fetch(`${example.sandbox.appUrl}/react/app.js`)).text()
    expect(bundle).toContain('react-dom-client.development.js')
    expect(bundle).toContain('StrictMode')
  })

  it('opens one popup for one click, and the success shows the user’s devices', async () => {
    const { app, popup, opened } = await clickConnect()
    expect(opened).toEqual([popup])
    expect(await statusOf(app)).toBe('Waiting for you in the Connect popup…')
    await popup.check('input[name="user"][value="user_ada"]')
    await popup.check('input[name="manufacturer"] >> nth=0')
    const closed = popup.waitForEvent('close')
    await popup.click('#approve')
    await closed
    await app.locator('#devices li').first().waitFor()
    expect(await statusOf(app)).toBe('Connected.')
    const ids = await app.locator('#devices li').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.deviceId))
    expect(ids).toContain('dev_ada_powerwall')
    // No part of the scoped key is rendered: not its prefix, not its last characters.
    const html = await app.content()
    expect(html).not.toContain('scoped_')
    expect(html).not.toContain(ada.scopedKey.slice(-4))
    expect(app.url()).toBe(`${example.sandbox.appUrl}/react/`)
    expect(opened).toEqual([popup])
    expect(example.watch!.problems).toEqual([])
  })

  it('sends a command and sees it succeed', async () => {
    const app = await connectAsAda()
    expect(await app.locator('li[data-device-id="dev_ada_powerwall"] .reserve').textContent()).toBe('Backup reserve: 20%')
    await setReserve(app, example.sandbox, 'dev_ada_powerwall', 35)
    expect(example.watch!.problems).toEqual([])
  })

  it('shows another user’s device refused with 403', async () => {
    const app = await connectAsAda()
    // Ada's page offers Grace's battery: Texture refuses it, and the page says so.
    await expectOtherUsersDeviceRefused(app, 'dev_grace_iq_battery')
    // Her own device, asked the same way, is not refused.
    await expectOwnDeviceShown(app, 'dev_ada_model3', 'Model 3 is yours: a vehicle by tesla.')
    expect(example.watch!.problems).toEqual([])
    // The key travelled in headers only: never in a URL or a Referer.
    expect(await requestsCarrying(example.watch!, ada.scopedKey)).toEqual([])
  })

  it('closes the popup when the Connect panel unmounts', async () => {
    const { app, popup } = await clickConnect()
    const closed = popup.waitForEvent('close')
    await app.click('#tab-keys')
    await closed
    expect(popup.isClosed()).toBe(true)
    expect(await app.locator('#keys-title').textContent()).toBe('Handling the scoped key')
  })
})
