import { ConnectError } from '../errors/connect-error'

/** True in a page (or happy-dom), false in Node, workers and SSR. Reads globals at call time. */
export function isBrowser(): boolean {
  return typeof globalThis.window !== 'undefined' && typeof globalThis.document !== 'undefined'
}

/** Throws `not-in-browser` when a browser-only call is made during SSR or in Node. */
export function assertBrowser(call: string): void {
  if (!isBrowser()) {
    throw new ConnectError('not-in-browser', `\`${call}\` needs a browser (not SSR or Node).`)
  }
}
