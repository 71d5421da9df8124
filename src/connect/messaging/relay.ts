import { once } from '../../internal/once'
import { swapSessionItem } from '../../internal/swap-session-item'
import { createAck } from './ack'
import { listenForMessages } from './message-listener'
import { isRelayMessage, openRelayChannel, popupMarkerKey, type RelayMessage } from './relay-message'

export interface RelayListenerOptions {
  /** This session's nonce: only relays carrying it count. */
  state: string
  /** The session's popup or iframe window, read at each message: the only accepted `event.source`. */
  source: () => Window | null
  /** Called once, with the first valid key from either channel, after the relay was acknowledged. */
  onKey: (scopedKey: string) => void
  /** Called instead when the page reports a `texture_scoped_key` that is not a scoped key. */
  onInvalidKey: () => void
}

/**
 * Listens for the key a `redirectUrl` page relays with `handleRedirect()` (docs/protocol.md#the-relay): a
 * `postMessage` from the session's own window on this origin, or a `BroadcastChannel` message
 * (the path left when Cross-Origin-Opener-Policy cut the popup's opener link). Anything else is
 * dropped silently. An accepted relay is answered with a `relay-ack` on both paths, so the page
 * that sent it lets the key go (docs/key-delivery.md). Returns the undo that removes the listener
 * and closes the channel.
 *
 * @example
 * cleanup.add(listenForRelay({ state, source: () => popup, onKey: (scopedKey) => succeed(scopedKey), onInvalidKey: () => fail() }))
 */
export function listenForRelay(options: RelayListenerOptions): () => void {
  const isRelay = (data: unknown): data is RelayMessage => isRelayMessage(data, options.state)
  // BroadcastChannel only reaches same-origin contexts, so the state is what ties a relay to this session.
  const channel = openRelayChannel()
  // The popup posts on both channels: the session hears the key (or the invalid-key notice) once.
  const deliver = once((message: RelayMessage) => {
    // Answered before the session settles and closes the channel; only to this origin, never '*'.
    const ack = createAck(options.state, 'relay-ack')
    options.source()?.postMessage(ack, globalThis.window.location.origin)
    channel?.postMessage(ack)
    if (message.type === 'relay') options.onKey(message.scopedKey)
    else options.onInvalidKey()
  })
  // The relay comes from the app's own redirect page: exactly this origin, from the session's window.
  const stopListening = listenForMessages({
    origin: globalThis.window.location.origin,
    source: options.source,
    isMessage: isRelay,
    onMessage: deliver,
  })

  const handleChannelMessage = (event: MessageEvent) => {
    if (isRelay(event.data)) deliver(event.data)
  }
  channel?.addEventListener('message', handleChannelMessage)

  return once(() => {
    stopListening()
    channel?.removeEventListener('message', handleChannelMessage)
    channel?.close()
  })
}

/**
 * Marks a popup the SDK just opened so `handleRedirect()` on the `redirectUrl` page knows to relay.
 * Call it right after `window.open`, while the popup still shows its initial same-origin blank
 * document. Writes the session `state` (never a key) into the popup's own `sessionStorage`, which
 * belongs to that top-level window and outlives its navigations. Never throws (storage can be
 * disabled). Returns the undo, which removes the marker when the popup is readable again and
 * otherwise does nothing (the marker dies with the popup).
 */
export function markSdkPopup(popup: Window, state: string): () => void {
  // Storage disabled or the popup already cross-origin: the relay then falls back to landing detection.
  swapSessionItem(popupMarkerKey, state, popup)
  // Once the popup is on another origin or gone, its marker goes with it.
  return once(() => swapSessionItem(popupMarkerKey, null, popup))
}
