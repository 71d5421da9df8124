import { TextureConnect } from '../connect/texture-connect'
import type { ConnectSession } from '../connect/session/session'
import type { CreateConnectSessionOptions, CreateConnectSessionResult } from './connect-session-options'
import { connectOptionsFor } from './connect-options-for'
import { errorForExit, errorForFailure } from './session-error'

// Sessions some drop-in started: one never adopts (nor closes) another one's.
const started = new WeakSet<ConnectSession>()

/**
 * Runs Texture's `createConnectSession` API on `TextureConnect.open()`. `read` is asked for the
 * options at each `open()` and again at each ending, so the latest callbacks are the ones called;
 * `onChange` hears every change of `isOpen`, `url` and `scopedKey`. A callback that throws is
 * reported as uncaught by the session, as with `TextureConnect.open()`.
 */
export function createSessionController(read: () => CreateConnectSessionOptions, onChange: () => void = () => {}): CreateConnectSessionResult {
  let active: ConnectSession | undefined
  let url: string | undefined
  let scopedKey: string | undefined

  function open(size?: unknown): void {
    const abort = new AbortController()
    const session = TextureConnect.open(
      connectOptionsFor(read(), size, abort.signal, {
        onUrl: (linkUrl) => {
          url = linkUrl
          onChange()
        },
        onSuccess: (success) => {
          scopedKey = success.scopedKey
          onChange()
          read().onSuccess?.(success)
        },
        onExit: (exit) => {
          const error = errorForExit(exit)
          if (error !== undefined) read().onError?.(error)
        },
        onError: (failure) => read().onError?.(errorForFailure(failure)),
      }),
    )
    // A second open() while a flow shows: TextureConnect.open() brought that one forward.
    if (session === active || started.has(session)) return
    started.add(session)
    active = session
    url = undefined
    session.on('close', () => {
      abort.abort()
      if (active === session) active = undefined
      onChange()
    })
    onChange()
  }

  return {
    open,
    close: () => active?.close(),
    get isOpen() {
      return active !== undefined
    },
    get url() {
      return url
    },
    get scopedKey() {
      return scopedKey
    },
  }
}
