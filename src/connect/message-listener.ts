import { isProtocolMessage, type ProtocolMessage } from './protocol'

export interface MessageListenerOptions {
  /** The exact origin messages must come from. */
  origin: string
  /** The window messages must come from (the popup or the iframe's window), read at each message. */
  source: () => Window | null
  /** This session's nonce. */
  state: string
  onMessage: (message: ProtocolMessage) => void
}

/**
 * Listens on this window for protocol v1 messages that pass every rule of DESIGN §3.1 and drops
 * the rest silently. Returns the undo that removes the listener.
 */
export function listenForMessages(options: MessageListenerOptions): () => void {
  const handleMessage = (event: MessageEvent) => {
    // Exact string equality: a prefix or pattern match lets look-alike origins through.
    if (event.origin !== options.origin) return
    // Another window of the same origin (a second tab, an ad frame) is not this session's flow.
    const source = options.source()
    if (source === null || event.source !== source) return
    if (!isProtocolMessage(event.data, options.state)) return
    options.onMessage(event.data)
  }
  const target = globalThis.window
  target.addEventListener('message', handleMessage)
  return () => target.removeEventListener('message', handleMessage)
}
