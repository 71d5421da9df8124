import { describe, expect, it, vi } from 'vitest'
import { ConnectError } from '../../../src/index'
import { stubWindowOpen } from '../support/fake-popup'
import { hostedOrigin, linkUrl, postMessageFrom, protocolMessage, stateOf } from '../support/hosted'
import { openSession, runtimeLoaded } from '../support/sessions'

function openWithCallbacks(extra: Record<string, unknown> = {}) {
  const windowOpen = stubWindowOpen()
  const callbacks = { onSuccess: vi.fn(), onExit: vi.fn(), onError: vi.fn(), onEvent: vi.fn() }
  const session = openSession({ linkUrl, ...callbacks, ...extra })
  const popup = windowOpen.latest
  const post = (type: string, fields: Record<string, unknown> = {}, from = { source: popup.window, origin: hostedOrigin }) =>
    postMessageFrom({ ...from, data: protocolMessage(stateOf(popup.url), type, fields) })
  return { session, popup, callbacks, post, windowOpen }
}

describe('a popup session receiving protocol messages', () => {
  it('opens the popup synchronously with the link and the protocol parameters', () => {
    const windowOpen = stubWindowOpen()
    openSession({ linkUrl })
    expect(windowOpen.open).toHaveBeenCalledTimes(1)
    const url = new URL(windowOpen.latest.url)
    expect(url.searchParams.get('token')).toBe('link_123')
    expect(url.searchParams.get('texture_origin')).toBe(location.origin)
    expect(url.searchParams.get('texture_mode')).toBe('popup')
    expect(url.searchParams.get('texture_sdk')).toBe('1')
    expect(url.searchParams.get('texture_state')).toMatch(/^[0-9a-f]{32}$/)
  })

  it('uses a fresh state for every session', () => {
    const windowOpen = stubWindowOpen()
    openSession({ linkUrl }).close()
    openSession({ linkUrl })
    expect(stateOf(windowOpen.popups[0]!.url)).not.toBe(stateOf(windowOpen.popups[1]!.url))
  })

  it('resolves with the scoped key and metadata, calls onSuccess, emits success, and closes the popup', async () => {
    const { session, popup, callbacks, post } = openWithCallbacks()
    const onSuccessEvent = vi.fn()
    session.on('success', onSuccessEvent)
    post('success', { scopedKey: 'scoped_user_1', metadata: { referenceId: 'user-1' } })
    const expected = { scopedKey: 'scoped_user_1', metadata: { referenceId: 'user-1' } }
    await expect(session.result).resolves.toEqual(expected)
    expect(callbacks.onSuccess).toHaveBeenCalledWith(expected)
    expect(onSuccessEvent).toHaveBeenCalledWith(expected)
    expect(callbacks.onExit).not.toHaveBeenCalled()
    expect(callbacks.onError).not.toHaveBeenCalled()
    expect(popup.close).toHaveBeenCalled()
  })

  it('settles exactly once: later terminal messages are ignored', async () => {
    const { session, callbacks, post } = openWithCallbacks()
    const onClose = vi.fn()
    session.on('close', onClose)
    post('success', { scopedKey: 'scoped_first' })
    post('success', { scopedKey: 'scoped_second' })
    post('error', { error: { message: 'late failure' } })
    post('exit', { reason: 'user-cancelled' })
    await expect(session.result).resolves.toMatchObject({ scopedKey: 'scoped_first' })
    expect(callbacks.onSuccess).toHaveBeenCalledTimes(1)
    expect(callbacks.onError).not.toHaveBeenCalled()
    expect(callbacks.onExit).not.toHaveBeenCalled()
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('passes ready and events to onEvent and the emitter, without settling', async () => {
    const { session, callbacks, post } = openWithCallbacks()
    const onReady = vi.fn()
    const onEvent = vi.fn()
    session.on('ready', onReady)
    session.on('event', onEvent)
    post('ready')
    post('event', { name: 'MANUFACTURER_SELECTED', metadata: { manufacturer: 'tesla' } })
    post('event', { name: 'STEP' })
    // Reported by the session's runtime, which replays what arrived before it loaded.
    await runtimeLoaded()
    expect(onReady).toHaveBeenCalledTimes(1)
    expect(callbacks.onEvent.mock.calls).toEqual([[{ name: 'READY', metadata: {} }], [{ name: 'MANUFACTURER_SELECTED', metadata: { manufacturer: 'tesla' } }], [{ name: 'STEP', metadata: {} }]])
    expect(onEvent.mock.calls).toEqual(callbacks.onEvent.mock.calls)
    expect(callbacks.onSuccess).not.toHaveBeenCalled()
  })

  it('emits open once the link is loading', async () => {
    const { session } = openWithCallbacks()
    const onOpen = vi.fn()
    session.on('open', onOpen)
    await Promise.resolve()
    expect(onOpen).toHaveBeenCalledWith({ mode: 'popup' })
  })

  it('drops forged messages silently: wrong origin, wrong window, wrong state, wrong version, unscoped key', async () => {
    const { session, popup, callbacks, post } = openWithCallbacks()
    const state = stateOf(popup.url)
    post('success', { scopedKey: 'scoped_forged' }, { source: popup.window, origin: 'https://evil.example' })
    post('success', { scopedKey: 'scoped_forged' }, { source: popup.window, origin: `${hostedOrigin}.evil.example` })
    post('success', { scopedKey: 'scoped_forged' }, { source: window, origin: hostedOrigin })
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage('0'.repeat(32), 'success', { scopedKey: 'scoped_forged' }) })
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: { ...protocolMessage(state, 'success', { scopedKey: 'scoped_forged' }), version: 2 } })
    post('success', { scopedKey: 'api_secret_forged' })
    post('event', { name: 'FORGED' }, { source: popup.window, origin: 'https://evil.example' })
    expect(callbacks.onSuccess).not.toHaveBeenCalled()
    expect(callbacks.onEvent).not.toHaveBeenCalled()
    expect(callbacks.onError).not.toHaveBeenCalled()
    post('success', { scopedKey: 'scoped_real' })
    await expect(session.result).resolves.toMatchObject({ scopedKey: 'scoped_real' })
  })

  it('trusts `connectOrigin` instead of the link origin when given', async () => {
    const { session, popup, post } = openWithCallbacks({ connectOrigin: 'https://messages.example.com' })
    post('success', { scopedKey: 'scoped_from_link_origin' })
    post('success', { scopedKey: 'scoped_from_connect_origin' }, { source: popup.window, origin: 'https://messages.example.com' })
    await expect(session.result).resolves.toMatchObject({ scopedKey: 'scoped_from_connect_origin' })
  })

  it('treats an exit message as the user leaving: onExit, then result rejects with cancelled', async () => {
    const { session, popup, callbacks, post } = openWithCallbacks()
    post('exit', { reason: 'user-cancelled', metadata: { step: 'login' } })
    const error = await session.result.catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ConnectError)
    expect(error).toMatchObject({ code: 'cancelled' })
    expect(callbacks.onExit).toHaveBeenCalledWith({ reason: 'user-cancelled', metadata: { step: 'login' } })
    expect(callbacks.onError).not.toHaveBeenCalled()
    expect(popup.close).toHaveBeenCalled()
  })

  it('treats an error message as a failure: onError and result reject with hosted-error and its message', async () => {
    const { session, callbacks, post } = openWithCallbacks()
    const onErrorEvent = vi.fn()
    session.on('error', onErrorEvent)
    post('error', { error: { code: 'MANUFACTURER_DOWN', message: 'Tesla is unavailable right now' } })
    const error = await session.result.catch((reason: unknown) => reason)
    expect(error).toMatchObject({ code: 'hosted-error', message: 'Tesla is unavailable right now', metadata: { code: 'MANUFACTURER_DOWN' } })
    expect(callbacks.onError).toHaveBeenCalledWith(error)
    expect(onErrorEvent).toHaveBeenCalledWith(error)
    expect(callbacks.onExit).not.toHaveBeenCalled()
  })
})
