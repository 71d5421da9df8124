import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConnectError } from '../../../src/index'
import { stubBlockedWindowOpen, stubWindowOpen } from '../support/fake-popup'
import { hostedOrigin, linkUrl, postMessageFrom, protocolMessage, stateOf } from '../support/hosted'
import { openSession, runtimeLoaded } from '../support/sessions'

afterEach(() => {
  vi.useRealTimers()
})

function callbacks() {
  return { onSuccess: vi.fn(), onExit: vi.fn(), onError: vi.fn(), onEvent: vi.fn() }
}

async function rejectionOf(promise: Promise<unknown>): Promise<ConnectError> {
  const reason = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(reason).toBeInstanceOf(ConnectError)
  return reason as ConnectError
}

describe('how a popup session ends', () => {
  it.each(['null', 'closed-window'] as const)('reports a blocked popup (window.open answered %s) through onError and result', async (answer) => {
    stubBlockedWindowOpen(answer)
    const handlers = callbacks()
    const session = openSession({ linkUrl, ...handlers })
    const onErrorEvent = vi.fn()
    session.on('error', onErrorEvent)
    const error = await rejectionOf(session.result)
    expect(error.code).toBe('popup-blocked')
    expect(handlers.onError).toHaveBeenCalledWith(error)
    expect(onErrorEvent).toHaveBeenCalledWith(error)
    expect(handlers.onExit).not.toHaveBeenCalled()
  })

  it('notices within a second that the user closed the popup: onExit, and result rejects with popup-closed', async () => {
    vi.useFakeTimers()
    const windowOpen = stubWindowOpen()
    const handlers = callbacks()
    const session = openSession({ linkUrl, ...handlers })
    await runtimeLoaded()
    windowOpen.latest.closeByUser()
    await vi.advanceTimersByTimeAsync(1000)
    const error = await rejectionOf(session.result)
    expect(error.code).toBe('popup-closed')
    expect(handlers.onExit).toHaveBeenCalledWith({ reason: 'popup-closed', metadata: {} })
    expect(handlers.onError).not.toHaveBeenCalled()
  })

  it('keeps running while the popup stays open', async () => {
    vi.useFakeTimers()
    stubWindowOpen()
    const handlers = callbacks()
    openSession({ linkUrl, ...handlers })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(handlers.onExit).not.toHaveBeenCalled()
    expect(handlers.onError).not.toHaveBeenCalled()
  })

  it('times out after `timeout` ms with onError and result rejecting with timeout, and closes the popup', async () => {
    vi.useFakeTimers()
    const windowOpen = stubWindowOpen()
    const handlers = callbacks()
    const session = openSession({ linkUrl, timeout: 5000, ...handlers })
    await vi.advanceTimersByTimeAsync(4999)
    expect(handlers.onError).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    const error = await rejectionOf(session.result)
    expect(error.code).toBe('timeout')
    expect(handlers.onError).toHaveBeenCalledWith(error)
    expect(windowOpen.latest.close).toHaveBeenCalled()
  })

  it('times out after 30 minutes by default', async () => {
    vi.useFakeTimers()
    stubWindowOpen()
    const handlers = callbacks()
    openSession({ linkUrl, ...handlers })
    await vi.advanceTimersByTimeAsync(30 * 60 * 1000 - 1)
    expect(handlers.onError).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(handlers.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'timeout' }))
  })

  it('closed by the app: onExit with closed-by-app, result rejects with cancelled, popup closed', async () => {
    const windowOpen = stubWindowOpen()
    const handlers = callbacks()
    const session = openSession({ linkUrl, ...handlers })
    session.close()
    const error = await rejectionOf(session.result)
    expect(error.code).toBe('cancelled')
    expect(error.metadata).toEqual({ reason: 'closed-by-app' })
    expect(handlers.onExit).toHaveBeenCalledWith({ reason: 'closed-by-app', metadata: {} })
    expect(handlers.onError).not.toHaveBeenCalled()
    expect(windowOpen.latest.close).toHaveBeenCalled()
  })

  it('close() after success changes nothing', async () => {
    const windowOpen = stubWindowOpen()
    const handlers = callbacks()
    const session = openSession({ linkUrl, ...handlers })
    postMessageFrom({ source: windowOpen.latest.window, origin: hostedOrigin, data: protocolMessage(stateOf(windowOpen.latest.url), 'success', { scopedKey: 'scoped_1' }) })
    session.close()
    session.close()
    await expect(session.result).resolves.toMatchObject({ scopedKey: 'scoped_1' })
    expect(handlers.onExit).not.toHaveBeenCalled()
  })

  it('does not report an unhandled rejection when the app uses callbacks only', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      stubWindowOpen()
      openSession({ linkUrl, onExit: () => {} }).close()
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })

  it('still settles, and reports the error as uncaught, when a callback or handler throws', async () => {
    const reported = vi.fn()
    vi.stubGlobal('reportError', reported)
    const windowOpen = stubWindowOpen()
    const failure = new Error('bug in the app')
    const session = openSession({
      linkUrl,
      onSuccess: () => {
        throw failure
      },
    })
    const laterHandler = vi.fn()
    session.on('success', () => {
      throw failure
    })
    session.on('success', laterHandler)
    postMessageFrom({ source: windowOpen.latest.window, origin: hostedOrigin, data: protocolMessage(stateOf(windowOpen.latest.url), 'success', { scopedKey: 'scoped_1' }) })
    await expect(session.result).resolves.toMatchObject({ scopedKey: 'scoped_1' })
    expect(laterHandler).toHaveBeenCalled()
    expect(reported).toHaveBeenCalledTimes(2)
    expect(reported).toHaveBeenCalledWith(failure)
    expect(windowOpen.latest.close).toHaveBeenCalled()
  })
})
