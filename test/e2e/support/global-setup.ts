import { existsSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { launchChromiumServer } from './browser-server'

/**
 * Runs once before the browser tests: fails loudly, with what to do, when a prerequisite is
 * missing, then starts the one Chromium every e2e file connects to (each file still gets fresh
 * contexts of its own), and stops it when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync('dist/texture-connect.global.js') || !existsSync('dist/index.js')) {
    throw new Error('The browser tests load the built SDK from dist/. Run `npm run build` first (`npm test` does it for you).')
  }
  const server = await launchChromiumServer()
  project.provide('chromiumEndpoint', server.wsEndpoint())
  return () => server.close()
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumEndpoint: string
  }
}
