import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newTestContext } from './support/browser'
import { startRouteServer, type RouteServer } from './support/route-server'

// The iframe modal's code is a chunk of its own in an app's bundle, fetched by the first iframe
// session. Here an app is bundled against the published dist/ as a user's bundler would (esbuild,
// ESM, code splitting) and run in Chromium under a strict CSP.
type LogEntry = { type: string; scopedKey?: string; mode?: string }
type AppWindow = Window & { connectLog: LogEntry[]; violations: string[] }

const root = fileURLToPath(new URL('../../', import.meta.url))
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))

let app: RouteServer
let hosted: RouteServer
let browser: Browser
let context: BrowserContext
const served: string[] = []
let scripts: Map<string, string>

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [`${fixtures}bundled-app/app.js`],
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    outdir: 'bundled-app-out',
    write: false,
    logLevel: 'silent',
  })
  scripts = new Map(bundle.outputFiles.map((file) => [file.path.slice(file.path.lastIndexOf('/') + 1), file.text]))
  const html = await readFile(`${fixtures}bundled-app/app.html`, 'utf8')
  const hostedFiles = new Map([
    ['hosted.html', await readFile(`${fixtures}modes/hosted.html`, 'utf8')],
    ['hosted.js', await readFile(`${fixtures}modes/hosted.js`, 'utf8')],
  ])
  let hostedOrigin = ''
  app = await startRouteServer('localhost', (url) => {
    const name = url.pathname.slice(1)
    served.push(name)
    const headers = { 'Content-Security-Policy': `default-src 'self'; frame-src ${hostedOrigin}` }
    if (name === 'app.html') return { type: 'text/html', body: html, headers }
    const script = scripts.get(name)
    return script === undefined ? undefined : { type: 'text/javascript', body: script, headers }
  })
  hosted = await startRouteServer('127.0.0.1', (url) => {
    const name = url.pathname.slice(1)
    const body = hostedFiles.get(name)
    return body === undefined ? undefined : { type: name.endsWith('.js') ? 'text/javascript' : 'text/html', body }
  })
  hostedOrigin = hosted.origin
  browser = await launchBrowser()
})
afterEach(async () => {
  await context?.close()
  served.length = 0
})
afterAll(async () => {
  await browser?.close()
  await Promise.all([app?.close(), hosted?.close()])
})

async function loadApp(mode: 'popup' | 'iframe'): Promise<Page> {
  context = await newTestContext(browser)
  const page = await context.newPage()
  await page.goto(`${app.origin}/app.html?${new URLSearchParams({ hosted: hosted.origin, mode })}`)
  await page.waitForFunction(() => Array.isArray((window as unknown as AppWindow).connectLog))
  return page
}

const logOf = (page: Page) => page.evaluate(() => (window as unknown as AppWindow).connectLog)
const waitForSuccess = (page: Page) => page.waitForFunction(() => (window as unknown as AppWindow).connectLog.some((entry) => entry.type === 'success'), undefined, { timeout: 10_000 })
const modalChunks = () => served.filter((name) => name.startsWith('iframe-modal'))

describe('the iframe modal as a chunk of an app bundle, in Chromium', () => {
  it('is never fetched by an app that connects in a popup', async () => {
    expect(
      [...scripts.keys()].filter((name) => name.startsWith('iframe-modal')),
      'the app bundle has the modal as a chunk of its own',
    ).toHaveLength(1)
    const page = await loadApp('popup')
    const popupOpened = page.waitForEvent('popup')
    await page.click('#connect')
    const popup = await popupOpened
    await popup.click('#approve')
    await waitForSuccess(page)
    expect(await logOf(page)).toEqual([
      { type: 'open', mode: 'popup' },
      { type: 'success', scopedKey: 'scoped_e2e_popup_message' },
    ])
    expect(modalChunks()).toEqual([])
  })

  it('is fetched by the first iframe session, under a strict CSP, and the flow completes in it', async () => {
    const page = await loadApp('iframe')
    expect(modalChunks()).toEqual([])
    await page.click('#connect')
    await page.getByRole('dialog', { name: 'Connect your device' }).waitFor({ timeout: 10_000 })
    await page.frameLocator(`iframe[src^="${hosted.origin}"]`).locator('#approve').click({ timeout: 10_000 })
    await waitForSuccess(page)
    expect(await logOf(page)).toEqual([
      { type: 'open', mode: 'iframe' },
      { type: 'success', scopedKey: 'scoped_e2e_iframe_message' },
    ])
    expect(modalChunks()).toHaveLength(1)
    expect(await page.evaluate(() => ({ iframes: document.querySelectorAll('iframe').length, violations: (window as unknown as AppWindow).violations }))).toEqual({ iframes: 0, violations: [] })
  })
})
