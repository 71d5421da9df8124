import type { ConnectError } from '../../errors/connect-error'
import type { ResolvedConnectOptions } from '../options'

/**
 * Where the hosted flow is shown: a popup, an iframe modal, or this page itself (redirect). The
 * session talks only to this interface, so the protocol and settlement do not depend on the mode.
 */
export interface Presenter {
  readonly mode: 'popup' | 'iframe' | 'redirect'
  /** The window the hosted flow runs in: the only accepted `event.source`. `null` in redirect mode. */
  readonly target: Window | null
  /** Sends the window to the hosted link (used when the link arrives after the window opened). */
  navigate(url: string): void
  /** Brings the flow to the front (a second `open()` while this one runs). */
  focus(): void
  /** True once the flow's window is gone for good (the user closed the popup, the app removed the iframe). */
  isGone(): boolean
  /** Closes the window or removes the iframe; idempotent. */
  close(): void
  /** Resolves once the flow is on screen, for a presentation that appears later (the iframe modal loads its code first). */
  readonly shown?: Promise<void>
}

/** Why the user dismissed the SDK's own UI (the iframe modal's close button or Escape). */
export type DismissReason = 'close-button' | 'escape'

export interface PresenterRequest {
  /** The hosted link, or `undefined` to show a blank window and `navigate()` once the link is known. */
  url: string | undefined
  /** The session nonce; names the iframe so `handleRedirect()` inside it can relay. */
  state: string
  options: ResolvedConnectOptions
  /** The user dismissed the flow through the SDK's own UI. */
  onDismiss: (reason: DismissReason) => void
  /** The presentation could not be shown after all (the iframe modal's code failed to load). */
  onFailure: (error: ConnectError) => void
}

/**
 * Shows the flow. Returns `null` when the browser refused (a blocked popup). Must run
 * synchronously inside the click.
 */
export type OpenPresenter = (request: PresenterRequest) => Presenter | null
