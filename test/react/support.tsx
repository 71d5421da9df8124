import { act, cleanup } from '@testing-library/react'
import { afterEach, vi } from 'vitest'
import { postMessageFrom, protocolMessage, hostedOrigin, stateOf } from '../connect/support/hosted'
import type { FakePopup } from '../connect/support/fake-popup'

// Unmounting closes a hook's session a microtask later; let that happen before the next test, so
// TextureConnect's one-session-per-page rule starts each test clean.
afterEach(async () => {
  cleanup()
  await flush()
})

/** Lets promises, microtasks and the React updates they cause run. */
export function flush(): Promise<void> {
  return act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
}

/**
 * The hosted page in `popup` posts a protocol v1 message to the app, inside `act`, and waits for the
 * session's runtime (loaded with `import()` after `open()`), which reports every message but the key.
 */
export async function hostedPosts(popup: FakePopup, type: string, fields: Record<string, unknown> = {}): Promise<void> {
  await act(async () => {
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(stateOf(popup.url), type, fields) })
    await vi.dynamicImportSettled()
  })
}
