import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newTestContext } from './support/browser'
import { startRouteServer, type RouteServer } from './support/route-server'
import { coopGracePeriod } from '../../src/connect/presenters/popup-gone'

// TextureConnect.open() in every mode, through every completion channel of docs/protocol.md, with the
// script-tag build on app pages served under a strict CSP.
type LogEntry = { type: string; scopedKey?: string; reason?: string; via?: string; code?: string; name?: string; mode?: string }
type AppWindow = Window & { connectLog: LogEntry[]; violations: string[]; returned: { scopedKey: string } | null | undefined }

const fixtures = fileURLToPath(new URL('./fixtures/modes/', import.meta.url))
const globalBuild = fileURLToPath(new URL('../../dist/texture-connect.global.js', import.meta.url))
const appFiles = ['app.html', 'app.js', 'return.html', 'return.js', 'landed.html']
const hostedFiles = ['hosted.html', 'hosted.js']

let app: RouteServer
let hosted: RouteServer
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  const names = [...appFiles, ...hostedFiles]
  const text = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(`${fixtures}${name}`, 'utf8')] as const)))
  const sdk = await readFile(globalBuild, 'utf8')
  const typeOf = (name: string) => (name.endsWith('.js') ? 'text/javascript' : 'text/html')
  let hostedOrigin = ''
  app = await startRouteServer('localhost', (url) => {
    const name = url.pathname.slice(1)
    // No inline script or style anywhere: the SDK must work under this policy. frame-src needs
    // 'self' too: the iframe comes back to the app's redirectUrl.
    const headers = { 'Content-Security-Policy': `default-src 'self'; frame-src 'self' ${hostedOrigin}` }
    if (name === 'texture-connect.global.js') return { type: 'text/javascript', body: sdk, headers }
    if (!appFiles.includes(name)) return undefined
    return { type: typeOf(name), body: text[name], headers }
  })
  hosted = await startRouteServer('127.0.0.1', (url) => {
    const name = url.pathname.slice(1)
    if (!hostedFiles.includes(name)) return undefined
    const headers: Record<string, string> = url.searchParams.get('coop') === '1' ? { 'Cross-Origin-Opener-Policy': 'same-origin' } : {}
    return { type: typeOf(name), body: text[name], headers }
  })
  hostedOrigin = hosted.origin
  browser = await launchBrowser()
})
afterEach(async () => {
  await context?.close()
})
afterAll(async () => {
  await browser?.close()
  await Promise.all([app?.close(), hosted?.close()])
})

/** The app page; with `fakeClock`, its timers run on Playwright's clock, so a grace period is skipped rather than slept. */
async function loadApp(query: Record<string, string>, options: { fakeClock?: boolean } = {}): Promise<Page> {
  context = await newTestContext(browser)
  if (options.fakeClock === true) await context.clock.install()
  const page = await context.newPage()
  await page.goto(`${app.origin}/app.html?${new URLSearchParams({ hosted: hosted.origin, ...query })}`)
  return page
}

const logOf = (page: Page) => page.evaluate(() => (window as unknown as AppWindow).connectLog)
const violationsOf = (page: Page) => page.evaluate(() => (window as unknown as AppWindow).violations)
const waitForLog = (page: Page, entry: Partial<LogEntry>) =>
  page.waitForFunction((wanted) => (window as unknown as AppWindow).connectLog.some((logged) => Object.entries(wanted).every(([key, value]) => logged[key as keyof LogEntry] === value)), entry)
const endings = async (page: Page) => (await logOf(page)).filter((entry) => ['success', 'exit', 'error'].includes(entry.type))

/** What the SDK may leave behind: nothing but the app's own button and paragraph, styles untouched. */
const pageLeftovers = (page: Page) =>
  page.evaluate(() => ({
    bodyChildren: [...document.body.children].map((element) => element.tagName),
    iframes: document.querySelectorAll('iframe').length,
    bodyStyle: document.body.getAttribute('style'),
    htmlStyle: document.documentElement.getAttribute('style'),
  }))

/**
 * The popup is cut off by COOP (no opener; the app's handle reads closed), yet the person is still
 * in it: no ending while several closed-window checks run, then approving delivers the key.
 */
async function expectCutOffPopupToFinish(page: Page, popup: Page): Promise<void> {
  expect(await popup.evaluate(() => window.opener)).toBeNull()
  await popup.waitForTimeout(1500)
  expect(await endings(page)).toEqual([])
  await popup.click('#approve')
  await waitForLog(page, { type: 'success' })
  expect(await endings(page)).toEqual([{ type: 'success', scopedKey: 'scoped_e2e_popup_redirect' }])
}

function hostedFrame(page: Page) {
  return page.frameLocator(`iframe[src^="${hosted.origin}"]`)
}

describe('iframe mode in Chromium', () => {
  it('shows an accessible modal, settles with the key its iframe sends, and leaves nothing behind', async () => {
    const page = await loadApp({ mode: 'iframe' })
    await page.click('#connect')
    const dialog = page.getByRole('dialog', { name: 'Connect your device' })
    await expect.poll(() => dialog.getAttribute('aria-modal')).toBe('true')
    await hostedFrame(page).locator('#approve').click()
    await waitForLog(page, { type: 'success' })
    expect(await endings(page)).toEqual([{ type: 'success', scopedKey: 'scoped_e2e_iframe_message' }])
    expect(await pageLeftovers(page)).toEqual({ bodyChildren: ['BUTTON', 'P'], iframes: 0, bodyStyle: null, htmlStyle: null })
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('connect')
    expect(await violationsOf(page)).toEqual([])
  })

  it('ignores a well-formed success posted by the parent page itself', async () => {
    const page = await loadApp({ mode: 'iframe' })
    await page.click('#connect')
    const frameUrl = await page.locator('iframe').getAttribute('src')
    const state = new URL(frameUrl!).searchParams.get('texture_state')
    // Some other script on the app's page knows the state and forges the hosted flow's message.
    await page.evaluate((forgedState) => {
      const message = { source: 'texture-connect', version: 1, state: forgedState, type: 'success', scopedKey: 'scoped_forged', metadata: {} }
      window.postMessage(message, '*')
      window.postMessage({ ...message, type: 'relay' }, location.origin)
    }, state)
    await hostedFrame(page).locator('#approve').click()
    await waitForLog(page, { type: 'success' })
    expect(await endings(page)).toEqual([{ type: 'success', scopedKey: 'scoped_e2e_iframe_message' }])
  })

  it('closes on Escape with onExit modal-closed, and gives focus back', async () => {
    const page = await loadApp({ mode: 'iframe' })
    await page.click('#connect')
    await hostedFrame(page).locator('#approve').waitFor()
    await page.getByRole('button', { name: 'Close' }).focus()
    await page.keyboard.press('Escape')
    await waitForLog(page, { type: 'exit' })
    expect(await endings(page)).toEqual([{ type: 'exit', reason: 'modal-closed', via: 'escape' }])
    expect(await pageLeftovers(page)).toMatchObject({ iframes: 0, bodyStyle: null })
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('connect')
  })

  it('closes from its labelled close button', async () => {
    const page = await loadApp({ mode: 'iframe' })
    await page.click('#connect')
    await page.getByRole('button', { name: 'Close' }).click()
    await waitForLog(page, { type: 'exit' })
    expect(await endings(page)).toEqual([{ type: 'exit', reason: 'modal-closed', via: 'close-button' }])
  })

  it('takes the key when the iframe lands on a plain app page with no SDK code, and keeps it out of history', async () => {
    const page = await loadApp({ mode: 'iframe', completion: 'redirect', landing: 'landed.html' })
    const historyBefore = await page.evaluate(() => history.length)
    await page.click('#connect')
    await hostedFrame(page).locator('#approve').click()
    await waitForLog(page, { type: 'success' })
    expect(await endings(page)).toEqual([{ type: 'success', scopedKey: 'scoped_e2e_iframe_redirect' }])
    expect(await pageLeftovers(page)).toMatchObject({ iframes: 0 })
    expect(page.url()).not.toContain('scoped_')
    // The iframe's navigations joined the tab's history; walking back through it shows no key.
    expect(await page.evaluate(() => history.length)).toBeGreaterThanOrEqual(historyBefore)
    expect(await violationsOf(page)).toEqual([])
  })

  it('takes the key handleRedirect relays from the redirectUrl page inside the iframe', async () => {
    const page = await loadApp({ mode: 'iframe', completion: 'redirect', landing: 'return.html' })
    await page.click('#connect')
    await hostedFrame(page).locator('#approve').click()
    await waitForLog(page, { type: 'success' })
    expect(await endings(page)).toEqual([{ type: 'success', scopedKey: 'scoped_e2e_iframe_redirect' }])
    expect(await violationsOf(page)).toEqual([])
  })

  it("falls back to the iframe when the popup is blocked and `fallback: 'iframe'`", async () => {
    const page = await loadApp({ mode: 'popup', fallback: 'iframe', blocked: '1' })
    await page.click('#connect')
    await hostedFrame(page).locator('#approve').click()
    await waitForLog(page, { type: 'success' })
    expect(await logOf(page)).toEqual(
      expect.arrayContaining([
        { type: 'event', name: 'FALLBACK' },
        { type: 'open', mode: 'iframe' },
        { type: 'success', scopedKey: 'scoped_e2e_iframe_message' },
      ]),
    )
  })
})

describe('popup mode completing on the app origin in Chromium', () => {
  it.each([
    ['takes the key when the popup lands on a plain app page, and closes the popup', 'landed.html'],
    ['takes the key handleRedirect relays from the redirectUrl page in the popup, which closes itself', 'return.html'],
  ])('%s', async (_name, landing) => {
    const page = await loadApp({ mode: 'popup', completion: 'redirect', landing })
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#connect')])
    const closed = popup.waitForEvent('close')
    await popup.click('#approve')
    await closed
    await waitForLog(page, { type: 'success' })
    expect(await endings(page)).toEqual([{ type: 'success', scopedKey: 'scoped_e2e_popup_redirect' }])
  })

  it('gets the key through the BroadcastChannel relay when COOP cut the popup off, and does not report it closed', async () => {
    const page = await loadApp({ mode: 'popup', completion: 'redirect', landing: 'return.html', coop: '1' })
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#connect')])
    await popup.waitForURL((url) => url.origin === hosted.origin)
    await popup.locator('#approve').waitFor()
    await expectCutOffPopupToFinish(page, popup)
  })

  it('does not report popup-closed when a hosted page that spoke the protocol goes on to a COOP page', async () => {
    const page = await loadApp({ mode: 'popup', completion: 'redirect', landing: 'return.html', login: 'coop' })
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#connect')])
    await waitForLog(page, { type: 'event', name: 'READY' })
    await popup.waitForURL((url) => url.searchParams.get('coop') === '1')
    await popup.locator('#approve').waitFor()
    await expectCutOffPopupToFinish(page, popup)
  })

  it('fails with hosted-error at once when the flow comes back to handleRedirect with a value that is not a scoped key, even under COOP', async () => {
    const page = await loadApp({ mode: 'popup', completion: 'redirect', landing: 'return.html', coop: '1', key: 'malformed' })
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#connect')])
    await popup.locator('#approve').waitFor()
    const closed = popup.waitForEvent('close')
    await popup.click('#approve')
    // Cut off by COOP, the session learns it only from the relay: without it, it would wait for the focus grace period.
    await waitForLog(page, { type: 'error' })
    expect(await endings(page)).toEqual([{ type: 'error', code: 'hosted-error' }])
    await closed
  })

  it('still reports popup-closed when the person closes a popup COOP cut off, once they are back on the page', async () => {
    const page = await loadApp({ mode: 'popup', completion: 'redirect', landing: 'return.html', coop: '1' }, { fakeClock: true })
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#connect')])
    await popup.locator('#approve').waitFor()
    await popup.close()
    await page.bringToFront()
    await context.clock.runFor(coopGracePeriod + 1000)
    await waitForLog(page, { type: 'exit' })
    expect(await endings(page)).toEqual([{ type: 'exit', reason: 'popup-closed' }])
  })

  it('opens a new popup at once when Connect is clicked again right after the person closed the popup', async () => {
    const page = await loadApp({ mode: 'popup', completion: 'redirect', landing: 'return.html' })
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#connect')])
    await popup.locator('#approve').waitFor()
    await popup.close()
    const [second] = await Promise.all([page.waitForEvent('popup'), page.click('#connect')])
    await second.locator('#approve').waitFor()
    expect(await endings(page)).toEqual([{ type: 'exit', reason: 'popup-closed' }])
  })
})

describe('redirect mode in Chromium', () => {
  it('goes to the hosted flow and back; handleRedirect returns the key and leaves none in the address or history', async () => {
    const page = await loadApp({ mode: 'redirect', completion: 'redirect', landing: 'return.html' })
    await Promise.all([page.waitForURL((url) => url.origin === hosted.origin), page.click('#connect')])
    expect(new URL(page.url()).searchParams.has('texture_state')).toBe(false)
    await Promise.all([page.waitForURL((url) => url.pathname === '/return.html'), page.click('#approve')])
    await expect.poll(() => page.locator('#status').textContent()).toBe('connected')
    expect(await page.evaluate(() => (window as unknown as AppWindow).returned)).toEqual({ scopedKey: 'scoped_e2e_redirect_redirect' })
    expect(page.url()).toBe(`${app.origin}/return.html?from=app#done`)
    expect(await violationsOf(page)).toEqual([])
    // Back to the hosted page and forward again: the entry that held the key was replaced.
    await page.goBack()
    await page.goForward()
    await page.waitForURL((url) => url.pathname === '/return.html')
    expect(page.url()).not.toContain('scoped_')
  })
})
