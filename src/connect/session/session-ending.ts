import { ConnectError, type ConnectErrorCode } from '../../errors/connect-error'
import type { ConnectExit, ConnectExitReason, ConnectSuccess } from './events'
import type { DismissReason } from '../presenters/presenter'

/**
 * How a session ended: what `result`, the callbacks and the events all report. `handed-off`: a
 * redirect whose `redirectUrl` page took the key, seen when Back restores this page; nothing is
 * reported but `close` (`result` stays pending, as it does whenever the page leaves).
 */
export type SessionEnding = { kind: 'success'; success: ConnectSuccess } | { kind: 'exit'; exit: ConnectExit; error: ConnectError } | { kind: 'error'; error: ConnectError } | { kind: 'handed-off' }

/** The ending for a window the user closed (`popup-closed`), a session the app closed or a redirect the user came Back from (`cancelled`). */
export function exitEnding(reason: 'popup-closed' | 'closed-by-app' | 'navigated-back', message: string): SessionEnding {
  return exit(reason, reason === 'popup-closed' ? reason : 'cancelled', message)
}

/** The ending when the user closes the iframe modal with its close button or Escape. */
export function dismissEnding(via: DismissReason): SessionEnding {
  return exit('modal-closed', 'cancelled', 'The user closed the Connect dialog.', { via })
}

/** An ending without a key: `exit` for onExit, and the error `result` rejects with (its metadata plus `reason`). */
export function exit(reason: ConnectExitReason, code: ConnectErrorCode, message: string, metadata: Record<string, unknown> = {}): SessionEnding {
  return { kind: 'exit', exit: { reason, metadata }, error: new ConnectError(code, message, { metadata: { ...metadata, reason } }) }
}
