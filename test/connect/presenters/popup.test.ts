import { describe, expect, it, vi } from 'vitest'
import { resolveConnectOptions } from '../../../src/connect/options'
import { openPopup, popupFeatures } from '../../../src/connect/presenters/popup'
import { stubBlockedWindowOpen, stubWindowOpen } from '../support/fake-popup'

const options = resolveConnectOptions({ linkUrl: 'https://connect.example.com/link' })
const request = (url: string | undefined) => ({ url, state: 'state-1', options, onDismiss: () => {}, onFailure: () => {} })

describe('openPopup', () => {
  it('opens the link in a new window, as a popup', () => {
    const windowOpen = stubWindowOpen()
    const presenter = openPopup(request('https://connect.example.com/link?x=1'))
    expect(windowOpen.open).toHaveBeenCalledWith('https://connect.example.com/link?x=1', '_blank', expect.stringContaining('popup=yes'))
    expect(presenter?.target).toBe(windowOpen.latest.window)
    expect(presenter?.mode).toBe('popup')
  })

  it('keeps the opener link: the hosted page answers through window.opener', () => {
    const { open } = stubWindowOpen()
    openPopup(request(undefined))
    expect(open.mock.calls[0]?.[2]).not.toMatch(/noopener|noreferrer/)
  })

  it('opens a blank window when the link is not known yet, and navigates it later without a history entry', () => {
    const windowOpen = stubWindowOpen()
    const presenter = openPopup(request(undefined))!
    expect(windowOpen.latest.url).toBe('')
    presenter.navigate('https://connect.example.com/later')
    expect(windowOpen.latest.navigate).toHaveBeenCalledWith('https://connect.example.com/later')
  })

  it('returns null when the browser blocks the popup', () => {
    stubBlockedWindowOpen('null')
    expect(openPopup(request(undefined))).toBeNull()
  })

  it('returns null when the blocker hands back a window that is already closed', () => {
    stubBlockedWindowOpen('closed-window')
    expect(openPopup(request(undefined))).toBeNull()
  })

  it('reports the window gone once the user closes it, and closes it only once', () => {
    const windowOpen = stubWindowOpen()
    const presenter = openPopup(request(undefined))!
    expect(presenter.isGone()).toBe(false)
    presenter.close()
    presenter.close()
    expect(windowOpen.latest.close).toHaveBeenCalledTimes(1)
    expect(presenter.isGone()).toBe(true)
  })
})

describe('popupFeatures', () => {
  it('centres the popup on the opener window', () => {
    vi.spyOn(window, 'screenX', 'get').mockReturnValue(100)
    vi.spyOn(window, 'screenY', 'get').mockReturnValue(50)
    vi.spyOn(window, 'outerWidth', 'get').mockReturnValue(1200)
    vi.spyOn(window, 'outerHeight', 'get').mockReturnValue(900)
    expect(popupFeatures({ width: 500, height: 700 })).toBe('popup=yes,width=500,height=700,left=450,top=150')
  })
})
