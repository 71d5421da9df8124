import { describe, expect, it, vi } from 'vitest'
import { TextureConnect } from '../../../src/index'
import { stubBlockedWindowOpen } from '../support/fake-popup'
import { linkUrl } from '../support/hosted'
import { flushPromises, openSession, runtimeLoaded } from '../support/sessions'

const redirectUrl = 'https://app.example.com/connected'

function pageShow(persisted: boolean): Event {
  return Object.assign(new Event('pageshow'), { persisted })
}

function stubNavigation() {
  return vi.spyOn(window.location, 'assign').mockImplementation(() => {})
}

describe('a session in redirect mode', () => {
  it('sends this page to the hosted link as it is, with no protocol parameters', () => {
    const assign = stubNavigation()
    openSession({ linkUrl, mode: 'redirect', redirectUrl })
    expect(assign).toHaveBeenCalledTimes(1)
    expect(assign).toHaveBeenCalledWith(linkUrl)
  })

  it('requires redirectUrl, the page that will call handleRedirect()', () => {
    const assign = stubNavigation()
    expect(() => TextureConnect.open({ linkUrl, mode: 'redirect' })).toThrow(/`redirectUrl`/)
    expect(assign).not.toHaveBeenCalled()
  })

  it('navigates once an async linkUrl resolves, and announces it', async () => {
    const assign = stubNavigation()
    const session = openSession({ linkUrl: async () => linkUrl, mode: 'redirect', redirectUrl })
    const opened = vi.fn()
    session.on('open', opened)
    expect(assign).not.toHaveBeenCalled()
    await runtimeLoaded()
    await flushPromises()
    expect(assign).toHaveBeenCalledWith(linkUrl)
    expect(opened).toHaveBeenCalledWith({ mode: 'redirect' })
  })

  it('does not navigate when the app closes the session before the link arrives', async () => {
    const assign = stubNavigation()
    const session = openSession({ linkUrl: async () => linkUrl, mode: 'redirect', redirectUrl })
    session.close()
    await flushPromises()
    expect(assign).not.toHaveBeenCalled()
    await expect(session.result).rejects.toMatchObject({ code: 'cancelled' })
  })

  it('adds nothing to the page but a pageshow listener, which close() removes: no message listener, timer or element', () => {
    stubNavigation()
    const addListener = vi.spyOn(window, 'addEventListener')
    const removeListener = vi.spyOn(window, 'removeEventListener')
    const setTimer = vi.spyOn(globalThis, 'setTimeout')
    const setRepeat = vi.spyOn(globalThis, 'setInterval')
    const session = openSession({ linkUrl, mode: 'redirect', redirectUrl })
    expect(addListener.mock.calls.map(([type]) => type)).toEqual(['pageshow'])
    expect(setTimer).not.toHaveBeenCalled()
    expect(setRepeat).not.toHaveBeenCalled()
    expect(document.body.childElementCount).toBe(0)
    session.close()
    expect(removeListener).toHaveBeenCalledWith('pageshow', addListener.mock.calls[0]![1])
  })

  it('ends with onExit navigated-back when the user comes Back from the hosted flow, so the next open() redirects again', async () => {
    const assign = stubNavigation()
    const onExit = vi.fn()
    const session = openSession({ linkUrl, mode: 'redirect', redirectUrl, onExit })
    // A page shown again from the back-forward cache; a first load (persisted false) is not a return.
    window.dispatchEvent(pageShow(false))
    expect(onExit).not.toHaveBeenCalled()
    window.dispatchEvent(pageShow(true))
    expect(onExit).toHaveBeenCalledWith({ reason: 'navigated-back', metadata: {} })
    await expect(session.result).rejects.toMatchObject({ code: 'cancelled' })

    const again = openSession({ linkUrl, mode: 'redirect', redirectUrl })
    expect(again).not.toBe(session)
    expect(assign).toHaveBeenCalledTimes(2)
    again.close()
  })

  it("is where `fallback: 'redirect'` goes when the popup is blocked", async () => {
    stubBlockedWindowOpen('null')
    const assign = stubNavigation()
    const onEvent = vi.fn()
    const onError = vi.fn()
    openSession({ linkUrl, fallback: 'redirect', redirectUrl, onEvent, onError })
    await flushPromises()
    expect(assign).toHaveBeenCalledWith(linkUrl)
    expect(onEvent).toHaveBeenCalledWith({ name: 'FALLBACK', metadata: { from: 'popup', to: 'redirect' } })
    expect(onError).not.toHaveBeenCalled()
  })
})
