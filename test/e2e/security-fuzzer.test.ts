import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { printFigures } from '../security/support/figures'
import { launchBrowser, newTestContext } from './support/browser'
import { bundleForPage } from './support/esbuild-page'
import { startRouteServer, type RouteServer } from './support/route-server'

const fixtures = fileURLToPath(new URL('./fixtures/security/', import.meta.url))
const dist = fileURLToPath(new URL('../../dist/', import.meta.url))
const seed = Number(process.env.FUZZ_SEED ?? 20_250_601)

type Sec = { fired: Array<{ name: string; scopedKey?: string }>; escaped: string[]; messages: number; relays: number; settlements: number; result: Promise<{ ok: boolean; scopedKey?: string }> }
type Fuzz = {
  hostile(options: object): Record<string, number>
  valid(options: object): number
  relays(options: object): { posted: number; broadcast: number }
}
declare const sec: Sec
declare const fuzz: Fuzz

let app: RouteServer
let hosted: RouteServer
let evil: RouteServer
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  const [bundle, sdk, appHtml, appJs, forgeHtml] = await Promise.all([
    bundleForPage("import { installFuzz } from './test/e2e/support/security-fuzz-entry'\ninstallFuzz()"),
    readFile(`${dist}texture-connect.global.js`, 'utf8'),
    readFile(`${fixtures}app.html`, 'utf8'),
    readFile(`${fixtures}app.js`, 'utf8'),
    readFile(`${fixtures}forge.html`, 'utf8'),
  ])
  const shared = { '/fuzz.js': { type: 'text/javascript', body: bundle }, '/forge.html': { type: 'text/html', body: forgeHtml } }
  const appRoutes: Record<string, { type: string; body: string }> = {
    ...shared,
    '/app.html': { type: 'text/html', body: appHtml },
    '/app.js': { type: 'text/javascript', body: appJs },
    '/texture-connect.global.js': { type: 'text/javascript', body: sdk },
  }
  ;[app, hosted, evil, browser] = await Promise.all([
    startRouteServer('localhost', (url) => appRoutes[url.pathname]),
    startRouteServer('127.0.0.1', (url) => (shared as Record<string, { type: string; body: string }>)[url.pathname]),
    startRouteServer('127.0.0.1', (url) => (shared as Record<string, { type: string; body: string }>)[url.pathname]),
    launchBrowser(),
  ])
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await Promise.all([app?.close(), hosted?.close(), evil?.close()])
})

// A navigation the page starts itself keeps window.opener.
async function navigate(page: Page, url: string): Promise<void> {
  const loaded = page.waitForEvent('load')
  await page.evaluate((target) => {
    location.href = target
  }, url)
  await loaded
}

async function frameAt(page: Page, src: string, sandbox: boolean) {
  await page.evaluate(
    ([source, sandboxed]) =>
      new Promise((resolve) => {
        const frame = document.createElement('iframe')
        if (sandboxed) frame.setAttribute('sandbox', 'allow-scripts')
        frame.src = source as string
        frame.addEventListener('load', resolve)
        document.body.append(frame)
      }),
    [src, sandbox] as const,
  )
  return page.frames().find((frame) => frame.url() === src)!
}

describe('message fuzzer in Chromium (script-tag build, real postMessage and BroadcastChannel)', () => {
  it('drops 1,000+ hostile messages from every kind of wrong sender, then settles once on a valid success', async () => {
    context = await newTestContext(browser)
    const page = await context.newPage()
    await page.goto(`${app.origin}/app.html`)
    const linkUrl = `${hosted.origin}/forge.html?token=lt_fuzz`
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((link) => (window as unknown as { startSession(o: object): boolean }).startSession({ linkUrl: link }), linkUrl)])
    await popup.waitForURL((url) => url.origin === hosted.origin)
    await popup.waitForLoadState('load')
    const hostedUrl = popup.url()
    const state = new URL(hostedUrl).searchParams.get('texture_state')!
    const base = { state, appOrigin: app.origin }
    const rows: Array<{ sender: string; sent: number }> = []

    // 1. The right window and origin, with hostile data.
    const kinds = await popup.evaluate((options) => fuzz.hostile(options), { ...base, seed, count: 700, target: 'opener' })
    for (const [kind, sent] of Object.entries(kinds)) rows.push({ sender: `popup, Connect origin: ${kind}`, sent })
    // 2. The right window on a look-alike origin, with valid data and the right state.
    await navigate(popup, `${evil.origin}/forge.html${new URL(hostedUrl).search}`)
    rows.push({ sender: 'popup on the Connect host, another port', sent: await popup.evaluate((options) => fuzz.valid(options), { ...base, seed: seed + 1, count: 80, target: 'opener' }) })
    await navigate(popup, `${hosted.origin.replace('127.0.0.1', 'localhost')}/forge.html${new URL(hostedUrl).search}`)
    rows.push({ sender: 'popup on localhost:<Connect port>', sent: await popup.evaluate((options) => fuzz.valid(options), { ...base, seed: seed + 2, count: 80, target: 'opener' }) })
    // 3. The popup on the app's own origin (a redirectUrl page): forged relays on postMessage and BroadcastChannel.
    await navigate(popup, `${app.origin}/forge.html`)
    const popupRelays = await popup.evaluate((options) => fuzz.relays(options), { ...base, seed: seed + 3, count: 80, target: 'opener', rightStateToo: false })
    rows.push({ sender: 'popup on app origin: forged relay (postMessage)', sent: popupRelays.posted }, { sender: 'popup on app origin: forged relay (BroadcastChannel)', sent: popupRelays.broadcast })
    rows.push({ sender: 'popup on app origin: valid protocol message', sent: await popup.evaluate((options) => fuzz.valid(options), { ...base, seed: seed + 4, count: 40, target: 'opener' }) })
    // 4. The right origin from the wrong window, and the null origin.
    const forger = await frameAt(page, `${hosted.origin}/forge.html`, false)
    rows.push({ sender: 'iframe of the Connect origin (wrong window)', sent: await forger.evaluate((options) => fuzz.valid(options), { ...base, seed: seed + 5, count: 80, target: 'parent' }) })
    const sandboxed = await frameAt(page, `${evil.origin}/forge.html`, true)
    rows.push({
      sender: "sandboxed iframe (origin 'null')",
      sent: await sandboxed.evaluate((options) => fuzz.valid({ ...options, appOrigin: '*' }), { ...base, seed: seed + 6, count: 60, target: 'parent' }),
    })
    // 5. The app page itself: valid protocol messages and relays with the right state, but from the wrong window.
    const self = await frameAt(page, `${app.origin}/forge.html`, false)
    const selfRelays = await self.evaluate((options) => fuzz.relays(options), { ...base, seed: seed + 7, count: 60, target: 'parent', rightStateToo: true })
    rows.push(
      { sender: 'app-origin iframe: relay with the right state (wrong window)', sent: selfRelays.posted },
      { sender: 'app-origin iframe: forged relay (BroadcastChannel)', sent: selfRelays.broadcast },
    )
    rows.push({ sender: 'app-origin iframe: valid protocol message', sent: await self.evaluate((options) => fuzz.valid(options), { ...base, seed: seed + 8, count: 40, target: 'parent' }) })

    // Every message reached the page (the fixture counts them) before the verdict.
    const posted = rows.filter((row) => !row.sender.includes('BroadcastChannel')).reduce((sum, row) => sum + row.sent, 0)
    const broadcast = rows.filter((row) => row.sender.includes('BroadcastChannel')).reduce((sum, row) => sum + row.sent, 0)
    await page.waitForFunction(([messages, relays]) => sec.messages >= messages && sec.relays >= relays, [posted, broadcast] as const)
    const afterStorm = await page.evaluate(() => ({ fired: sec.fired, escaped: sec.escaped, polluted: Object.keys(Object.prototype).length + Number('polluted' in {}) }))

    // The real flow still works, and settles once; terminal messages after it change nothing.
    await navigate(popup, hostedUrl)
    await popup.evaluate(
      ([theState, appOrigin]) => {
        const message = (fields: object) => ({ source: 'texture-connect', version: 1, state: theState, ...fields })
        window.opener.postMessage(message({ type: 'success', scopedKey: 'scoped_e2e_real' }), appOrigin)
        for (let index = 0; index < 20; index++) {
          window.opener.postMessage(message({ type: 'success', scopedKey: `scoped_e2e_late_${index}` }), appOrigin)
          window.opener.postMessage(message({ type: index % 2 ? 'exit' : 'error', error: { message: 'late' } }), appOrigin)
        }
      },
      [state, app.origin] as const,
    )
    expect(await page.evaluate(() => sec.result)).toEqual({ ok: true, scopedKey: 'scoped_e2e_real' })
    await page.waitForTimeout(100)
    const final = await page.evaluate(() => ({ fired: sec.fired, escaped: sec.escaped, settlements: sec.settlements }))

    const total = posted + broadcast
    printFigures(`Chromium message fuzzer (seed ${seed})`, [
      ...rows.map((row) => ({ ...row, callbacks: 0 })),
      { sender: 'TOTAL hostile', sent: total, callbacks: afterStorm.fired.length },
      { sender: 'escaped exceptions', sent: '', callbacks: afterStorm.escaped.length },
      { sender: 'then: valid success + 40 late terminal messages', sent: 41, callbacks: final.fired.length },
    ])
    expect(total).toBeGreaterThanOrEqual(1_000)
    expect(afterStorm).toEqual({ fired: [], escaped: [], polluted: 0 })
    expect(final.fired).toEqual([
      { name: 'onSuccess', scopedKey: 'scoped_e2e_real' },
      { name: 'on:success', scopedKey: 'scoped_e2e_real' },
      { name: 'on:close', scopedKey: undefined },
    ])
    expect(final.escaped).toEqual([])
    expect(final.settlements).toBe(1)
  })
})
