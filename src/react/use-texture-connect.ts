import { useCallback, useEffect, useInsertionEffect, useRef, useState } from 'react'
import type { ConnectError } from '../errors/connect-error'
import type { ConnectSuccess } from '../connect/session/events'
import type { ConnectOptions } from '../connect/options'
import type { ConnectSession } from '../connect/session/session'
import { TextureConnect } from '../connect/texture-connect'

/** The hook takes the options of `TextureConnect.open()`; the latest render's options apply at each `open()`. */
export type UseTextureConnectOptions = ConnectOptions

/** What `useTextureConnect` returns. */
export interface UseTextureConnect {
  /**
   * Opens the Connect flow: `TextureConnect.open()` with the latest options, called synchronously,
   * so `onClick={open}` keeps the popup allowed. While this hook's session runs, it brings that
   * session forward instead. Returns the session, or `null` once the component has unmounted.
   * Bad options throw ConnectError `invalid-options`, as `TextureConnect.open()` does.
   */
  open: () => ConnectSession | null
  /** Ends this hook's session, if one runs (`onExit` gets `closed-by-app`). */
  close: () => void
  /** True from `open()` until the session ends, however it ends. */
  isOpen: boolean
  /** True once mounted in a browser with a `linkUrl` or `connectKey`; false on the server and in the first (hydration) render. */
  ready: boolean
  /** The last session's success, `null` before one and from each `open()`. */
  result: ConnectSuccess | null
  /** The last session's failure (what `onError` gets, never a user's exit), `null` from each `open()`. */
  error: ConnectError | null
}

interface SessionState {
  isOpen: boolean
  result: ConnectSuccess | null
  error: ConnectError | null
}

const idle: SessionState = { isOpen: false, result: null, error: null }

// Sessions some hook instance started: a hook never adopts (nor closes on unmount) another one's.
const started = new WeakSet<ConnectSession>()

/**
 * The Connect flow as React state. Nothing runs during render (safe under SSR); the session starts
 * only in `open()`, and unmounting closes it without calling your callbacks. Callbacks may change
 * on every render: the session calls the latest ones.
 *
 * @example
 * function ConnectButton() {
 *   const { open, ready, isOpen, result, error } = useTextureConnect({
 *     linkUrl: () => fetch('/api/texture-link', { method: 'POST' }).then((response) => response.text()),
 *     onSuccess: ({ scopedKey }) => saveKeyOnServer(scopedKey),
 *   })
 *   return <button disabled={!ready || isOpen} onClick={open}>Connect your devices</button>
 * }
 */
export function useTextureConnect(options: UseTextureConnectOptions): UseTextureConnect {
  const latest = useRef(options)
  // Before any event can reach the session; never during render, which React may discard.
  useInsertionEffect(() => {
    latest.current = options
  })
  const own = useRef<{ session?: ConnectSession | undefined; unmounted: boolean }>({ unmounted: false })
  const [state, setState] = useState(idle)
  const [mounted, setMounted] = useState(false)

  useEffect(() => {
    const current = own.current
    current.unmounted = false
    setMounted(true)
    return () => {
      current.unmounted = true
      // StrictMode (and Fast Refresh) unmount and remount in one synchronous pass: only a real
      // unmount is still unmounted a microtask later, and only then is the user's popup closed.
      queueMicrotask(() => {
        if (current.unmounted) current.session?.close()
      })
    }
  }, [])

  const open = useCallback((): ConnectSession | null => {
    const current = own.current
    if (current.unmounted) return null
    // The latest render's callbacks, or none once unmounted: a gone component hears nothing.
    const live = () => (current.unmounted ? undefined : latest.current)
    const session = TextureConnect.open({
      ...latest.current,
      onSuccess: (success) => live()?.onSuccess?.(success),
      onExit: (exit) => live()?.onExit?.(exit),
      onError: (error) => live()?.onError?.(error),
      onEvent: (event) => live()?.onEvent?.(event),
    })
    if (session === current.session || started.has(session)) return session
    started.add(session)
    current.session = session
    setState({ isOpen: true, result: null, error: null })
    session.on('success', (result) => setState({ isOpen: false, result, error: null }))
    session.on('error', (error) => setState({ isOpen: false, result: null, error }))
    session.on('close', () => {
      if (current.session === session) current.session = undefined
      setState((previous) => (previous.isOpen ? { ...previous, isOpen: false } : previous))
    })
    return session
  }, [])

  const close = useCallback(() => own.current.session?.close(), [])

  return { open, close, ...state, ready: mounted && (options.linkUrl != null || options.connectKey != null) }
}
