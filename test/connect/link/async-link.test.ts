import { describe, expect, it, vi } from 'vitest'
import { stubWindowOpen } from '../support/fake-popup'
import { hostedOrigin, linkUrl, postMessageFrom, protocolMessage, stateOf } from '../support/hosted'
import { flushPromises, openSession, runtimeLoaded } from '../support/sessions'

function deferred<Value>() {
  let resolve!: (value: Value) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<Value>((settle, fail) => {
    resolve = settle
    reject = fail
  })
  return { promise, resolve, reject }
}

describe('a session whose `linkUrl` is an async function', () => {
  it('opens a blank popup at once, then sends it to the link with the protocol parameters', async () => {
    const windowOpen = stubWindowOpen()
    const link = deferred<string>()
    const onOpen = vi.fn()
    const session = openSession({ linkUrl: () => link.promise })
    session.on('open', onOpen)
    expect(windowOpen.open).toHaveBeenCalledTimes(1)
    expect(windowOpen.latest.url).toBe('')
    link.resolve(linkUrl)
    await runtimeLoaded()
    await flushPromises()
    const url = new URL(windowOpen.latest.url)
    expect(url.searchParams.get('token')).toBe('link_123')
    expect(url.searchParams.get('texture_state')).toMatch(/^[0-9a-f]{32}$/)
    expect(onOpen).toHaveBeenCalledWith({ mode: 'popup' })
  })

  it('accepts messages from the origin of the link it got, only after the link arrived', async () => {
    const windowOpen = stubWindowOpen()
    const link = deferred<string>()
    const onEvent = vi.fn()
    const session = openSession({ linkUrl: () => link.promise, onEvent })
    const popup = windowOpen.latest
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: { source: 'texture-connect', version: 1, type: 'ready' } })
    expect(onEvent).not.toHaveBeenCalled()
    link.resolve(linkUrl)
    await runtimeLoaded()
    await flushPromises()
    // Dropped, not kept for later: nothing was listening before the link said which origin to trust.
    expect(onEvent).not.toHaveBeenCalled()
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(stateOf(popup.url), 'success', { scopedKey: 'scoped_async' }) })
    await expect(session.result).resolves.toMatchObject({ scopedKey: 'scoped_async' })
  })

  it('ends with link-failed, onError and a closed popup when the function rejects', async () => {
    const windowOpen = stubWindowOpen()
    const onError = vi.fn()
    const session = openSession({ linkUrl: async () => Promise.reject(new Error('backend down')), onError })
    const error = await session.result.catch((reason: unknown) => reason)
    expect(error).toMatchObject({ code: 'link-failed' })
    expect((error as Error).message).toContain('backend down')
    expect(onError).toHaveBeenCalledWith(error)
    expect(windowOpen.latest.close).toHaveBeenCalled()
  })

  it('ends with link-failed when the function returns something that is not a secure URL', async () => {
    stubWindowOpen()
    const session = openSession({ linkUrl: async () => 'http://connect.example.com/link' })
    await expect(session.result).rejects.toMatchObject({ code: 'link-failed' })
  })

  it('can be closed while the link is pending, and then never navigates or listens', async () => {
    const windowOpen = stubWindowOpen()
    const added = vi.spyOn(window, 'addEventListener')
    const link = deferred<string>()
    const onError = vi.fn()
    const onExit = vi.fn()
    const session = openSession({ linkUrl: () => link.promise, onError, onExit })
    session.close()
    const listenersAtClose = added.mock.calls.filter(([type]) => type === 'message').length
    link.resolve(linkUrl)
    await flushPromises()
    expect(windowOpen.latest.navigate).not.toHaveBeenCalled()
    expect(added.mock.calls.filter(([type]) => type === 'message')).toHaveLength(listenersAtClose)
    expect(onExit).toHaveBeenCalledTimes(1)
    expect(onError).not.toHaveBeenCalled()
    await expect(session.result).rejects.toMatchObject({ code: 'cancelled' })
  })
})
