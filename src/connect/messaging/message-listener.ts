/** What a window `message` listener accepts: one origin, one source window, one message shape. */
export interface MessageListenerOptions<Message> {
  /** The only origin accepted, compared exactly. */
  origin: string
  /** The only window accepted as `event.source`; read at each message (it may be navigated or replaced). */
  source: () => Window | null
  /** The one guard the data passes before any field of it is read. */
  isMessage: (data: unknown) => data is Message
  onMessage: (message: Message) => void
}

/**
 * Listens for window messages and passes on only those from the exact origin, the expected
 * window, and of the expected shape; everything else is dropped silently. Returns the undo.
 * Serves both the hosted page's protocol messages and the redirect page's relay.
 */
export function listenForMessages<Message>(options: MessageListenerOptions<Message>): () => void {
  const handleMessage = (event: MessageEvent) => {
    // Exact string equality: a prefix or pattern match lets look-alike origins through.
    if (event.origin !== options.origin) return
    // Another window of the same origin (a second tab, an ad frame) is not this session's flow.
    const source = options.source()
    if (source === null || event.source !== source) return
    if (!options.isMessage(event.data)) return
    options.onMessage(event.data)
  }
  const target = globalThis.window
  target.addEventListener('message', handleMessage)
  return () => target.removeEventListener('message', handleMessage)
}
