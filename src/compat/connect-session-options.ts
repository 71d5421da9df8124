import type { ConnectError } from '../errors/connect-error'
import type { ConnectLinkOptions } from '../connect/link/create-link'
import type { PopupSizeOptions } from '../connect/options'
import type { ConnectSuccess } from '../connect/session/events'

/**
 * What `onError` reports, as `type`. `popup-blocked` and `popup-closed` are the names Texture's own
 * SDK documented; the others are this package's ending codes (docs/migrating-from-texture-sdk.md).
 *
 * - `popup-blocked`: the browser refused to open the popup.
 * - `popup-closed`: the person closed the popup before finishing.
 * - `cancelled`: the person left from inside the hosted flow (its cancel button).
 * - `timeout`: the flow did not finish within 30 minutes.
 * - `link-failed`: `POST /v1/connections` failed (bad key, network, an answer without `linkUrl`).
 * - `hosted-error`: the hosted flow reported an error, or came back with something that is not a key.
 */
export type CreateConnectSessionErrorType = 'popup-blocked' | 'popup-closed' | 'cancelled' | 'timeout' | 'link-failed' | 'hosted-error'

/** The one argument of `onError`: a plain object, not an `Error`. */
export interface CreateConnectSessionError {
  type: CreateConnectSessionErrorType
  /** Readable text saying what happened; never contains a key. */
  reason: string
  /** The underlying ConnectError for failures (not for the person closing or leaving), with `cause` and `metadata`. */
  error?: ConnectError
}

/** Options of `createConnectSession()` and `useCreateConnectSession()`, as Texture's own SDK took them. */
export interface CreateConnectSessionOptions {
  /** Your public Connect key: the link is created with `POST {apiBaseUrl}/v1/connections`. */
  connectApiKey: string
  /** The body of `POST /v1/connections`: `referenceId`, `clientName`, `tags`, `manufacturerFilters`, `customerInfo`, `redirectUrl`, `customerId`. @default {} */
  connectOptions?: ConnectLinkOptions
  /** Called once per `open()` with the person's scoped key. */
  onSuccess?: (success: ConnectSuccess) => void
  /** Called at most once per `open()` when the flow ends without a key; not when your code calls `close()`. */
  onError?: (error: CreateConnectSessionError) => void
  /** Not in Texture's SDK: where links are created (a local stand-in, say). @default 'https://api.texturehq.com' */
  apiBaseUrl?: string
}

/** What `createConnectSession()` returns. */
export interface CreateConnectSessionResult {
  /**
   * Opens the Connect popup, sized `{ width, height }` if given (default 500 × 720). Call it
   * directly in a click handler. While a flow is showing it brings that flow forward; after it
   * ended, it starts a new one. Throws ConnectError `invalid-options` for a bad key or option.
   */
  open(size?: PopupSizeOptions): void
  /** Ends the flow and closes its popup. Quiet: neither `onSuccess` nor `onError` is called. */
  close(): void
  /** The hosted Connect link of the latest `open()`, once created; `undefined` before. */
  readonly url: string | undefined
  /** The scoped key of the latest successful flow; `undefined` before one. */
  readonly scopedKey: string | undefined
  /** Not in Texture's SDK: true from `open()` until that flow ends, however it ends. */
  readonly isOpen: boolean
}
