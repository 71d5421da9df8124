import { existsSync } from 'node:fs'

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/**
 * Where the Chromium for the browser tests lives: `CHROME_PATH`, else a usual Debian path.
 * Throws a message that says what to install: the browser tests never skip silently.
 */
export function findChrome(): string {
  const fromEnv = process.env.CHROME_PATH
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there. Point it at a Chromium or Chrome binary.`)
  }
  const found = candidates.find((path) => existsSync(path))
  if (found) return found
  throw new Error(
    'The browser tests need Chromium or Chrome and found none at ' +
      candidates.join(', ') +
      '.\nInstall it (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium`) ' +
      'or set CHROME_PATH to a Chrome/Chromium binary.',
  )
}
