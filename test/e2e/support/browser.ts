import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { findChrome } from './chrome-path'

/** Debian's Chromium, headless, with nothing that phones home (the machine has no network). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChrome(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
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
