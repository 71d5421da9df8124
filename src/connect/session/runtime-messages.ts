import type { ConnectError } from '../../errors/connect-error'
import type { ErrorMessage, ExitMessage, ProtocolMessage } from '../messaging/protocol'
import type { ConnectEvent, ConnectSessionEvents } from './events'
import type { exit, SessionEnding } from './session-ending'

/**
 * Handles one protocol message that passed the session's listener (exact origin, the session's
 * window, the guard of `messaging/protocol.ts`). `acknowledge` posts the `ack` to that window.
 */
export type HandleProtocolMessage = (message: ProtocolMessage, acknowledge: () => void) => void

/** What the messages need from the session's core; passed in, as everything the runtime uses (docs/performance.md). */
export interface MessageContext {
  settle(ending: SessionEnding): void
  emit(name: 'ready', value: ConnectSessionEvents['ready']): void
  reportEvent(event: ConnectEvent): void
  exit: typeof exit
  ConnectError: typeof ConnectError
}

/**
 * The runtime's part of the protocol (docs/protocol.md#messages): `ready` and `event` are reported,
 * `exit` and `error` are acknowledged and end the session. The `success` message never comes
 * here: the core takes a key the moment it arrives, whether this chunk has loaded or not.
 */
export function createMessageHandler(context: MessageContext): HandleProtocolMessage {
  return (message, acknowledge) => {
    if (message.type === 'ready') {
      context.emit('ready', undefined)
      context.reportEvent({ name: 'READY', metadata: {} })
    } else if (message.type === 'event') {
      context.reportEvent({ name: message.name, metadata: message.metadata ?? {} })
    } else if (message.type !== 'success') {
      acknowledge()
      context.settle(endingFor(message, context))
    }
  }
}

/** The ending an `exit` or `error` message asks for. */
function endingFor(message: ExitMessage | ErrorMessage, context: MessageContext): SessionEnding {
  if (message.type === 'exit') {
    const reason = message.reason ?? 'user-cancelled'
    return context.exit(reason, 'cancelled', `The user left the Connect flow (${reason}).`, message.metadata)
  }
  const metadata = message.error.code === undefined ? {} : { code: message.error.code }
  return { kind: 'error', error: new context.ConnectError('hosted-error', message.error.message, { metadata }) }
}
