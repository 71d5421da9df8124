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

type Entry = readonly [EventName, (value: never) => void]

/**
 * A typed emitter (mitt's semantics, without the dependency) whose handlers cannot break each
 * other: each one runs through `callSafely`. The list is replaced, never mutated, so handlers
 * added or removed while an event is emitted take effect from the next one.
 */
export function createSessionEmitter(): SessionEmitter {
  let entries: readonly Entry[] = []
  return {
    on(name, handler) {
      const entry: Entry = [name, handler]
      entries = [...entries, entry]
      return () => {
        entries = entries.filter((other) => other !== entry)
      }
    },
    emit(name, value) {
      for (const [entryName, handler] of entries) if (entryName === name) callSafely(handler as (value: unknown) => void, value)
    },
    clear() {
      entries = []
    },
  }
}
