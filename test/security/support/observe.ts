import { vi } from 'vitest'
import type { ConnectSession } from '../../../src/index'

const sessionEvents = ['ready', 'event', 'success', 'exit', 'error', 'close'] as const

/** The four callbacks of `open()` as spies, to pass in the options. */
export function callbackSpies() {
  return { onSuccess: vi.fn(), onExit: vi.fn(), onError: vi.fn(), onEvent: vi.fn() }
}

/**
 * Counts everything a session tells the app: the callbacks, every session event but `open`, and
 * whether `result` settled. `fired()` is the number of those that happened.
 */
export function observeSession(session: ConnectSession, callbacks: ReturnType<typeof callbackSpies>) {
  const events = Object.fromEntries(sessionEvents.map((name) => [name, vi.fn()])) as Record<(typeof sessionEvents)[number], ReturnType<typeof vi.fn>>
  for (const name of sessionEvents) session.on(name, events[name] as never)
  let settled: { ok: boolean; value: unknown } | undefined
  let settlements = 0
  session.result.then(
    (value) => {
      settlements++
      settled = { ok: true, value }
    },
    (value: unknown) => {
      settlements++
      settled = { ok: false, value }
    },
  )
  const counted = [...Object.values(callbacks), ...Object.values(events)]
  return {
    events,
    fired: () => counted.reduce((sum, spy) => sum + spy.mock.calls.length, 0),
    get settled() {
      return settled
    },
    get settlements() {
      return settlements
    },
  }
}

/** Counts what escaped: `error` events on the window (listener throws, reportError) and unhandled rejections. */
export function watchEscapes() {
  const seen: unknown[] = []
  const onError = (event: Event) => seen.push((event as ErrorEvent).error ?? event)
  const onRejection = (reason: unknown) => seen.push(reason)
  const onWindowRejection = (event: Event) => seen.push((event as PromiseRejectionEvent).reason)
  window.addEventListener('error', onError)
  window.addEventListener('unhandledrejection', onWindowRejection)
  process.on('unhandledRejection', onRejection)
  return {
    seen,
    stop() {
      window.removeEventListener('error', onError)
      window.removeEventListener('unhandledrejection', onWindowRejection)
      process.off('unhandledRejection', onRejection)
    },
  }
}

/** A fingerprint of the built-in prototypes a polluting message would change. */
export function prototypeFingerprint(): string {
  const names = (target: object) => Reflect.ownKeys(target).map(String).sort().join(',')
  const probe = {} as Record<string, unknown>
  return JSON.stringify([names(Object.prototype), names(Array.prototype), names(Function.prototype), probe.polluted, probe.state, probe.source, probe.scopedKey])
}
