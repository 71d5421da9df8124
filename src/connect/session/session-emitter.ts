import mitt from 'mitt'
import { callSafely } from './call-safely'
import type { ConnectSessionEvents } from './events'

type EventName = keyof ConnectSessionEvents

/** Subscribes to one session event; returns the unsubscribe function. */
export type SubscribeToSession = <Name extends EventName>(name: Name, handler: (value: ConnectSessionEvents[Name]) => void) => () => void

export interface SessionEmitter {
  on: SubscribeToSession
  emit<Name extends EventName>(name: Name, value: ConnectSessionEvents[Name]): void
  /** Drops every handler: the session is over. */
  clear(): void
}

/**
 * The session's typed events on mitt, with two things mitt leaves out: a handler that throws
 * cannot break the others or the session (each runs through `callSafely`), and `on` returns its
 * unsubscribe. mitt emits over a copy of the handler list, so handlers added or removed while an
 * event is emitted take effect from the next one.
 */
export function createSessionEmitter(): SessionEmitter {
  const emitter = mitt<ConnectSessionEvents>()
  return {
    on(name, handler) {
      const isolated = (value: ConnectSessionEvents[typeof name]) => callSafely(handler, value)
      emitter.on(name, isolated)
      return () => emitter.off(name, isolated)
    },
    emit: emitter.emit,
    clear: () => emitter.all.clear(),
  }
}
