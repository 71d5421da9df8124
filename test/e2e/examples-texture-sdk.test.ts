import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { requestsCarrying, useExampleSandbox } from './support/example-sandbox'

// examples/texture-sdk/ on the sandbox: Texture's own published examples (JavaScript, React in
// <StrictMode>) and a page in the style of its former CDN build, with only the package changed.
const pages = [
  ['Texture’s JavaScript example', 'javascript.html'],
  ['Texture’s React example, in <StrictMode>', 'react.html'],
  ['a page written for the old CDN build (window.Texture)', 'cdn.html'],
] as const
const closedMessage = 'popup-closed: The popup was closed before the connection was made.'

const example = useExampleSandbox({ commandDelayMs: 20 })
const patience = { timeout: 10_000 }

/** Loads the page, clicks Texture's button once, and returns the page, its popup and every page the click made. */
async function clickConnect(file: string): Promise<{ app: Page; popup: Page; opened: Page[] }> {
  const watch = await example.watchContext()
  const app = await watch.context.newPage()
  const opened: Page[] = []
  watch.context.on('page', (page) => opened.push(page))
  await app.goto(`${example.sandbox.appUrl}/texture-sdk/${file}`)
  const button = app.getByRole('button', { name: 'Connect device(s) with Texture' })
  await expect.poll(() => button.isEnabled(), patience).toBe(true)
  const [popup] = await Promise.all([app.waitForEvent('popup'), button.click()])
  await popup.waitForURL((url) => url.origin === example.sandbox.hostedUrl && url.pathname === '/connect')
  await popup.locator('#connect-form').waitFor()
  return { app, popup, opened }
}

const statusOf = (app: Page) => app.locator('#status').textContent()

describe('examples/texture-sdk in Chromium', () => {
  it('is listed on the sandbox home page, and links its three pages', async () => {
    const home = await (await fetch(`${example.sandbox.appUrl}/`)).text()
    expect(home).toContain('href="/texture-sdk/"')
    const index = await (await fetch(`${example.sandbox.appUrl}/texture-sdk/`)).text()
    for (const [, file] of pages) expect(index).toContain(`href="${file}"`)
  })

  it('bundles Texture’s code against this package, its key read from import.meta.env as Vite does', async () => {
    const bundle = await (await fetch(`${example.sandbox.appUrl}/texture-sdk/javascript.js`)).text()
    expect(bundle).toContain(example.sandbox.connectKey)
    expect(bundle).not.toContain('import.meta.env')
    expect(bundle).not.toContain('@texturehq')
  })

  describe.each(pages)('%s', (_, file) => {
    it('opens one popup sized 600 × 800, completes the sandbox flow and hears the scoped key', async () => {
      const { app, popup, opened } = await clickConnect(file)
      expect(opened).toEqual([popup])
      expect(await popup.evaluate(() => [window.outerWidth, window.outerHeight])).toEqual([600, 800])
      // The link names the user (referenceId) and offers only Honeywell and Daikin, as Texture's examples ask.
      expect(await popup.locator('input[name="manufacturer"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['honeywell', 'daikin'])
      const closed = popup.waitForEvent('close')
      await popup.locator('input[name="manufacturer"][value="honeywell"]').check()
      await popup.locator('#approve').click()
      await closed
      // The sandbox made the example's user (its referenceId) a key: the page heard exactly that one.
      const scopedKey = example.sandbox.fake.store.findUserByReferenceId('connect-sdk-example')?.scopedKey ?? ''
      expect(scopedKey).toMatch(/^scoped_/)
      await expect.poll(() => statusOf(app), patience).toBe(`Connected: a scoped key of ${scopedKey.length} characters arrived.`)
      expect(opened).toEqual([popup])
      expect(example.watch!.problems).toEqual([])
      expect(await requestsCarrying(example.watch!, scopedKey)).toEqual([])
    })

    it('reports popup-closed through onError when the person closes the popup', async () => {
      const { app, popup } = await clickConnect(file)
      await popup.close()
      await expect.poll(() => statusOf(app), patience).toBe(closedMessage)
      // Texture's examples console.error(type, reason): that line, and nothing else.
      expect(example.watch!.problems).toEqual([`console: ${closedMessage.replace(':', '')}`])
    })
  })

  it('leaves a page’s own window.Texture alone', async () => {
    const watch = await example.watchContext()
    const page = await watch.context.newPage()
    await page.goto(`${example.sandbox.appUrl}/texture-sdk/`)
    const kept = await page.evaluate(async () => {
      const own = { mine: true }
      Object.assign(window, { Texture: own })
      const script = Object.assign(document.createElement('script'), { src: '/dist/texture-connect.global.js' })
      await new Promise((resolve) => {
        script.addEventListener('load', resolve)
        document.head.append(script)
      })
      const globals = window as unknown as { Texture: unknown; TextureConnect: { createConnectSession: unknown } }
      return globals.Texture === own && typeof globals.TextureConnect.createConnectSession === 'function'
    })
    expect(kept).toBe(true)
  })
})
