import { afterEach, describe, expect, it, vi } from 'vitest'
import { coopGracePeriod, createPopupGoneRule } from '../../../src/connect/presenters/popup-gone'
import { stubWindowOpen } from '../support/fake-popup'
import { hostedOrigin, linkUrl, postMessageFrom, protocolMessage, stateOf } from '../support/hosted'
import { openSession, runtimeLoaded } from '../support/sessions'

afterEach(() => {
  vi.useRealTimers()
})

const interval = 500

describe('createPopupGoneRule', () => {
  it('reports a closed handle at once when the popup cannot have been cut off', () => {
    const isGone = createPopupGoneRule({ interval, mayBeCutOff: () => false })
    expect(isGone(false)).toBe(false)
    expect(isGone(true)).toBe(true)
  })

  it('waits, while the popup may be cut off by COOP, until this page has held the focus for the grace period', () => {
    const hasFocus = vi.spyOn(document, 'hasFocus').mockReturnValue(true)
    const isGone = createPopupGoneRule({ interval, mayBeCutOff: () => true })
    const checks = coopGracePeriod / interval
    for (let check = 1; check < checks; check += 1) expect(isGone(true)).toBe(false)
    expect(isGone(true)).toBe(true)
    expect(hasFocus).toHaveBeenCalled()
  })

  it('never reports a possibly cut-off popup while the person is elsewhere (this page has no focus)', () => {
    const hasFocus = vi.spyOn(document, 'hasFocus').mockReturnValue(false)
    const isGone = createPopupGoneRule({ interval, mayBeCutOff: () => true })
    for (let check = 0; check < 100; check += 1) expect(isGone(true)).toBe(false)
    // Focus back, e.g. the person closed the popup: counted from there.
    hasFocus.mockReturnValue(true)
    for (let check = 1; check < coopGracePeriod / interval; check += 1) expect(isGone(true)).toBe(false)
    expect(isGone(true)).toBe(true)
  })
})

describe('a popup session whose handle reads closed', () => {
  it('ends with popup-closed at the next check when no relay can come (no redirectUrl)', async () => {
    vi.useFakeTimers()
    const windowOpen = stubWindowOpen()
    const session = openSession({ linkUrl })
    await runtimeLoaded()
    windowOpen.latest.closeByUser()
    await vi.advanceTimersByTimeAsync(interval)
    await expect(session.result).rejects.toMatchObject({ code: 'popup-closed' })
  })

  it('keeps waiting after the hosted page spoke the protocol: it may have moved on to a COOP page since', async () => {
    vi.useFakeTimers()
    const hasFocus = vi.spyOn(document, 'hasFocus').mockReturnValue(false)
    const windowOpen = stubWindowOpen()
    const onExit = vi.fn()
    const session = openSession({ linkUrl, redirectUrl: 'https://app.example.com/done', onExit })
    postMessageFrom({ source: windowOpen.latest.window, origin: hostedOrigin, data: protocolMessage(stateOf(windowOpen.latest.url), 'ready') })
    windowOpen.latest.closeByUser()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(onExit).not.toHaveBeenCalled()
    // The person is back on this page: it was really closed.
    hasFocus.mockReturnValue(true)
    await vi.advanceTimersByTimeAsync(coopGracePeriod)
    await expect(session.result).rejects.toMatchObject({ code: 'popup-closed' })
    expect(onExit).toHaveBeenCalledTimes(1)
  })

  it('keeps waiting for the relay while the popup may only be cut off by COOP, and takes the key it brings', async () => {
    vi.useFakeTimers()
    vi.spyOn(document, 'hasFocus').mockReturnValue(false)
    const windowOpen = stubWindowOpen()
    const onExit = vi.fn()
    const session = openSession({ linkUrl, redirectUrl: 'https://app.example.com/done', onExit })
    windowOpen.latest.closeByUser()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(onExit).not.toHaveBeenCalled()
    const channel = new BroadcastChannel('texture-connect')
    channel.postMessage({ source: 'texture-connect', version: 1, type: 'relay', state: stateOf(windowOpen.latest.url), scopedKey: 'scoped_after_coop_1' })
    channel.close()
    await vi.advanceTimersByTimeAsync(interval)
    await expect(session.result).resolves.toEqual({ scopedKey: 'scoped_after_coop_1', metadata: {} })
  })
})
