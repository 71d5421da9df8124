import { ConnectError } from '../../errors/connect-error'
import { createCleanup } from '../../internal/cleanup'
import { createNonce } from '../../internal/nonce'
import { once } from '../../internal/once'
import { callSafely } from './call-safely'
import { dismissEnding, exit, exitEnding, type SessionEnding } from './session-ending'
import type { ConnectEvent, ConnectSuccess } from './events'
import { buildLinkUrl } from '../link/link-url'
import { takeLandedKey } from '../return/landing'
import { parseSecureUrl, secureUrlRule } from '../link/secure-url'
import { loadSessionRuntime } from './load-session-runtime'
import { listenForMessages } from '../messaging/message-listener'
import type { ConnectMode, ResolvedConnectOptions } from '../options'
import type { OpenPresenter, Presenter } from '../presenters/presenter'
import { isProtocolMessage, type ProtocolMessage } from '../messaging/protocol'
import { onReturnFromRedirect } from '../presenters/redirect'
import { malformedKeyMessage } from '../return/strip-scoped-key'
import { listenForRelay, markSdkPopup } from '../messaging/relay'
import { createAck } from '../messaging/ack'
import { createSessionEmitter, type SubscribeToSession } from './session-emitter'
import type { HandleProtocolMessage } from './runtime-messages'

/** One run of the Connect flow, returned by `TextureConnect.open()`. */
export interface ConnectSession {
  /** Resolves once with the scoped key, or rejects once with a ConnectError. */
  readonly result: Promise<ConnectSuccess>
  /**
   * Ends the session and leaves nothing behind (window, listener, timers). Idempotent, safe at any
   * moment. If the flow was still running, `onExit({ reason: 'closed-by-app' })` fires and
   * `result` rejects with ConnectError `cancelled`.
   */
  close(): void
  /** Typed events (see `ConnectSessionEvents`); returns the unsubscribe function. */
  on: SubscribeToSession
}

/** A running session plus what `TextureConnect.open()` needs for a second call. */
export interface SessionHandle {
  session: ConnectSession
  /**
   * Brings the flow's window forward. False when that window is already gone (the user closed the
   * popup): the session then ends at once as that would at its next check, so a new one can start.
   */
  focus(): boolean
}

/**
 * Opens the presentation synchronously (still inside the user's click), listens for protocol
 * messages and relays, and settles exactly once; every step registers its undo on one cleanup
 * stack. Getting an async link, the landing and closed-window checks and the timeout are the
 * runtime's (`session-runtime.ts`), loaded right after (docs/architecture.md#the-session-runtime).
 */
export function startSession(options: ResolvedConnectOptions, openers: Record<ConnectMode, OpenPresenter>): SessionHandle {
  const state = createNonce()
  const appOrigin = globalThis.location.origin
  const openedAt = Date.now()
  const emitter = createSessionEmitter()
  const cleanup = createCleanup()
  let resolveResult!: (success: ConnectSuccess) => void
  let rejectResult!: (error: ConnectError) => void
  const result = new Promise<ConnectSuccess>((resolve, reject) => {
    resolveResult = resolve
    rejectResult = reject
  })
  // Apps that use only callbacks never read `result`; its rejection must not be reported as unhandled.
  result.catch(() => {})
  let settled = false

  const settle = once((ending: SessionEnding) => {
    settled = true
    cleanup.run()
    if (ending.kind === 'success') {
      resolveResult(ending.success)
      callSafely(options.onSuccess, ending.success)
      emitter.emit('success', ending.success)
    } else if (ending.kind === 'exit') {
      rejectResult(ending.error)
      callSafely(options.onExit, ending.exit)
      emitter.emit('exit', ending.exit)
    } else if (ending.kind === 'error') {
      rejectResult(ending.error)
      callSafely(options.onError, ending.error)
      emitter.emit('error', ending.error)
    }
    emitter.emit('close', undefined)
    emitter.clear()
  })

  const landed = (scopedKey: string) => settle(success(scopedKey))
  const reportEvent = (event: ConnectEvent) => {
    callSafely(options.onEvent, event)
    emitter.emit('event', event)
  }

  // Protocol messages other than the key wait here, in order, until the runtime takes them over.
  const waiting: Array<[ProtocolMessage, () => void]> = []
  let toRuntime: HandleProtocolMessage = (message, acknowledge) => waiting.push([message, acknowledge])
  const takeMessages = (handle: HandleProtocolMessage) => {
    toRuntime = handle
    for (const [message, acknowledge] of waiting.splice(0)) if (!settled) handle(message, acknowledge)
  }

  const startListening = (presenter: Presenter, linkUrl: string) => {
    const origin = options.connectOrigin ?? new URL(linkUrl).origin
    const isMessage = (data: unknown): data is ProtocolMessage => isProtocolMessage(data, state)
    const onMessage = (message: ProtocolMessage) => {
      // Tells the hosted page its terminal message arrived, before settling closes its window; exact origin, never '*'.
      const acknowledge = () => presenter.target?.postMessage(createAck(state, 'ack'), origin)
      // The key never waits for the runtime (docs/key-delivery.md): it is taken here, loaded or not.
      if (message.type !== 'success') return toRuntime(message, acknowledge)
      acknowledge()
      settle(success(message.scopedKey, message.metadata))
    }
    cleanup.add(listenForMessages({ origin, source: () => presenter.target, isMessage, onMessage }))
  }

  // The redirect mode's link is the hosted link itself: no window will answer, so no protocol parameters.
  const linkFor = (linkUrl: string, mode: Presenter['mode']) => (mode === 'redirect' ? linkUrl : buildLinkUrl(linkUrl, { state, origin: appOrigin, mode }))
  const present = (mode: ConnectMode) => {
    const url = options.link.kind === 'url' ? linkFor(options.link.url, mode) : undefined
    return openers[mode]({ url, state, options, onDismiss: (via) => settle(dismissEnding(via)), onFailure: (error) => settle({ kind: 'error', error }) })
  }
  // Opened before anything async: window.open must run synchronously inside the click.
  let presenter = present(options.mode)
  if (presenter === null && options.fallback !== 'none') {
    presenter = present(options.fallback)
    // A microtask later, so `session.on('event')` attached right after open() hears it too.
    queueMicrotask(() => reportEvent({ name: 'FALLBACK', metadata: { from: options.mode, to: options.fallback } }))
  }
  if (presenter === null) {
    // A microtask later, so handlers attached right after open() hear it.
    queueMicrotask(() => settle({ kind: 'error', error: new ConnectError('popup-blocked', 'Popup blocked: call open() in the click, before any await.') }))
  } else {
    const shown = presenter
    // In redirect mode this page is leaving: no window will answer, so there is nothing to watch.
    const hasWindow = shown.mode !== 'redirect'
    cleanup.add(() => shown.close())
    if (hasWindow) {
      // The key can also come back on the app's own origin (docs/protocol.md#the-relay): a page that calls
      // handleRedirect relays it (the marker tells a popup's page which session it belongs to).
      // Both listen from now on, so no key is missed while the runtime loads.
      if (shown.mode === 'popup' && shown.target !== null) cleanup.add(markSdkPopup(shown.target, state))
      cleanup.add(listenForRelay({ state, source: () => shown.target, onKey: landed, onInvalidKey: () => settle(malformedLanding()) }))
    } else {
      cleanup.add(onReturnFromRedirect((finished) => settle(finished ? { kind: 'handed-off' } : exitEnding('navigated-back', 'The user came back without finishing.'))))
    }
    const announce = () => {
      void (shown.shown ?? Promise.resolve()).then(() => {
        if (!settled) emitter.emit('open', { mode: shown.mode })
      })
    }
    if (options.link.kind === 'url') {
      if (hasWindow) startListening(shown, options.link.url)
      announce()
    }
    // A redirect to a link given as a string has nothing left to do on this page.
    if (hasWindow || options.link.kind !== 'url') startRuntime(shown, announce)
  }

  /** Loads the runtime and hands it the session; if it cannot load, a key that already landed is still taken. */
  function startRuntime(shown: Presenter, announce: () => void) {
    // A key that landed in the window is this session's whatever else happens (docs/key-delivery.md).
    const landing = (): SessionEnding | null => {
      const landed = shown.target === null ? null : takeLandedKey(shown.target, appOrigin)
      if (landed === null) return null
      return 'scopedKey' in landed ? success(landed.scopedKey) : malformedLanding()
    }
    // The core polls for a landed key from the start, not the runtime: a key that lands while the
    // runtime is on its way (a slow network) is taken even if the person closes the window before it
    // arrives. The runtime's own check is for a closed window.
    const landingCheck = setInterval(() => {
      const ending = landing()
      if (ending !== null) settle(ending)
    }, 500)
    cleanup.add(() => clearInterval(landingCheck))
    loadSessionRuntime().then(
      ({ runSession }) => {
        if (settled) return
        runSession({
          options,
          shown,
          openedAt,
          settle,
          onCleanup: cleanup.add,
          listen: (linkUrl) => startListening(shown, linkUrl),
          linkFor: (linkUrl) => linkFor(linkUrl, shown.mode),
          announce,
          takeMessages,
          emit: emitter.emit,
          reportEvent,
          exit,
          gone: () => goneEnding(shown.mode),
          ConnectError,
          secureUrl: { parse: parseSecureUrl, rule: secureUrlRule },
        })
      },
      // After the session ended this changes nothing: settle runs once.
      (error: unknown) => settle(landing() ?? { kind: 'error', error: new ConnectError('link-failed', 'The Connect session could not be loaded.', { cause: error }) }),
    )
  }

  const session: ConnectSession = {
    result,
    close() {
      settle(exitEnding('closed-by-app', 'Closed by the app.'))
    },
    on: emitter.on,
  }
  const focus = () => {
    if (presenter?.isGone()) {
      settle(goneEnding(presenter.mode))
      return false
    }
    presenter?.focus()
    return true
  }
  return { session, focus }
}

/** The ending for a key the session took, by message, relay or landing. */
function success(scopedKey: string, metadata: Record<string, unknown> = {}): SessionEnding {
  return { kind: 'success', success: { scopedKey, metadata } }
}

/** How a session ends when its window disappears without a word from the hosted page. */
function goneEnding(mode: Presenter['mode']): SessionEnding {
  return mode === 'popup' ? exitEnding('popup-closed', 'The user closed the popup.') : exitEnding('closed-by-app', 'The iframe was removed.')
}

/** A window that came back with a `texture_scoped_key` that is not a scoped key: the value is not echoed. */
function malformedLanding(): SessionEnding {
  return { kind: 'error', error: new ConnectError('hosted-error', malformedKeyMessage) }
}
