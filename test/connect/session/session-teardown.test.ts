import { afterEach, describe, expect, it, vi } from 'vitest'
import { stubBlockedWindowOpen, stubWindowOpen } from '../support/fake-popup'
import { hostedOrigin, linkUrl, postMessageFrom, protocolMessage, stateOf } from '../support/hosted'
import { openSession, runtimeLoaded } from '../support/sessions'

afterEach(() => {
  vi.useRealTimers()
})

function messageListenerCount(spy: { mock: { calls: unknown[][] } }) {
  return spy.mock.calls.filter(([type]) => type === 'message').length
}

describe('session teardown', () => {
  it('removes every message listener it added (the protocol listener and the relay listener)', () => {
    const added = vi.spyOn(window, 'addEventListener')
    const removed = vi.spyOn(window, 'removeEventListener')
    stubWindowOpen()
    const session = openSession({ linkUrl })
    expect(messageListenerCount(added)).toBe(2)
    session.close()
    const listeners = (spy: typeof added) => spy.mock.calls.filter(([type]) => type === 'message').map(([, listener]) => listener)
    expect(listeners(removed)).toHaveLength(2)
    expect(new Set(listeners(removed))).toEqual(new Set(listeners(added)))
  })

  it('clears its intervals (landing, closed window) and its timeout', async () => {
    vi.useFakeTimers()
    stubWindowOpen()
    const before = vi.getTimerCount()
    const session = openSession({ linkUrl })
    await runtimeLoaded()
    expect(vi.getTimerCount()).toBe(before + 3)
    session.close()
    expect(vi.getTimerCount()).toBe(before)
  })

  it('clears everything after a success as well', () => {
    vi.useFakeTimers()
    const windowOpen = stubWindowOpen()
    const onSuccess = vi.fn()
    openSession({ linkUrl, onSuccess })
    const popup = windowOpen.latest
    const success = protocolMessage(stateOf(popup.url), 'success', { scopedKey: 'scoped_1' })
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: success })
    expect(vi.getTimerCount()).toBe(0)
    expect(popup.closed).toBe(true)
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })

  it('hears nothing after close: a late valid message reaches no callback', () => {
    const windowOpen = stubWindowOpen()
    const onSuccess = vi.fn()
    const onEvent = vi.fn()
    const session = openSession({ linkUrl, onSuccess, onEvent })
    const popup = windowOpen.latest
    session.close()
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(stateOf(popup.url), 'ready') })
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(stateOf(popup.url), 'success', { scopedKey: 'scoped_1' }) })
    expect(onSuccess).not.toHaveBeenCalled()
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('emits close exactly once', () => {
    stubWindowOpen()
    const session = openSession({ linkUrl })
    const onClose = vi.fn()
    session.on('close', onClose)
    session.close()
    session.close()
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('leaves nothing behind for a blocked popup', async () => {
    vi.useFakeTimers()
    const added = vi.spyOn(window, 'addEventListener')
    stubBlockedWindowOpen('null')
    const session = openSession({ linkUrl })
    await expect(session.result).rejects.toMatchObject({ code: 'popup-blocked' })
    expect(messageListenerCount(added)).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('lets handlers unsubscribe', () => {
    stubWindowOpen()
    const session = openSession({ linkUrl })
    const onExit = vi.fn()
    const unsubscribe = session.on('exit', onExit)
    unsubscribe()
    session.close()
    expect(onExit).not.toHaveBeenCalled()
  })
})
