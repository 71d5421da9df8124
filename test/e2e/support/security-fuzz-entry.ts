// Bundled into the security test pages as window.fuzz: the same generators as the happy-dom fuzzer.
import { forgedRelay, hostileData, validMessage, validRelay } from '../../security/support/hostile-messages'
import { createRandom } from '../../security/support/prng'

type Target = 'opener' | 'parent'

function targetWindow(target: Target): Window {
  return target === 'opener' ? (window.opener as Window) : window.parent
}

function post(target: Window, data: unknown, origin: string): boolean {
  try {
    target.postMessage(data, origin)
    return true
  } catch {
    // Not cloneable: a real sender could not send it either.
    return false
  }
}

/** Defines window.fuzz (called by the page bundle: the package's `sideEffects: false` would drop a bare import). */
export function installFuzz(): void {
  Object.assign(window, {
    fuzz: {
      /** Posts `count` hostile messages to the opener or parent; returns how many left, per kind. */
      hostile(options: { seed: number; count: number; state: string; appOrigin: string; target: Target }) {
        const random = createRandom(options.seed)
        const kinds: Record<string, number> = {}
        for (let index = 0; index < options.count; index++) {
          const hostile = hostileData(random, options.state)
          if (post(targetWindow(options.target), hostile.data, options.appOrigin)) kinds[hostile.kind] = (kinds[hostile.kind] ?? 0) + 1
        }
        return kinds
      },
      /** Posts `count` valid protocol messages (right state!): only the origin or the window is wrong. */
      valid(options: { seed: number; count: number; state: string; appOrigin: string; target: Target }) {
        const random = createRandom(options.seed)
        let sent = 0
        for (let index = 0; index < options.count; index++) if (post(targetWindow(options.target), validMessage(random, options.state), options.appOrigin)) sent++
        return sent
      },
      /** Forged relays, on postMessage to the opener/parent and on the BroadcastChannel. */
      relays(options: { seed: number; count: number; state: string; appOrigin: string; target: Target | 'none'; rightStateToo: boolean }) {
        const random = createRandom(options.seed)
        const channel = new BroadcastChannel('texture-connect')
        let posted = 0
        let broadcast = 0
        for (let index = 0; index < options.count; index++) {
          const relay = forgedRelay(random, options.state).data
          if (options.target !== 'none' && post(targetWindow(options.target), options.rightStateToo ? validRelay(random, options.state) : relay, options.appOrigin)) posted++
          try {
            channel.postMessage(relay)
            broadcast++
          } catch {
            // Not cloneable.
          }
        }
        channel.close()
        return { posted, broadcast }
      },
    },
  })
}
