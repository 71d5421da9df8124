import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../examples/sandbox/sandbox'
import { launchBrowser } from './support/browser'

// examples/react/ on the sandbox, as `npm start` serves it: app.tsx bundled with React's
// development build and rendered in <StrictMode>, so every effect mounts, unmounts and remounts.
let sandbox: Sandbox
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  const { startSandbox } = await import('../../examples/sandbox/sandbox.js')
  ;[sandbox, browser] = await Promise.all([startSandbox({ port: 0, commandDelayMs: 20 }), launchBrowser()])
})
afterEach(async () => {
  await context?.close()
})
afterAll(async () => {
  await browser?.close()
  await sandbox?.close()
})

/** Loads the example, clicks Connect once for real, and returns the app, its popup and every page the click made. */
async function clickConnect(): Promise<{ app: Page; popup: Page; opened: Page[] }> {
  context = await browser.newContext()
  const app = await context.newPage()
  const opened: Page[] = []
  context.on('page', (page) => opened.push(page))
  await app.goto(`${sandbox.appUrl}/react/`)
  const connect = app.locator('#connect')
  await expect.poll(() => connect.isEnabled()).toBe(true)
  const [popup] = await Promise.all([app.waitForEvent('popup'), connect.click()])
  await popup.waitForURL((url) => url.origin === sandbox.hostedUrl && url.pathname === '/connect')
  await popup.locator('#connect-form').waitFor()
  return { app, popup, opened }
}

const statusOf = (app: Page) => app.locator('#status').textContent()

describe('the React example (examples/react) in Chromium, inside <StrictMode>', () => {
  it('is served as React’s development build, so StrictMode really doubles the effects', async () => {
    const bundle = await (await fetch(`${sandbox.appUrl}/react/app.js`)).text()
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
    expect(await app.locator('#devices-title').textContent()).not.toContain('scoped_sandbox_ada_5f2c8e41')
    expect(app.url()).toBe(`${sandbox.appUrl}/react/`)
    expect(opened).toEqual([popup])
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
