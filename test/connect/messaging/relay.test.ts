import { afterEach, describe, expect, it, vi } from 'vitest'
import { listenForRelay, markSdkPopup } from '../../../src/connect/messaging/relay'
import { popupMarkerKey, relayChannelName } from '../../../src/connect/messaging/relay-message'
import { postMessageFrom } from '../support/hosted'

const state = 'b'.repeat(32)
const scopedKey = 'scoped_relay_1'
const popup = { postMessage: vi.fn() } as unknown as Window
const otherWindow = { postMessage: vi.fn() } as unknown as Window
const undos: Array<() => void> = []
afterEach(() => undos.splice(0).forEach((undo) => undo()))

const relay = (fields: Record<string, unknown> = {}) => ({ source: 'texture-connect', version: 1, type: 'relay', state, scopedKey, ...fields })

function listen(source: Window | null = popup, onInvalidKey = vi.fn()) {
  const onKey = vi.fn()
  undos.push(listenForRelay({ state, source: () => source, onKey, onInvalidKey }))
  return onKey
}

const invalidKeyNotice = (fields: Record<string, unknown> = {}) => ({ source: 'texture-connect', version: 1, type: 'relay-invalid-key', state, ...fields })

/** Posts on the relay BroadcastChannel from another channel object, as the popup's page would. */
async function broadcast(data: unknown): Promise<void> {
  const sender = new BroadcastChannel(relayChannelName)
  sender.postMessage(data)
  sender.close()
  await new Promise((resolve) => setTimeout(resolve, 50))
}

describe('listenForRelay', () => {
  it('takes the key from a relay posted by the session window on this origin', () => {
    const onKey = listen()
    postMessageFrom({ source: popup, origin: location.origin, data: relay() })
    expect(onKey).toHaveBeenCalledExactlyOnceWith(scopedKey)
  })

  it('ignores relays from any other origin, look-alikes included', () => {
    const onKey = listen()
    const own = new URL(location.origin)
    for (const origin of [`${location.origin}.evil.example`, `${own.protocol}//${own.hostname}:1`, 'https://evil.example', 'null', '']) {
      postMessageFrom({ source: popup, origin, data: relay() })
    }
    expect(onKey).not.toHaveBeenCalled()
  })

  it('ignores relays from another window of this origin, or while the session has no window', () => {
    const onKey = listen()
    postMessageFrom({ source: otherWindow, origin: location.origin, data: relay() })
    postMessageFrom({ source: null, origin: location.origin, data: relay() })
    expect(onKey).not.toHaveBeenCalled()
    const onKeyWithoutWindow = listen(null)
    postMessageFrom({ source: null, origin: location.origin, data: relay() })
    expect(onKeyWithoutWindow).not.toHaveBeenCalled()
  })

  it.each([
    ['another state', relay({ state: 'c'.repeat(32) })],
    ['no state', relay({ state: undefined })],
    ['an api_ key', relay({ scopedKey: 'api_secret' })],
    ['a bare prefix', relay({ scopedKey: 'scoped_' })],
    ['a non-string key', relay({ scopedKey: 42 })],
    ['another type', relay({ type: 'success' })],
    ['another version', relay({ version: 2 })],
    ['another namespace', relay({ source: 'other' })],
    ['a string', 'relay'],
    ['null', null],
  ])('ignores a relay with %s', (_label, data) => {
    const onKey = listen()
    postMessageFrom({ source: popup, origin: location.origin, data })
    expect(onKey).not.toHaveBeenCalled()
  })

  it('takes the key from the BroadcastChannel (the path left when COOP cut the opener)', async () => {
    const onKey = listen()
    await broadcast(relay())
    expect(onKey).toHaveBeenCalledExactlyOnceWith(scopedKey)
  })

  it('ignores BroadcastChannel relays for another state or with an invalid key', async () => {
    const onKey = listen()
    await broadcast(relay({ state: 'c'.repeat(32) }))
    await broadcast(relay({ scopedKey: 'api_secret' }))
    expect(onKey).not.toHaveBeenCalled()
  })

  it('hands over the key once when it arrives on both channels', async () => {
    const onKey = listen()
    postMessageFrom({ source: popup, origin: location.origin, data: relay() })
    await broadcast(relay())
    expect(onKey).toHaveBeenCalledOnce()
  })

  it('hears the invalid-key notice on either channel, once, and never as a key', async () => {
    const onInvalidKey = vi.fn()
    const onKey = listen(popup, onInvalidKey)
    postMessageFrom({ source: popup, origin: location.origin, data: invalidKeyNotice() })
    await broadcast(invalidKeyNotice())
    postMessageFrom({ source: popup, origin: location.origin, data: relay() })
    expect(onInvalidKey).toHaveBeenCalledOnce()
    expect(onKey).not.toHaveBeenCalled()
  })

  it('ignores an invalid-key notice for another state, from another window or another origin', async () => {
    const onInvalidKey = vi.fn()
    const onKey = listen(popup, onInvalidKey)
    postMessageFrom({ source: otherWindow, origin: location.origin, data: invalidKeyNotice() })
    postMessageFrom({ source: popup, origin: 'https://evil.example', data: invalidKeyNotice() })
    postMessageFrom({ source: popup, origin: location.origin, data: invalidKeyNotice({ state: 'c'.repeat(32) }) })
    await broadcast(invalidKeyNotice({ state: 'c'.repeat(32) }))
    expect(onInvalidKey).not.toHaveBeenCalled()
    postMessageFrom({ source: popup, origin: location.origin, data: relay() })
    expect(onKey).toHaveBeenCalledOnce()
  })

  it('stops listening on both channels when undone, and closes its BroadcastChannel', async () => {
    const close = vi.spyOn(BroadcastChannel.prototype, 'close')
    const onKey = vi.fn()
    const undo = listenForRelay({ state, source: () => popup, onKey, onInvalidKey: vi.fn() })
    undo()
    expect(close).toHaveBeenCalledOnce()
    postMessageFrom({ source: popup, origin: location.origin, data: relay() })
    await broadcast(relay())
    expect(onKey).not.toHaveBeenCalled()
    const closes = close.mock.calls.length
    undo()
    expect(close).toHaveBeenCalledTimes(closes)
  })

  it('removes its message listener from the window when undone', () => {
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    listenForRelay({ state, source: () => popup, onKey: vi.fn(), onInvalidKey: vi.fn() })()
    expect(add).toHaveBeenCalledOnce()
    expect(remove).toHaveBeenCalledExactlyOnceWith(...add.mock.calls[0]!)
  })
})

describe('markSdkPopup', () => {
  it("writes the session state (not a key) into the popup's sessionStorage, and its undo removes it", () => {
    const storage = new Map<string, string>()
    const fakePopup = {
      sessionStorage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => storage.set(key, value),
        removeItem: (key: string) => storage.delete(key),
      },
    } as unknown as Window
    const undo = markSdkPopup(fakePopup, state)
    expect([...storage]).toEqual([[popupMarkerKey, state]])
    undo()
    expect(storage.size).toBe(0)
  })

  it('never throws when the popup storage is out of reach (cross-origin, disabled)', () => {
    const crossOrigin = {
      get sessionStorage(): Storage {
        throw new DOMException('Blocked a frame', 'SecurityError')
      },
    } as unknown as Window
    expect(() => markSdkPopup(crossOrigin, state)()).not.toThrow()
  })
})
