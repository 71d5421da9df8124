import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { sandboxUsers } from '../../src/testing/index'
import { coopGracePeriod } from '../../src/connect/presenters/popup-gone'
import { approveAs, requestsCarrying, useExampleSandbox } from './support/example-sandbox'

// The key is issued once. Whatever the app's tab does while the popup is on the hosted flow
// (reloads, closes, or the person looks at it long enough for a COOP-cut popup to count as
// closed), the key ends up in exactly one place the app's code can reach: here, examples/esm's
// return.html in the popup, through handleRedirect's `onUnclaimed` (docs/key-delivery.md).
const [ada] = sandboxUsers as [(typeof sandboxUsers)[number]]

const example = useExampleSandbox({ commandDelayMs: 100 })
const patience = { timeout: 10_000 }

const statusOf = (page: Page) => page.locator('#status').textContent()
const deviceCount = (page: Page) => page.locator('#devices .device-name').count()
const isOnHostedPage = (url: URL) => url.origin === example.sandbox.hostedUrl && url.pathname === '/connect'

/**
 * The ES module example with its "popup that returns to return.html" button clicked; `linkExtra`
 * is appended to the link the sandbox creates (`&completion=message`, `&coop=same-origin`).
 */
async function openPopupFlow(linkExtra = '', options: { fakeClock?: boolean } = {}): Promise<{ page: Page; popup: Page }> {
  const watch = await example.watchContext()
  // The COOP grace period is skipped on a fake clock, not slept (time still flows on its own).
  if (options.fakeClock === true) await watch.context.clock.install()
  if (linkExtra !== '') {
    await watch.context.route(`${example.sandbox.apiUrl}/connections`, async (route) => {
      const response = await route.fetch()
      const link = (await response.json()) as { linkUrl: string }
      await route.fulfill({ response, json: { ...link, linkUrl: `${link.linkUrl}${linkExtra}` } })
    })
  }
  const page = await watch.context.newPage()
  await page.goto(`${example.sandbox.appUrl}/esm/`)
  await expect.poll(() => statusOf(page), patience).toBe('Choose how to connect.')
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Connect in a popup that returns to return.html' }).click()])
  await popup.waitForURL(isOnHostedPage)
  await popup.locator(`input[name="user"][value="${ada.referenceId}"]`).waitFor()
  return { page, popup }
}

/** The popup's return.html got the key (unclaimed), shows Ada's devices, and is still open. */
async function expectKeyInPopupOnly(popup: Page, app: Page | null): Promise<void> {
  await expect.poll(() => statusOf(popup), patience).toBe('Connected: 5 devices.')
  expect(popup.isClosed()).toBe(false)
  expect(popup.url()).toBe(`${example.sandbox.appUrl}/esm/return.html`)
  if (app !== null) {
    expect(await deviceCount(app)).toBe(0)
    expect(await app.locator('#dashboard').isHidden()).toBe(true)
  }
  expect(example.watch!.problems).toEqual([])
  // The key travelled in one URL only: the hosted flow's redirect to return.html.
  expect(await requestsCarrying(example.watch!, ada.scopedKey)).toEqual([`GET ${example.sandbox.appUrl}/esm/return.html?texture_scoped_key=${ada.scopedKey}`])
}

describe('a key no session is left to claim, in Chromium', () => {
  it('stays with return.html in the popup when the app tab reloads mid-flow (redirect completion)', async () => {
    const { page, popup } = await openPopupFlow()
    await page.reload()
    await expect.poll(() => statusOf(page), patience).toBe('Choose how to connect.')
    await approveAs(popup, ada.referenceId)
    await expectKeyInPopupOnly(popup, page)
  })

  it('stays with return.html in the popup when the app tab is closed mid-flow', async () => {
    const { page, popup } = await openPopupFlow()
    await page.close()
    await approveAs(popup, ada.referenceId)
    await expectKeyInPopupOnly(popup, null)
  })

  it('reaches return.html through the redirect when the app tab reloads and the flow completes by message', async () => {
    const { page, popup } = await openPopupFlow('&completion=message')
    await page.reload()
    await expect.poll(() => statusOf(page), patience).toBe('Choose how to connect.')
    await approveAs(popup, ada.referenceId)
    // No session answered the success with an ack: the hosted page sends the key to redirectUrl.
    await expectKeyInPopupOnly(popup, page)
  })

  it('still delivers to a live app by message, which acknowledges and closes the popup', async () => {
    const { page, popup } = await openPopupFlow('&completion=message')
    const closed = popup.waitForEvent('close', patience)
    await approveAs(popup, ada.referenceId)
    await closed
    await expect.poll(() => statusOf(page), patience).toBe('Connected: 5 devices.')
    expect(await requestsCarrying(example.watch!, ada.scopedKey)).toEqual([])
  })

  it('stays with return.html in a COOP-cut popup after the app, looked at for the grace period, reported popup-closed', async () => {
    const { page, popup } = await openPopupFlow('&coop=same-origin', { fakeClock: true })
    await page.bringToFront()
    await example.watch!.context.clock.runFor(coopGracePeriod + 1000)
    await expect.poll(() => statusOf(page), patience).toBe('Connect was closed (popup-closed); nothing was shared. You can try again.')
    await popup.bringToFront()
    await approveAs(popup, ada.referenceId)
    await expectKeyInPopupOnly(popup, page)
  })
})
