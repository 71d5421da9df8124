import { useCallback, useEffect, useInsertionEffect, useRef, useState } from 'react'
import type { PopupSizeOptions } from '../connect/options'
import type { CreateConnectSessionOptions } from '../compat/connect-session-options'
import { createSessionController } from '../compat/session-controller'

/** The options of Texture's former `useCreateConnectSession`; the latest render's apply at each `open()`. */
export type UseCreateConnectSessionOptions = CreateConnectSessionOptions

/** What `useCreateConnectSession` returns: Texture's `{ open }`, and more. */
export interface UseCreateConnectSession {
  /**
   * Opens the Connect popup (sized `{ width, height }` if given), synchronously, so it must run
   * in the click: `onClick={() => open({ width: 600, height: 800 })}`. While this hook's flow
   * shows, it brings it forward. Does nothing once the component has unmounted.
   */
  open: (size?: PopupSizeOptions) => void
  /** Ends this hook's flow and closes its popup, calling no callback. */
  close: () => void
  /** True from `open()` until the flow ends, however it ends. */
  isOpen: boolean
  /** The hosted Connect link of the latest `open()`, once created. */
  url: string | undefined
  /** The scoped key of the latest successful flow. */
  scopedKey: string | undefined
}

interface Snapshot {
  isOpen: boolean
  url: string | undefined
  scopedKey: string | undefined
}

/**
 * Texture's former `useCreateConnectSession` (`@texturehq/react-connect-sdk`), from
 * `texture-connect/react`: `createConnectSession` as a hook. Nothing runs during render (safe
 * under SSR); under StrictMode one click opens one popup; callbacks may change on every render
 * and the latest are called; unmounting closes the popup and calls none of them.
 *
 * @example
 * import { useCreateConnectSession } from 'texture-connect/react'
 *
 * function ConnectButton() {
 *   const { open } = useCreateConnectSession({
 *     connectApiKey: 'your-public-connect-key',
 *     connectOptions: { referenceId: currentUser.id, clientName: 'Acme Energy' },
 *     onSuccess: ({ scopedKey }) => saveKeyOnYourServer(scopedKey),
 *     onError: ({ type, reason }) => console.error(type, reason),
 *   })
 *   return <button onClick={() => open({ width: 600, height: 800 })}>Connect device(s)</button>
 * }
 */
export function useCreateConnectSession(options: UseCreateConnectSessionOptions): UseCreateConnectSession {
  const latest = useRef(options)
  // Before any event can reach the flow; never during render, which React may discard.
  useInsertionEffect(() => {
    latest.current = options
  })
  const unmounted = useRef(false)
  const [snapshot, setSnapshot] = useState<Snapshot>({ isOpen: false, url: undefined, scopedKey: undefined })
  // Created during render, but creating one does nothing: the flow starts only in open().
  const [controller] = useState(() => {
    // A gone component hears nothing: its callbacks are dropped once it has unmounted.
    const read = () => (unmounted.current ? { ...latest.current, onSuccess: undefined, onError: undefined } : latest.current)
    const created = createSessionController(read, () => setSnapshot({ isOpen: created.isOpen, url: created.url, scopedKey: created.scopedKey }))
    return created
  })

  useEffect(() => {
    unmounted.current = false
    return () => {
      unmounted.current = true
      // StrictMode unmounts and remounts in one synchronous pass: only a real unmount is still
      // unmounted a microtask later, and only then is the person's popup closed.
      queueMicrotask(() => {
        if (unmounted.current) controller.close()
      })
    }
  }, [controller])

  const open = useCallback(
    (size?: PopupSizeOptions) => {
      if (!unmounted.current) controller.open(size)
    },
    [controller],
  )
  const close = useCallback(() => controller.close(), [controller])

  return { open, close, ...snapshot }
}
