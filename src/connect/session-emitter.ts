import mitt, { type Handler } from 'mitt'
import { callSafely } from './call-safely'
import type { ConnectSessionEvents } from './events'

/** Subscribes to one session event; returns the unsubscribe function. */
export type SubscribeToSession = <Name extends keyof ConnectSessionEvents>(
  name: Name,
  handler: Handler<ConnectSessionEvents[Name]>,
) => () => void

export interface SessionEmitter {
  on: SubscribeToSession
  emit<Name extends keyof ConnectSessionEvents>(name: Name, value: ConnectSessionEvents[Name]): void
  /** Drops every handler: the session is over. */
  clear(): void
}

/** A mitt emitter whose handlers cannot break each other: each one runs through `callSafely`. */
export function createSessionEmitter(): SessionEmitter {
  const emitter = mitt<ConnectSessionEvents>()
  return {
    on(name, handler) {
      const safeHandler: typeof handler = (value) => callSafely(handler, value)
      emitter.on(name, safeHandler)
      return () => emitter.off(name, safeHandler)
    },
    emit(name, value) {
      emitter.emit(name, value)
    },
    clear() {
      emitter.all.clear()
    },
  }
}
