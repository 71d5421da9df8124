import { ConnectError } from '../errors/connect-error'
import type { ConnectExit, ConnectSuccess } from './events'
import type { DismissReason } from './presenter'
import type { ErrorMessage, ExitMessage, SuccessMessage } from './protocol'

/** How a session ended: what `result`, the callbacks and the events all report. */
export type SessionEnding =
  | { kind: 'success'; success: ConnectSuccess }
  | { kind: 'exit'; exit: ConnectExit; error: ConnectError }
  | { kind: 'error'; error: ConnectError }

/** The ending a terminal protocol message asks for. */
export function endingFor(message: SuccessMessage | ExitMessage | ErrorMessage): SessionEnding {
  if (message.type === 'success') {
    return { kind: 'success', success: { scopedKey: message.scopedKey, metadata: message.metadata ?? {} } }
  }
  if (message.type === 'exit') {
    const reason = message.reason ?? 'user-cancelled'
    const metadata = message.metadata ?? {}
    return { kind: 'exit', exit: { reason, metadata }, error: new ConnectError('cancelled', `The user left the Connect flow (${reason}).`, { metadata: { ...metadata, reason } }) }
  }
  const metadata = message.error.code === undefined ? {} : { code: message.error.code }
  return { kind: 'error', error: new ConnectError('hosted-error', message.error.message, { metadata }) }
}

/** The ending for a window the user closed (`popup-closed`) or a session the app closed (`cancelled`). */
export function exitEnding(reason: 'popup-closed' | 'closed-by-app', message: string): SessionEnding {
  const code = reason === 'popup-closed' ? 'popup-closed' : 'cancelled'
  return { kind: 'exit', exit: { reason, metadata: {} }, error: new ConnectError(code, message, { metadata: { reason } }) }
}

/** The ending when the user closes the iframe modal with its close button or Escape. */
export function dismissEnding(via: DismissReason): SessionEnding {
  const metadata = { via }
  return { kind: 'exit', exit: { reason: 'modal-closed', metadata }, error: new ConnectError('cancelled', 'The user closed the Connect dialog.', { metadata: { ...metadata, reason: 'modal-closed' } }) }
}
