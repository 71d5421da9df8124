import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newTestContext } from './support/browser'
import { startServers, type TestServers } from './support/servers'

// What the app page (fixtures/app.js) records: every callback call, and how `result` settled.
type LogEntry = { type: string; name?: string; scopedKey?: string; reason?: string; code?: string }
type ResultSummary = { ok: boolean; scopedKey?: string; code?: string; isConnectError?: boolean }
type AppWindow = Window & { connectLog: LogEntry[]; connectResult: Promise<ResultSummary> }
type HostedWindow = Window & { texturePost(message: Record<string, unknown>, fields?: Record<string, unknown>): void }

let servers: TestServers
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  ;[servers, browser] = await Promise.all([startServers(), launchBrowser()])
})
afterEach(async () => {
  await context?.close()
})
afterAll(async () => {
  await browser?.close()
  await servers?.close()
})

/** Loads the app page for `scenario` and clicks Connect for real; returns the app and its popup. */
async function clickConnect(scenario: string): Promise<{ app: Page; popup: Page }> {
  context = await newTestContext(browser)
  const app = await context.newPage()
  await app.goto(`${servers.appOrigin}/?scenario=${scenario}&hosted=${encodeURIComponent(servers.hostedOrigin)}`)
  const [popup] = await Promise.all([app.waitForEvent('popup'), app.click('#connect')])
  return { app, popup }
}

async function waitForHostedPage(popup: Page, origin = servers.hostedOrigin): Promise<void> {
  await popup.waitForURL((url) => url.origin === origin && url.pathname === '/hosted.html')
  await popup.waitForLoadState('load')
}

// A navigation the page starts itself keeps window.opener (an address-bar navigation would cut it).
async function navigateFromPage(page: Page, url: string): Promise<void> {
  const loaded = page.waitForEvent('load')
  await page.evaluate((target) => {
    location.href = target
  }, url)
  await loaded
  expect(page.url()).toBe(url)
}

const resultOf = (app: Page) => app.evaluate(() => (window as unknown as AppWindow).connectResult)
const logOf = (app: Page) => app.evaluate(() => (window as unknown as AppWindow).connectLog)
const waitForLog = (app: Page, entry: Partial<LogEntry>) =>
  app.waitForFunction((wanted) => (window as unknown as AppWindow).connectLog.some((logged) => Object.entries(wanted).every(([key, value]) => logged[key as keyof LogEntry] === value)), entry)

describe('the popup Connect flow in Chromium (script-tag build)', () => {
  it('opens the hosted flow with the protocol parameters and settles with the scoped key', async () => {
    const { app, popup } = await clickConnect('link')
    await waitForHostedPage(popup)
    const url = new URL(popup.url())
    expect(url.searchParams.get('token')).toBe('lt_static')
    expect(url.searchParams.get('texture_origin')).toBe(servers.appOrigin)
    expect(url.searchParams.get('texture_mode')).toBe('popup')
    expect(url.searchParams.get('texture_sdk')).toBe('1')
    expect(url.searchParams.get('texture_state')).toMatch(/^[0-9a-f]{32}$/)
    await waitForLog(app, { type: 'event', name: 'READY' })
    const closed = popup.waitForEvent('close')
    await popup.click('#approve')
    expect(await resultOf(app)).toEqual({ ok: true, scopedKey: 'scoped_e2e_lt_static' })
    await closed
    expect(await logOf(app)).toEqual([
      { type: 'event', name: 'READY' },
      { type: 'success', scopedKey: 'scoped_e2e_lt_static', metadata: { referenceId: 'user-1' } },
    ])
  })

  it('ignores forged messages (wrong origin, wrong window, wrong state, version or key) and then settles on the real one', async () => {
    const { app, popup } = await clickConnect('link')
    await waitForHostedPage(popup)
    const hostedUrl = new URL(popup.url())
    const state = hostedUrl.searchParams.get('texture_state')!
    const forged = (name: string) => ({ source: 'texture-connect', version: 1, state, type: 'success', scopedKey: `scoped_forged_${name}` })

    // The right window, but navigated to another origin (same server reached as localhost).
    await navigateFromPage(popup, `${servers.lookAlikeOrigin}/hosted.html${hostedUrl.search}`)
    await popup.evaluate(() => (window as unknown as HostedWindow).texturePost({ type: 'success', scopedKey: 'scoped_forged_origin' }))
    // The app's own origin and window.
    await app.evaluate((message) => window.postMessage(message, location.origin), forged('self'))
    // The right origin, but another window: a frame of the hosted origin inside the app page.
    await app.evaluate((src) => {
      const frame = document.createElement('iframe')
      frame.src = src
      document.body.append(frame)
      return new Promise((resolve) => frame.addEventListener('load', resolve))
    }, `${servers.hostedOrigin}/forger.html`)
    const forger = app.frames().find((frame) => frame.url().startsWith(`${servers.hostedOrigin}/forger.html`))!
    await forger.evaluate(([message, target]) => window.parent.postMessage(message, target), [forged('window'), servers.appOrigin] as const)

    // The right window and origin, with a bad state, version or key.
    await navigateFromPage(popup, hostedUrl.toString())
    await popup.evaluate(() => {
      const hosted = window as unknown as HostedWindow
      hosted.texturePost({ type: 'success', scopedKey: 'scoped_forged_no_state', state: undefined })
      hosted.texturePost({ type: 'success', scopedKey: 'scoped_forged_state', state: 'f'.repeat(32) })
      hosted.texturePost({ type: 'success', scopedKey: 'scoped_forged_version', version: 2 })
      hosted.texturePost({ type: 'success', scopedKey: 'api_forged_secret' })
      hosted.texturePost({ type: 'event', name: 'FORGED_NAMESPACE', source: 'plaid' })
      hosted.texturePost({ type: 'event', name: 'AFTER_FORGERIES' })
    })
    await waitForLog(app, { type: 'event', name: 'AFTER_FORGERIES' })
    await app.waitForTimeout(150)
    expect((await logOf(app)).filter((entry) => entry.type !== 'event' || entry.name !== 'READY')).toEqual([{ type: 'event', name: 'AFTER_FORGERIES' }])

    await popup.click('#approve')
    expect(await resultOf(app)).toEqual({ ok: true, scopedKey: 'scoped_e2e_lt_static' })
  })

  it('reports a popup the user closed as popup-closed through onExit, within a second or so', async () => {
    const { app, popup } = await clickConnect('link')
    await waitForHostedPage(popup)
    const closedAt = Date.now()
    await popup.close()
    expect(await resultOf(app)).toEqual({ ok: false, code: 'popup-closed', isConnectError: true })
    expect(Date.now() - closedAt).toBeLessThan(2000)
    expect((await logOf(app)).at(-1)).toEqual({ type: 'exit', reason: 'popup-closed' })
  })

  it('treats the hosted cancel button as cancelled through onExit', async () => {
    const { app, popup } = await clickConnect('link')
    await waitForHostedPage(popup)
    await popup.click('#cancel')
    expect(await resultOf(app)).toEqual({ ok: false, code: 'cancelled', isConnectError: true })
    expect((await logOf(app)).at(-1)).toEqual({ type: 'exit', reason: 'user-cancelled' })
  })

  it('reports a blocked popup as popup-blocked through onError', async () => {
    context = await newTestContext(browser)
    const app = await context.newPage()
    await app.goto(`${servers.appOrigin}/?scenario=blocked&hosted=${encodeURIComponent(servers.hostedOrigin)}`)
    await app.click('#connect')
    expect(await resultOf(app)).toEqual({ ok: false, code: 'popup-blocked', isConnectError: true })
    expect(await logOf(app)).toEqual([expect.objectContaining({ type: 'error', code: 'popup-blocked' })])
  })

  it('opens a blank popup at once for an async linkUrl and sends it to the link when it arrives', async () => {
    const { app, popup } = await clickConnect('async')
    expect(popup.url()).toBe('about:blank')
    await waitForHostedPage(popup)
    await waitForLog(app, { type: 'event', name: 'READY' })
    await popup.click('#approve')
    expect(await resultOf(app)).toEqual({ ok: true, scopedKey: 'scoped_e2e_lt_static' })
  })

  it('creates the link with a connect key against /v1/connections, keeping the key out of the URL', async () => {
    servers.connectionRequests.length = 0
    const { app, popup } = await clickConnect('connect-key')
    await waitForHostedPage(popup)
    expect(servers.connectionRequests).toEqual([{ apiKey: 'ck_e2e_public_key', body: { referenceId: 'user-1' } }])
    expect(popup.url()).toContain('token=lt_e2e')
    expect(popup.url()).not.toContain('ck_e2e_public_key')
    await popup.click('#approve')
    expect(await resultOf(app)).toEqual({ ok: true, scopedKey: 'scoped_e2e_lt_e2e' })
  })
})
