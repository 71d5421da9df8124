import { existsSync } from 'node:fs'
import { findChrome } from './chrome-path'

// Runs once before the browser tests: fail loudly, with what to do, when a prerequisite is missing.
export default function setup(): void {
  findChrome()
  if (!existsSync('dist/texture-connect.global.js') || !existsSync('dist/index.js')) {
    throw new Error('The browser tests load the built SDK from dist/. Run `npm run build` first (`npm test` does it for you).')
  }
}
