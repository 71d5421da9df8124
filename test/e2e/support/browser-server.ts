import { chromium, type BrowserServer } from 'playwright-core'
import { findChrome } from './chrome-path'

/** Debian's Chromium, headless, with nothing that phones home (the machine has no network). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({
    executablePath: findChrome(),
    headless: true,
    // Only this machine's test files connect to it.
    host: '127.0.0.1',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
}
