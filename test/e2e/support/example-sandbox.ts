import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { startSandbox, type Sandbox } from '../../../examples/sandbox/sandbox.js'
import { containsScopedKey } from '../../security/support/key-spy'
import { launchBrowser, newTestContext } from './browser'
export { startSandbox, type Sandbox } from '../../../examples/sandbox/sandbox.js'

/** Anything that finds elements: a Page (the popup, a redirected page) or a FrameLocator (the iframe). */
interface Finds {
  locator(selector: string): Locator
}

/**
 * Does what a person does on the sandbox's hosted Connect page: picks the user (when the link
 * names none) and a manufacturer, then presses "Allow and connect".
 */
export async function approveAs(hosted: Finds, referenceId: string, manufacturer = 'tesla'): Promise<void> {
  await hosted.locator(`input[name="user"][value="${referenceId}"]`).check()
  await hosted.locator(`input[name="manufacturer"][value="${manufacturer}"]`).check()
  await hosted.locator('#approve').click()
}

/** What a browser context did that a user (or their devtools) would see as a problem or a leak. */
export interface ContextWatch {
  context: BrowserContext
  /** Uncaught exceptions and console errors of every page, popups included (CSP violations are console errors). */
  problems: string[]
  /** Every request of every page, to check where keys travelled (see `requestsCarrying`). */
  requests: Request[]
}

// Chromium logs every HTTP error answer as a console error; the examples provoke a 403 on purpose.
const expectedConsoleError = /^Failed to load resource: the server responded with a status of 403/

/**
 * A fresh browser context that records page errors, console errors, `securitypolicyviolation`
 * events, any console message carrying a scoped key (SECURITY.md: never logged), and requests.
 */
export async function watchedContext(browser: Browser): Promise<ContextWatch> {
  const context = await newTestContext(browser)
  const watch: ContextWatch = { context, problems: [], requests: [] }
  // Injected by the browser, outside every page's CSP: each violation becomes a console error.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI}`))
  })
  context.on('weberror', (error) => watch.problems.push(`uncaught: ${error.error().message}`))
  context.on('console', (message) => {
    if (containsScopedKey(message.text())) watch.problems.push(`a scoped key in console.${message.type()}`)
    else if (message.type() === 'error' && !expectedConsoleError.test(message.text())) watch.problems.push(`console: ${message.text()}`)
  })
  context.on('request', (request) => watch.requests.push(request))
  return watch
}

/** The requests whose URL or Referer header contains `secret`, as `METHOD url` (read before the context closes). */
export async function requestsCarrying(watch: ContextWatch, secret: string): Promise<string[]> {
  const found: string[] = []
  for (const request of watch.requests) {
    const referer = (await request.headerValue('referer').catch(() => null)) ?? ''
    if (request.url().includes(secret) || referer.includes(secret)) found.push(`${request.method()} ${request.url()}${referer.includes(secret) ? ` (Referer ${referer})` : ''}`)
  }
  return found
}

/**
 * Where a scoped key sits at rest in the context's open pages, popups included: localStorage,
 * sessionStorage or cookies (SECURITY.md: the SDK writes it to none of them, nor should an example).
 */
export async function keysAtRest(watch: ContextWatch): Promise<string[]> {
  const found: string[] = []
  for (const page of watch.context.pages()) {
    const stores = await page
      .evaluate(() => ({
        localStorage: Object.entries(localStorage).join(' '),
        sessionStorage: Object.entries(sessionStorage).join(' '),
        cookie: document.cookie,
      }))
      .catch(() => ({}) as Record<string, string>)
    for (const [where, text] of Object.entries(stores)) if (containsScopedKey(text)) found.push(`${where} of ${page.url()}`)
  }
  return found
}

// What a person would wait for: commands are polled once a second, and CI machines are slow.
const patience = { timeout: 10_000 }

/**
 * Sets a battery's reserve through an example page, as a person would, and expects to see the
 * command go pending → success, the new reserve shown, and the sandbox's device changed.
 */
export async function setReserve(page: Page, sandbox: Sandbox, deviceId: string, percent: number): Promise<void> {
  const battery = page.locator(`li[data-device-id="${deviceId}"]`)
  await battery.getByLabel('New reserve (%)').fill(String(percent))
  await battery.getByRole('button', { name: 'Set reserve' }).click()
  await expect.poll(() => battery.locator('.command-status').textContent(), patience).toBe(`Set reserve to ${percent}%: pending → success`)
  await expect.poll(() => battery.locator('.reserve').textContent(), patience).toBe(`Backup reserve: ${percent}%`)
  expect(sandbox.fake.store.findDevice(deviceId)?.state).toMatchObject({ backupReserve: percent })
}

/** Asks the example for `otherDeviceId` (another user's, which the page suggests) and expects Texture's 403 shown. */
export async function expectOtherUsersDeviceRefused(page: Page, otherDeviceId: string): Promise<void> {
  expect(await page.getByLabel('Device id').inputValue()).toBe(otherDeviceId)
  await page.getByRole('button', { name: "Try another user's device" }).click()
  await expect
    .poll(() => page.locator('#lookup-result').textContent(), patience)
    .toMatch(new RegExp(`^Refused with HTTP 403: that device belongs to another user\\. \\(GET /devices/${otherDeviceId} failed with HTTP 403`))
}

/** Asks the example for one of the user's own devices the same way, and expects it shown, not refused. */
export async function expectOwnDeviceShown(page: Page, deviceId: string, shown: string): Promise<void> {
  await page.getByLabel('Device id').fill(deviceId)
  await page.getByRole('button', { name: "Try another user's device" }).click()
  await expect.poll(() => page.locator('#lookup-result').textContent(), patience).toBe(shown)
}

/** What `useExampleSandbox` gives a test file: the sandbox, and a watched context per test. */
export interface ExampleSandbox {
  /** The sandbox, started before the file's first test and closed after its last. */
  readonly sandbox: Sandbox
  /** This test's watched context, once `watchContext()` made it; `undefined` before. */
  readonly watch: ContextWatch | undefined
  /** A fresh watched context for this test, closed after it once no key is found at rest in it. */
  watchContext(): Promise<ContextWatch>
}

/**
 * The setup every example file shares: the sandbox on ephemeral ports and a connection to the run's
 * Chromium before the first test; after each test, the check that no scoped key is at rest in the
 * context it watched (storage, cookies), the context closed and the fake API reset; both closed
 * after the last test.
 */
export function useExampleSandbox(options: { commandDelayMs: number }): ExampleSandbox {
  let sandbox: Sandbox | undefined
  let browser: Browser | undefined
  let watch: ContextWatch | undefined
  beforeAll(async () => {
    ;[sandbox, browser] = await Promise.all([startSandbox({ port: 0, commandDelayMs: options.commandDelayMs }), launchBrowser()])
  })
  afterEach(async () => {
    const atRest = watch === undefined ? [] : await keysAtRest(watch)
    await watch?.context.close()
    watch = undefined
    sandbox?.fake.reset()
    expect(atRest).toEqual([])
  })
  afterAll(async () => {
    await browser?.close()
    await sandbox?.close()
  })
  return {
    get sandbox() {
      if (sandbox === undefined) throw new Error('The sandbox starts in beforeAll: use it inside a test.')
      return sandbox
    },
    get watch() {
      return watch
    },
    async watchContext() {
      if (browser === undefined) throw new Error('The browser connects in beforeAll: use it inside a test.')
      watch = await watchedContext(browser)
      return watch
    },
  }
}
