import { afterEach, vi } from 'vitest'
import { TextureConnect, type ConnectOptions, type ConnectSession } from '../../../src/index'

const opened: ConnectSession[] = []

// The SDK keeps one session in flight per page; each test ends its own so the next starts clean.
afterEach(() => {
  while (opened.length > 0) opened.pop()!.close()
})

/** `TextureConnect.open(options)`, closed again after the test. */
export function openSession(options: ConnectOptions): ConnectSession {
  const session = TextureConnect.open(options)
  opened.push(session)
  return session
}

/** Lets pending promise callbacks and microtasks run. */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** Resolves on the session's `open` event: the flow is on screen (the iframe modal loads its code first). */
export function whenOpen(session: ConnectSession): Promise<void> {
  return new Promise((resolve) => {
    const stop = session.on('open', () => {
      stop()
      resolve()
    })
  })
}

/**
 * Waits until the session's runtime, which `open()` loads with `import()` right after the flow is
 * shown, has taken over (its checks, timers and link loading start then). Works with fake timers.
 */
export async function runtimeLoaded(): Promise<void> {
  await vi.dynamicImportSettled()
}
