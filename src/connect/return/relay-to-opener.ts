import { isAck } from '../messaging/ack'
import { openRelayChannel, type RelayMessage } from '../messaging/relay-message'

/** How long `handleRedirect()` in an SDK popup waits for the opening page's `relay-ack`, in ms. */
export const relayAckTimeout = 1500

/**
 * Posts the relay to the opener (`postMessage` to this origin) and on the `BroadcastChannel` (for
 * an opener cut off by Cross-Origin-Opener-Policy), then waits up to `relayAckTimeout` for the
 * opening session's `relay-ack` (docs/key-delivery.md). Calls `onAnswer` once: `true` when the
 * session acknowledged, `false` when none did (the app tab reloaded or closed, or its session
 * already ended). Returns false, sending nothing, when neither path exists.
 */
export function relayToOpener(message: RelayMessage, onAnswer: (acknowledged: boolean) => void): boolean {
  const page = globalThis.window
  const { origin } = page.location
  const opener: Window | null = page.opener
  const channel = openRelayChannel()
  if (!opener && channel === null) return false

  const answer = (acknowledged: boolean) => {
    clearTimeout(timer)
    page.removeEventListener('message', handleMessage)
    channel?.close()
    onAnswer(acknowledged)
  }
  // The same checks as every message: this origin exactly, from the opener the relay went to (on
  // the channel: this origin by construction), this session's state and the relay's own ack type.
  // A forged ack fails them, so the key is not let go.
  const handleMessage = (event: MessageEvent) => {
    if (event.origin === origin && event.source === opener && isAck(event.data, message.state, 'relay-ack')) answer(true)
  }
  page.addEventListener('message', handleMessage)
  if (channel !== null) channel.onmessage = (event) => isAck(event.data, message.state, 'relay-ack') && answer(true)
  // Once answered, the timer is cleared and both listeners are gone: the answer comes once.
  const timer = setTimeout(() => answer(false), relayAckTimeout)
  // targetOrigin is our own origin, never '*': an opener that navigated elsewhere gets nothing.
  opener?.postMessage(message, origin)
  channel?.postMessage(message)
  return true
}
