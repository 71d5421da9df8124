import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { inject } from 'vitest'

/**
 * A connection to the one Chromium the global setup started for the whole e2e run (starting a
 * browser per file cost seconds each). `browser.close()` only disconnects this file.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'))
}

/**
 * A fresh context whose actions, waits and navigations give up after 10 s, below the 30 s test
 * timeout: a step that cannot finish fails with Playwright's call log naming it, not as a bare
 * test timeout.
 */
export async function newTestContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext()
  context.setDefaultTimeout(10_000)
  return context
}
