import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newTestContext } from './support/browser'
import { bundleForPage } from './support/esbuild-page'
import { startRouteServer, type RouteResponse, type RouteServer } from './support/route-server'

// What the redirectUrl page (fixtures/redirect/redirect.js) reports about itself; never the key.
interface Measurement {
  marker: string | null
  markerAfter: string | null
  name: string
  hasOpener: boolean
  inFrame: boolean
  result: 'object' | 'threw' | null
  addressHasKey: boolean
  address: string
}
interface AppPage {
  keys: string[]
  landed: string[]
  landingReadThrew: boolean
  closedReadings: boolean[]
  state: string
  markerWritten: boolean
  popup: Window
  violations: string[]
  closeRequests: string[]
  historyLengthBefore: number
  remove(): void
}

const fixtures = fileURLToPath(new URL('./fixtures/redirect/', import.meta.url))
const pieces = `
  import { createIframeModal } from './src/connect/presenters/iframe-modal'
  import { handleRedirect } from './src/connect/return/handle-redirect'
  import { listenForRelay, markSdkPopup } from './src/connect/messaging/relay'
  import { frameName } from './src/connect/messaging/relay-message'
  import { takeLandedKey } from './src/connect/return/landing'
  import { createNonce } from './src/internal/nonce'
  Object.assign(window, { TC: { createIframeModal, handleRedirect, listenForRelay, markSdkPopup, frameName, takeLandedKey, createNonce } })
`

let app: RouteServer
let hosted: RouteServer
let browser: Browser
let context: BrowserContext
const measurements: Measurement[] = []

async function file(name: string, type: string, headers: Record<string, string> = {}): Promise<RouteResponse> {
  return { type, body: await readFile(`${fixtures}${name}`, 'utf8'), headers }
}

beforeAll(async () => {
  const [bundle, pages] = await Promise.all([
    bundleForPage(pieces),
    Promise.all(
      ['app.html', 'app.js', 'redirect.html', 'redirect.js', 'landed.html', 'iframe.html', 'iframe.js', 'hosted.html', 'hosted.js'].map(
        async (name) => [name, await readFile(`${fixtures}${name}`, 'utf8')] as const,
      ),
    ),
  ])
  const text = Object.fromEntries(pages)
  const typeOf = (name: string) => (name.endsWith('.js') ? 'text/javascript' : 'text/html')
  let hostedOrigin = ''
  app = await startRouteServer('localhost', (url, request, body) => {
    if (url.pathname === '/measure' && request.method === 'POST') {
      measurements.push(JSON.parse(body) as Measurement)
      return { status: 204 }
    }
    if (url.pathname === '/pieces.js') return { type: 'text/javascript', body: bundle }
    const name = url.pathname.slice(1)
    if (!['app.html', 'app.js', 'redirect.html', 'redirect.js', 'landed.html', 'iframe.html', 'iframe.js'].includes(name)) return undefined
    // Every app page runs under a strict CSP: no inline script or style. frame-src needs 'self' too:
    // the iframe comes back to the app's redirectUrl, and that navigation is checked against it.
    return { type: typeOf(name), body: text[name], headers: { 'Content-Security-Policy': `default-src 'self'; script-src 'self'; frame-src 'self' ${hostedOrigin}` } }
  })
  hosted = await startRouteServer('127.0.0.1', (url) => {
    const name = url.pathname.slice(1)
    if (name !== 'hosted.html' && name !== 'hosted.js') return undefined
    const coop: Record<string, string> = url.searchParams.get('coop') === '1' ? { 'Cross-Origin-Opener-Policy': 'same-origin' } : {}
    return { type: typeOf(name), body: text[name], headers: coop }
  })
  hostedOrigin = hosted.origin
  browser = await launchBrowser()
})
afterEach(async () => {
  await context?.close()
  measurements.length = 0
})
afterAll(async () => {
  await browser?.close()
  await Promise.all([app?.close(), hosted?.close()])
})

const appPage = <T>(page: Page, read: (state: AppPage) => T) => page.evaluate(`(${read.toString()})(window.appPage)`) as Promise<T>

/** Loads the app page and clicks Connect for real; returns the app and the popup Chromium opened. */
async function openPopup(query: Record<string, string>): Promise<{ page: Page; popup: Page }> {
  context = await newTestContext(browser)
  const page = await context.newPage()
  await page.goto(`${app.origin}/app.html?${new URLSearchParams({ hosted: hosted.origin, ...query })}`)
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#open')])
  await popup.waitForURL((url) => url.origin === hosted.origin)
  await popup.waitForLoadState('load')
  return { page, popup }
}

async function waitForMeasurement(): Promise<Measurement> {
  await expect.poll(() => measurements.length, { timeout: 5_000 }).toBeGreaterThan(0)
  return measurements[0]!
}

describe('redirect relay in Chromium', () => {
  it('relays the key from the redirectUrl popup to its opener, strips it from the address, and closes the popup', async () => {
    const { page, popup } = await openPopup({ flow: 'popup', target: 'texture-connect-popup' })
    expect(await appPage(page, (state) => state.markerWritten)).toBe(true)
    const closed = popup.waitForEvent('close')
    await popup.click('#approve')
    await closed
    await expect.poll(() => appPage(page, (state) => state.keys)).toEqual(['scoped_e2e_popup'])
    const measured = await waitForMeasurement()
    expect(measured).toMatchObject({ marker: await appPage(page, (state) => state.state), markerAfter: null, hasOpener: true, inFrame: false, result: null, addressHasKey: false })
    expect(measured.address).toBe(`${app.origin}/redirect.html?keep=1`)
    console.info('[measured] popup without COOP:', JSON.stringify({ markerSurvived: measured.marker !== null, windowName: measured.name, hasOpener: measured.hasOpener }))
  })

  it.each([
    ['opened on the link directly', '0'],
    ['opened blank, then navigated', '1'],
  ])('relays through BroadcastChannel when the hosted page sets Cross-Origin-Opener-Policy (popup %s)', async (_label, blank) => {
    const { page, popup } = await openPopup({ flow: 'coop', coop: '1', blank, target: 'texture-connect-popup' })
    expect(await appPage(page, (state) => state.markerWritten)).toBe(true)
    // COOP cut the opener link: the handle reads closed while the flow is still running.
    await expect.poll(() => appPage(page, (state) => state.popup.closed)).toBe(true)
    await popup.click('#approve')
    await expect.poll(() => appPage(page, (state) => state.keys)).toEqual(['scoped_e2e_coop'])
    const measured = await waitForMeasurement()
    expect(measured).toMatchObject({ marker: await appPage(page, (state) => state.state), hasOpener: false, result: null, addressHasKey: false })
    await expect.poll(() => context.pages().length, { timeout: 5_000 }).toBe(1)
    const readings = await appPage(page, (state) => state.closedReadings)
    // Back on the app origin (no COOP there) the handle stays cut: closed reads true to the end.
    expect(readings.at(-1)).toBe(true)
    expect(await appPage(page, (state) => state.landed)).toEqual([])
    console.info(
      `[measured] popup with COOP (${_label}):`,
      JSON.stringify({
        markerSurvived: measured.marker !== null,
        windowName: measured.name,
        hasOpener: measured.hasOpener,
        closedReadings: `${readings.indexOf(true)} false then ${readings.length - readings.indexOf(true)} true; false again later: ${readings.slice(readings.indexOf(true)).includes(false)}`,
      }),
    )
  })

  it('reads the landed key from a popup that lands on an app page with no SDK code', async () => {
    const { page, popup } = await openPopup({ flow: 'landing', landing: 'landed.html' })
    await popup.click('#approve')
    await expect.poll(() => appPage(page, (state) => state.landed.length)).toBeGreaterThan(0)
    expect(await appPage(page, (state) => [...new Set(state.landed)])).toEqual(['scoped_e2e_landing'])
    expect(await appPage(page, (state) => state.landingReadThrew)).toBe(false)
    expect(await appPage(page, (state) => state.keys)).toEqual([])
  })

  describe('the iframe modal under a strict CSP', () => {
    async function openModal(query: Record<string, string> = {}): Promise<Page> {
      context = await newTestContext(browser)
      const page = await context.newPage()
      await page.goto(`${app.origin}/iframe.html?${new URLSearchParams({ hosted: hosted.origin, ...query })}`)
      await page.evaluate(() => window.scrollTo(0, 300))
      await page.click('#open')
      await page.frameLocator('iframe[title="Connect your device"]').locator('#approve').waitFor()
      return page
    }
    const pageStyles = (page: Page) => page.evaluate(() => [document.documentElement.getAttribute('style'), document.body.getAttribute('style'), window.scrollY])
    const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName)

    it('opens without a single CSP violation, locks scroll, and the close button restores focus, scroll and styles exactly', async () => {
      const page = await openModal()
      expect(await page.getByRole('dialog', { name: 'Connect your device' }).isVisible()).toBe(true)
      expect(await activeId(page)).toBe('IFRAME')
      expect(await pageStyles(page)).toEqual(['overflow: hidden !important;', 'overflow: hidden !important;', 300])
      await page.getByRole('button', { name: 'Close' }).click()
      expect(await appPage(page, (state) => state.closeRequests)).toEqual(['close-button'])
      expect(await page.locator('[role="dialog"]').count()).toBe(0)
      expect(await page.locator('iframe').count()).toBe(0)
      expect(await activeId(page)).toBe('open')
      expect(await pageStyles(page)).toEqual([null, 'overflow: auto;', 300])
      expect(await appPage(page, (state) => state.violations)).toEqual([])
    })

    it('closes on Escape and keeps Shift+Tab inside the dialog', async () => {
      const page = await openModal()
      await page.getByRole('button', { name: 'Close' }).focus()
      await page.keyboard.press('Shift+Tab')
      expect(await activeId(page)).toBe('IFRAME')
      await page.getByRole('button', { name: 'Close' }).focus()
      await page.keyboard.press('Escape')
      expect(await appPage(page, (state) => state.closeRequests)).toEqual(['escape'])
      expect(await activeId(page)).toBe('open')
      expect(await appPage(page, (state) => state.violations)).toEqual([])
    })

    it.each([
      ['opened on the link', '0'],
      ['opened blank, then navigated', '1'],
    ])('relays the key from the redirectUrl page inside the named iframe to the parent (%s)', async (_label, blank) => {
      const page = await openModal({ blank })
      // Showing the link (at once or by navigate()) adds no entry to the app page's history.
      expect(await page.evaluate(() => history.length)).toBe(await appPage(page, (state) => state.historyLengthBefore))
      await page.frameLocator('iframe').locator('#approve').click()
      await expect.poll(() => appPage(page, (state) => state.keys)).toEqual(['scoped_e2e_frame'])
      const measured = await waitForMeasurement()
      expect(measured).toMatchObject({ inFrame: true, result: null, addressHasKey: false })
      expect(measured.name).toMatch(/^texture-connect:[0-9a-f]{32}$/)
      expect(await appPage(page, (state) => state.violations)).toEqual([])
    })
  })
})
