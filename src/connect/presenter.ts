import type { ResolvedConnectOptions } from './options'

/**
 * Where the hosted flow is shown: a popup now, an iframe modal later. The session talks only to
 * this interface, so a new presentation plugs in without touching the protocol or settlement.
 */
export interface Presenter {
  readonly mode: 'popup' | 'iframe'
  /** The window the hosted flow runs in: the only accepted `event.source`. */
  readonly target: Window | null
  /** Sends the window to the hosted link (used when the link arrives after the window opened). */
  navigate(url: string): void
  /** Brings the flow to the front (a second `open()` while this one runs). */
  focus(): void
  /** True once the user has closed the flow's window for good. Polled by the session. */
  isGone(): boolean
  /** Closes the window; idempotent. */
  close(): void
}

/**
 * Shows the flow at `url`, or a blank window to be navigated later when `url` is undefined.
 * Returns `null` when the browser refused (a blocked popup). Must run synchronously inside the click.
 */
export type OpenPresenter = (url: string | undefined, options: ResolvedConnectOptions) => Presenter | null
