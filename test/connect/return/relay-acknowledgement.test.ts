import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import { handleRedirect } from '../../../src/connect/return/handle-redirect'
import { relayAckTimeout } from '../../../src/connect/return/relay-to-opener'
import { popupMarkerKey, relayChannelName } from '../../../src/connect/messaging/relay-message'
import { postMessageFrom } from '../support/hosted'

// handleRedirect() in an SDK popup lets the key go only when the opening page's session says it
// took it; otherwise the popup stays open and the page's own code gets the key.
const state = 'c'.repeat(32)
const scopedKey = 'scoped_ack_1'
const relayAck = { source: 'texture-connect', version: 1, state, type: 'relay-ack' }
let opener: Window
let onUnclaimed: Mock<(result: { scopedKey: string }) => void>

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  opener = { postMessage: vi.fn() } as unknown as Window
  vi.stubGlobal('opener', opener)
  vi.spyOn(window, 'close').mockImplementation(() => {})
  onUnclaimed = vi.fn()
  sessionStorage.setItem(popupMarkerKey, state)
  history.replaceState(null, '', `/done?texture_scoped_key=${scopedKey}`)
})
afterEach(() => {
  vi.useRealTimers()
  history.replaceState(null, '', '/')
  sessionStorage.clear()
})

/** Runs handleRedirect as the popup's page would, with an `onUnclaimed` spy. */
function relayFromPopup() {
  expect(handleRedirect({ onUnclaimed })).toBeNull()
  expect(location.search).toBe('')
}

describe('handleRedirect waiting for the relay-ack in an SDK popup', () => {
  it('closes the popup once the opening session acknowledges, and never calls onUnclaimed', () => {
    relayFromPopup()
    expect(window.close).not.toHaveBeenCalled()
    postMessageFrom({ source: opener, origin: location.origin, data: relayAck })
    expect(window.close).toHaveBeenCalledOnce()
    vi.advanceTimersByTime(relayAckTimeout * 2)
    expect(onUnclaimed).not.toHaveBeenCalled()
  })

  it('closes on an acknowledgement that comes on the BroadcastChannel (opener cut off by COOP)', async () => {
    vi.stubGlobal('opener', null)
    const session = new BroadcastChannel(relayChannelName)
    session.onmessage = (event) => session.postMessage({ ...relayAck, state: (event as MessageEvent).data.state })
    relayFromPopup()
    await vi.waitFor(() => expect(window.close).toHaveBeenCalledOnce())
    session.close()
    vi.advanceTimersByTime(relayAckTimeout)
    expect(onUnclaimed).not.toHaveBeenCalled()
  })

  it('keeps the popup open and gives the key to onUnclaimed, once, when no session answers in time', () => {
    relayFromPopup()
    vi.advanceTimersByTime(relayAckTimeout - 1)
    expect(onUnclaimed).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onUnclaimed).toHaveBeenCalledExactlyOnceWith({ scopedKey })
    // A late acknowledgement cannot take the key back from the page now holding it.
    postMessageFrom({ source: opener, origin: location.origin, data: relayAck })
    vi.advanceTimersByTime(relayAckTimeout)
    expect(onUnclaimed).toHaveBeenCalledOnce()
    expect(window.close).not.toHaveBeenCalled()
  })

  it.each([
    ['from another origin', { origin: 'https://connect.example.com', data: relayAck }],
    ['from another window of this origin', { origin: 'same', data: relayAck, stranger: true }],
    ['for another state', { origin: 'same', data: { ...relayAck, state: 'd'.repeat(32) } }],
    ["of the hosted page's type (`ack`)", { origin: 'same', data: { ...relayAck, type: 'ack' } }],
    ['without the namespace tag', { origin: 'same', data: { ...relayAck, source: 'other' } }],
  ])('ignores a forged acknowledgement %s: the key still reaches onUnclaimed', (_label, forgery) => {
    relayFromPopup()
    const source = 'stranger' in forgery ? ({ postMessage: vi.fn() } as unknown as Window) : opener
    postMessageFrom({ source, origin: forgery.origin === 'same' ? location.origin : forgery.origin, data: forgery.data })
    expect(window.close).not.toHaveBeenCalled()
    vi.advanceTimersByTime(relayAckTimeout)
    expect(onUnclaimed).toHaveBeenCalledExactlyOnceWith({ scopedKey })
    expect(window.close).not.toHaveBeenCalled()
  })

  it('ignores an acknowledgement for another state on the BroadcastChannel', async () => {
    vi.stubGlobal('opener', null)
    const forger = new BroadcastChannel(relayChannelName)
    const witness = new BroadcastChannel(relayChannelName)
    let forgeriesSeen = 0
    forger.onmessage = () => forger.postMessage({ ...relayAck, state: 'd'.repeat(32) })
    witness.onmessage = (event) => (event as MessageEvent).data.type === 'relay-ack' && forgeriesSeen++
    relayFromPopup()
    // Once a bystander heard the forged ack, the popup's own channel has had it too.
    await vi.waitFor(() => expect(forgeriesSeen).toBe(1))
    vi.advanceTimersByTime(relayAckTimeout)
    forger.close()
    witness.close()
    expect(onUnclaimed).toHaveBeenCalledExactlyOnceWith({ scopedKey })
    expect(window.close).not.toHaveBeenCalled()
  })

  it('closes a popup whose flow came back with a malformed value once answered or timed out: no key is at stake', () => {
    history.replaceState(null, '', '/done?texture_scoped_key=api_secret123')
    expect(() => handleRedirect({ onUnclaimed })).toThrow(expect.objectContaining({ code: 'hosted-error' }))
    vi.advanceTimersByTime(relayAckTimeout)
    expect(window.close).toHaveBeenCalledOnce()
    expect(onUnclaimed).not.toHaveBeenCalled()
  })
})
