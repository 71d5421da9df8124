import type { SecureUrlCheck } from '../link/link-source'
import { loadLinkUrl } from '../link/link-source'
import type { ResolvedConnectOptions } from '../options'
import { createPopupGoneRule } from '../presenters/popup-gone'
import type { Presenter } from '../presenters/presenter'
import { createMessageHandler, type HandleProtocolMessage, type MessageContext } from './runtime-messages'
import type { SessionEnding } from './session-ending'

// The drop-in `createConnectSession` gets its link here too (src/compat/connect-options-for.ts).
export { loadLinkUrl }

/** How often the session checks whether the user closed the flow's window. */
export const goneCheckInterval = 500

/**
 * What the session's synchronous core (`session.ts`) hands its runtime. The runtime is a chunk of
 * its own (docs/performance.md), so it imports nothing the core imports: every function of the
 * core's modules it needs (endings, errors, the https check) arrives here.
 */
export interface SessionRuntimeContext extends MessageContext {
  options: ResolvedConnectOptions
  shown: Presenter
  /** When `open()` ran (`Date.now()`): the timeout counts from there, not from this chunk's arrival. */
  openedAt: number
  /** Pushes an undo on the session's cleanup stack (run at once if the session already ended). */
  onCleanup(undo: () => void): void
  /** Starts hearing the hosted page on `linkUrl`'s origin (or `connectOrigin`). */
  listen(linkUrl: string): void
  /** The link with the protocol parameters the shown window needs. */
  linkFor(linkUrl: string): string
  /** Emits `open` once the flow is on screen. */
  announce(): void
  /** Hands the protocol messages to the runtime: first those that arrived before it, in order, then each as it comes. */
  takeMessages(handle: HandleProtocolMessage): void
  /** The ending for a window that is gone. */
  gone(): SessionEnding
  /** The https check every link passes. */
  secureUrl: SecureUrlCheck
}

/**
 * The asynchronous part of a session, loaded right after `open()` (`load-session-runtime.ts`):
 * handles the protocol messages other than the key, gets a link that is not a plain string and
 * sends the window to it, and, for a popup or iframe, checks for a closed window and ends the
 * session at its timeout. Everything it starts goes on the session's cleanup stack.
 */
export function runSession(context: SessionRuntimeContext): void {
  const { options, shown } = context
  const hasWindow = shown.mode !== 'redirect'
  context.takeMessages(createMessageHandler(context))
  // Whether the window shows the link yet: before that, a closed handle cannot be a COOP cut.
  let linkLoaded = options.link.kind === 'url'
  if (hasWindow) watchWindow(context, () => linkLoaded)
  if (options.link.kind === 'url') return
  const abort = new AbortController()
  context.onCleanup(() => abort.abort())
  const { ConnectError } = context
  // Anything thrown while the link was loaded or opened ends the session with `link-failed`.
  const failed = (error: unknown) => {
    const connectError = error instanceof ConnectError ? error : new ConnectError('link-failed', 'The Connect link could not be opened.', { cause: error })
    context.settle({ kind: 'error', error: connectError })
  }
  loadLinkUrl(options.link, abort.signal, ConnectError, context.secureUrl).then((linkUrl) => {
    // Aborted: the session ended (the cleanup stack aborts it) while the link was on its way.
    if (abort.signal.aborted) return
    if (hasWindow) context.listen(linkUrl)
    try {
      shown.navigate(context.linkFor(linkUrl))
    } catch (error) {
      failed(error)
      return
    }
    linkLoaded = true
    context.announce()
  }, failed)
}

/** What ends a popup or iframe session from outside the protocol, but a landed key: a closed window, the timeout. */
function watchWindow(context: SessionRuntimeContext, linkLoaded: () => boolean): void {
  const { options, shown } = context
  const isGone = shown.mode === 'popup' ? createPopupGoneRule({ interval: goneCheckInterval, mayBeCutOff: () => linkLoaded() && options.redirectUrl !== undefined }) : (gone: boolean) => gone
  // A landed key is the core's to poll for (session.ts): it must not wait for this chunk.
  const goneCheck = setInterval(() => {
    if (isGone(shown.isGone())) context.settle(context.gone())
  }, goneCheckInterval)
  context.onCleanup(() => clearInterval(goneCheck))
  const timeout = setTimeout(
    () => context.settle({ kind: 'error', error: new context.ConnectError('timeout', `Timed out after ${options.timeout} ms.`) }),
    options.timeout - (Date.now() - context.openedAt),
  )
  context.onCleanup(() => clearTimeout(timeout))
}
