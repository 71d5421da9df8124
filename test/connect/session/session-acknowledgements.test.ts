import { describe, expect, it, vi } from 'vitest'
import { TextureConnect } from '../../../src/index'
import { stubBlockedWindowOpen, stubWindowOpen } from '../support/fake-popup'
import { hostedOrigin, linkUrl, postMessageFrom, protocolMessage, stateOf } from '../support/hosted'
import { flushPromises, openSession, runtimeLoaded } from '../support/sessions'

const redirectUrl = `${location.origin}/connected`

function openPopupSession(extra: Record<string, unknown> = {}) {
  const windowOpen = stubWindowOpen()
  const session = openSession({ linkUrl, ...extra })
  const popup = windowOpen.latest
  const state = stateOf(popup.url)
  return { session, popup, state, windowOpen }
}

describe('a session acknowledging what it accepted', () => {
  it.each([
    ['success', { scopedKey: 'scoped_ack_session' }],
    ['exit', { reason: 'user-cancelled' }],
    ['error', { error: { message: 'boom' } }],
  ])('answers an accepted %s with an ack to the hosted window, its exact origin and the same state', async (type, fields) => {
    const { session, popup, state } = openPopupSession()
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(state, type, fields) })
    await session.result.catch(() => {})
    expect(popup.postMessage).toHaveBeenCalledExactlyOnceWith({ source: 'texture-connect', version: 1, state, type: 'ack' }, hostedOrigin)
  })

  it('sends no ack for ready or event messages, nor for forged terminal messages', async () => {
    const { popup, state } = openPopupSession()
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(state, 'ready') })
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(state, 'event', { name: 'STEP' }) })
    const success = protocolMessage(state, 'success', { scopedKey: 'scoped_forged' })
    postMessageFrom({ source: popup.window, origin: `${hostedOrigin}.evil.test`, data: success })
    postMessageFrom({ source: window, origin: hostedOrigin, data: success })
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: { ...success, state: 'e'.repeat(32) } })
    // ready and event are the runtime's to report: wait for it, so it had every chance to answer.
    await runtimeLoaded()
    expect(popup.postMessage).not.toHaveBeenCalled()
  })

  it('answers a relay it accepted with a relay-ack to its own origin, never to the hosted origin', async () => {
    const { session, popup, state } = openPopupSession({ redirectUrl })
    const relay = { source: 'texture-connect', version: 1, state, type: 'relay', scopedKey: 'scoped_relayed_ack' }
    postMessageFrom({ source: popup.window, origin: location.origin, data: relay })
    await expect(session.result).resolves.toMatchObject({ scopedKey: 'scoped_relayed_ack' })
    expect(popup.postMessage).toHaveBeenCalledExactlyOnceWith({ source: 'texture-connect', version: 1, state, type: 'relay-ack' }, location.origin)
  })
})

describe('the session fixes around acknowledged delivery', () => {
  it('opens a new popup at once when Connect is clicked again after the user closed the popup', async () => {
    const onExit = vi.fn()
    const { session, popup, windowOpen } = openPopupSession({ redirectUrl, onExit })
    popup.closeByUser()
    const again = openSession({ linkUrl, redirectUrl })
    expect(again).not.toBe(session)
    expect(windowOpen.open).toHaveBeenCalledTimes(2)
    expect(popup.focus).not.toHaveBeenCalled()
    expect(onExit).toHaveBeenCalledWith({ reason: 'popup-closed', metadata: {} })
    await expect(session.result).rejects.toMatchObject({ code: 'popup-closed' })
  })

  it("lets `session.on('event')` attached right after open() hear the FALLBACK event", async () => {
    stubBlockedWindowOpen('null')
    vi.spyOn(window.location, 'assign').mockImplementation(() => {})
    const session = openSession({ linkUrl, fallback: 'redirect', redirectUrl })
    const heard = vi.fn()
    session.on('event', heard)
    await flushPromises()
    expect(heard).toHaveBeenCalledWith({ name: 'FALLBACK', metadata: { from: 'popup', to: 'redirect' } })
  })

  it('does not report navigated-back when Back restores the page after the redirect came back with a key', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {})
    const onExit = vi.fn()
    const closed = vi.fn()
    const session = openSession({ linkUrl, mode: 'redirect', redirectUrl, onExit })
    session.on('close', closed)
    // The redirectUrl page in this tab took the key, then the person pressed Back.
    history.replaceState(null, '', '/connected?texture_scoped_key=scoped_back_1')
    expect(TextureConnect.handleRedirect()).toEqual({ scopedKey: 'scoped_back_1' })
    history.replaceState(null, '', '/')
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))
    expect(onExit).not.toHaveBeenCalled()
    expect(closed).toHaveBeenCalledOnce()
    // The next flow leaves afresh; Back from its hosted page, with no key, is navigated-back again.
    const onExitAgain = vi.fn()
    expect(openSession({ linkUrl, mode: 'redirect', redirectUrl, onExit: onExitAgain })).not.toBe(session)
    expect(assign).toHaveBeenCalledTimes(2)
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))
    expect(onExitAgain).toHaveBeenCalledWith({ reason: 'navigated-back', metadata: {} })
  })
})
