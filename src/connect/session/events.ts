import type { ConnectError } from '../../errors/connect-error'

/** What a successful Connect flow hands back: the end user's scoped key. */
export interface ConnectSuccess {
  /** A key starting `scoped_`, safe to use in this browser with `createTextureClient`. */
  scopedKey: string
  /** What the hosted flow sent alongside the key (for example `referenceId`, `customerId`). */
  metadata: Record<string, unknown>
}

/**
 * Why the flow ended without a key because someone chose to end it.
 *
 * - `popup-closed`: the user closed the popup window.
 * - `modal-closed`: the user closed the iframe modal (`metadata.via` is `'close-button'` or `'escape'`).
 * - `closed-by-app`: your code called `session.close()`, or removed the iframe from the page.
 * - `navigated-back`: in redirect mode, the user pressed Back on the hosted flow and this page
 *   came back from the browser's back-forward cache.
 * - anything else: the reason the hosted flow sent with its `exit` message (e.g. `user-cancelled`).
 */
export type ConnectExitReason = 'popup-closed' | 'modal-closed' | 'closed-by-app' | 'navigated-back' | (string & {})

/** Passed to `onExit` and the `exit` event. */
export interface ConnectExit {
  reason: ConnectExitReason
  metadata: Record<string, unknown>
}

/** A step of the hosted flow, passed to `onEvent` and the `event` event. `READY` marks the flow loaded. */
export interface ConnectEvent {
  /** The hosted flow's event name, e.g. `MANUFACTURER_SELECTED`; `READY` when the flow has loaded. */
  name: string
  metadata: Record<string, unknown>
}

/** Passed to the `open` event once the hosted flow's link is loading (in redirect mode: once this page is leaving for it). */
export interface ConnectOpenEvent {
  /** How the flow is shown; differs from `options.mode` after a `fallback`. */
  mode: 'popup' | 'iframe' | 'redirect'
}

/**
 * The events of `session.on(name, handler)`. `success`, `exit` and `error` mirror `session.result`
 * and the `onSuccess`/`onExit`/`onError` callbacks; `close` fires once, after every ending.
 */
export type ConnectSessionEvents = {
  open: ConnectOpenEvent
  ready: undefined
  event: ConnectEvent
  success: ConnectSuccess
  exit: ConnectExit
  error: ConnectError
  close: undefined
}
