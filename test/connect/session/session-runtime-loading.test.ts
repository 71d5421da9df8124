import { afterEach, describe, expect, it, vi } from 'vitest'
import { stubWindowOpen } from '../support/fake-popup'
import { hostedOrigin, linkUrl, postMessageFrom, protocolMessage, stateOf } from '../support/hosted'
import { openSession, runtimeLoaded } from '../support/sessions'

// The session's runtime arrives through import() right after open(); each test decides when it
// arrives (or that it never does) by replacing the loader.
const loader = vi.hoisted(() => ({ load: undefined as (() => Promise<unknown>) | undefined }))
vi.mock('../../../src/connect/session/load-session-runtime', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/connect/session/load-session-runtime')>()
  return { loadSessionRuntime: () => (loader.load === undefined ? actual.loadSessionRuntime() : loader.load()) }
})

function deferredRuntime() {
  let arrive!: () => void
  let fail!: (error: Error) => void
  const arrived = new Promise<unknown>((resolve, reject) => {
    arrive = () => resolve(import('../../../src/connect/session/session-runtime'))
    fail = reject
  })
  loader.load = () => arrived
  return { arrive, fail }
}

afterEach(() => {
  loader.load = undefined
  vi.useRealTimers()
})

describe('a session whose runtime is still loading', () => {
  it('replays the messages that arrived before it, in order, and settles on them', async () => {
    const runtime = deferredRuntime()
    const windowOpen = stubWindowOpen()
    const onEvent = vi.fn()
    const onExit = vi.fn()
    const session = openSession({ linkUrl, onEvent, onExit })
    const popup = windowOpen.latest
    const state = stateOf(popup.url)
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(state, 'ready') })
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(state, 'event', { name: 'MANUFACTURER_SELECTED' }) })
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(state, 'exit', { reason: 'user-cancelled' }) })
    expect(onEvent).not.toHaveBeenCalled()
    runtime.arrive()
    await expect(session.result).rejects.toMatchObject({ code: 'cancelled' })
    expect(onEvent.mock.calls.map(([event]) => event.name)).toEqual(['READY', 'MANUFACTURER_SELECTED'])
    expect(onExit).toHaveBeenCalledWith({ reason: 'user-cancelled', metadata: {} })
    // The exit was acknowledged to the hosted page once, on its exact origin.
    expect(popup.postMessage).toHaveBeenCalledWith({ source: 'texture-connect', version: 1, state, type: 'ack' }, hostedOrigin)
    expect(popup.postMessage).toHaveBeenCalledTimes(1)
  })

  it('takes a key at once: the success message does not wait for the runtime', async () => {
    deferredRuntime()
    const windowOpen = stubWindowOpen()
    const onSuccess = vi.fn()
    const session = openSession({ linkUrl, onSuccess })
    const popup = windowOpen.latest
    const state = stateOf(popup.url)
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(state, 'success', { scopedKey: 'scoped_early' }) })
    expect(onSuccess).toHaveBeenCalledWith({ scopedKey: 'scoped_early', metadata: {} })
    expect(popup.postMessage).toHaveBeenCalledWith({ source: 'texture-connect', version: 1, state, type: 'ack' }, hostedOrigin)
    await expect(session.result).resolves.toEqual({ scopedKey: 'scoped_early', metadata: {} })
  })

  it('takes a key that lands in the popup while the runtime is still on its way', async () => {
    vi.useFakeTimers()
    deferredRuntime()
    const windowOpen = stubWindowOpen()
    const session = openSession({ linkUrl })
    const popup = windowOpen.latest.window
    const url = new URL(`${location.origin}/connected?texture_scoped_key=scoped_landed_early`)
    for (const part of ['href', 'origin', 'pathname', 'search', 'hash'] as const) Object.defineProperty(popup.location, part, { value: url[part], configurable: true })
    Object.defineProperty(popup, 'history', { value: { state: null, replaceState: () => {} }, configurable: true })
    // The runtime never arrives here: the core's own check, every 500 ms, takes the key.
    await vi.advanceTimersByTimeAsync(500)
    await expect(session.result).resolves.toEqual({ scopedKey: 'scoped_landed_early', metadata: {} })
    expect(windowOpen.latest.close).toHaveBeenCalled()
  })

  it('leaves nothing behind when closed before the runtime arrives, and the late runtime does nothing', async () => {
    vi.useFakeTimers()
    const runtime = deferredRuntime()
    const added = vi.spyOn(window, 'addEventListener')
    const removed = vi.spyOn(window, 'removeEventListener')
    const windowOpen = stubWindowOpen()
    const before = vi.getTimerCount()
    const onEvent = vi.fn()
    const onClose = vi.fn()
    const session = openSession({ linkUrl, onEvent })
    session.on('close', onClose)
    const popup = windowOpen.latest
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(stateOf(popup.url), 'ready') })
    session.close()
    runtime.arrive()
    await runtimeLoaded()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(vi.getTimerCount()).toBe(before)
    const listeners = (spy: typeof added) => spy.mock.calls.filter(([type]) => type === 'message').map(([, listener]) => listener)
    expect(new Set(listeners(removed))).toEqual(new Set(listeners(added)))
    expect(popup.close).toHaveBeenCalled()
    expect(onEvent).not.toHaveBeenCalled()
    expect(onClose).toHaveBeenCalledTimes(1)
  })
})

describe('a session whose runtime cannot be loaded', () => {
  it('ends with link-failed through onError and result, and closes the popup', async () => {
    deferredRuntime().fail(new Error('Failed to fetch dynamically imported module'))
    const windowOpen = stubWindowOpen()
    const onError = vi.fn()
    const session = openSession({ linkUrl, onError })
    const error = await session.result.catch((reason: unknown) => reason)
    expect(error).toMatchObject({ name: 'ConnectError', code: 'link-failed' })
    expect(onError).toHaveBeenCalledWith(error)
    expect(windowOpen.latest.close).toHaveBeenCalled()
  })

  it('still takes a key that has landed in the popup', async () => {
    const runtime = deferredRuntime()
    const windowOpen = stubWindowOpen()
    const session = openSession({ linkUrl })
    const popup = windowOpen.latest.window
    const url = new URL(`${location.origin}/connected?texture_scoped_key=scoped_landed_2`)
    for (const part of ['href', 'origin', 'pathname', 'search', 'hash'] as const) Object.defineProperty(popup.location, part, { value: url[part], configurable: true })
    const replaced: string[] = []
    Object.defineProperty(popup, 'history', { value: { state: null, replaceState: (_state: unknown, _title: string, address: string) => replaced.push(address) }, configurable: true })
    runtime.fail(new Error('Failed to fetch dynamically imported module'))
    await expect(session.result).resolves.toEqual({ scopedKey: 'scoped_landed_2', metadata: {} })
    expect(replaced).toEqual(['/connected'])
  })
})
