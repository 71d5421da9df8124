import { TextureError, branded } from './texture-error'

/** Every way a Connect session can fail or end without a key. */
export type ConnectErrorCode = 'popup-blocked' | 'popup-closed' | 'cancelled' | 'timeout' | 'link-failed' | 'hosted-error' | 'invalid-options' | 'not-in-browser'

export interface ConnectErrorOptions {
  cause?: unknown
  /** Whatever the hosted flow or the API said alongside the failure. */
  metadata?: Record<string, unknown>
}

/**
 * A Connect session that ended without a scoped key, or `open()` called with bad options.
 *
 * `popup-closed` and `cancelled` mean the user chose to leave (they also reach `onExit`); every
 * other code is a failure (it also reaches `onError`).
 */
export class ConnectError extends TextureError {
  override name = branded(this, 'ConnectError')
  declare readonly code: ConnectErrorCode
  readonly metadata: Record<string, unknown> | undefined

  constructor(code: ConnectErrorCode, message: string, options: ConnectErrorOptions = {}) {
    super(message, { ...options, code })
    this.metadata = options.metadata
  }
}
