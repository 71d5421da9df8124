import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { handleRedirect } from '../../../src/connect/return/handle-redirect'
import { frameName, popupMarkerKey, relayChannelName } from '../../../src/connect/messaging/relay-message'
import { isConnectError } from '../../../src/errors/guards'

const state = 'a'.repeat(32)
const scopedKey = 'scoped_abc123'

beforeEach(() => {
  sessionStorage.clear()
  vi.spyOn(window, 'close').mockImplementation(() => {})
})
afterEach(() => {
  history.replaceState(null, '', '/')
  sessionStorage.clear()
})

/** Puts this page at `path` on its own origin, as the hosted flow's redirect would. */
function landOn(path: string) {
  history.replaceState({ app: 'state' }, '', path)
}

const addressBar = () => `${location.pathname}${location.search}${location.hash}`

/** The first message on the relay BroadcastChannel within a short wait, or `undefined`. */
function nextChannelMessage(): Promise<unknown> {
  const channel = new BroadcastChannel(relayChannelName)
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      channel.close()
      resolve(undefined)
    }, 200)
    channel.onmessage = (event) => {
      clearTimeout(timer)
      channel.close()
      resolve((event as MessageEvent).data)
    }
  })
}

function stubOpener() {
  const opener = { postMessage: vi.fn() }
  vi.stubGlobal('opener', opener)
  return opener
}

describe('handleRedirect', () => {
  it('returns null and leaves the address alone when there is no key', () => {
    landOn('/done?code=1#top')
    const replaceState = vi.spyOn(history, 'replaceState')
    expect(handleRedirect()).toBeNull()
    expect(replaceState).not.toHaveBeenCalled()
    expect(addressBar()).toBe('/done?code=1#top')
  })

  it('returns the key on a plain page (redirect mode) and removes only that parameter from the address', () => {
    landOn(`/done?a=1&texture_scoped_key=${scopedKey}&b=x%20y+z&c=%E2%9C%93#section`)
    expect(handleRedirect()).toEqual({ scopedKey })
    expect(addressBar()).toBe('/done?a=1&b=x%20y+z&c=%E2%9C%93#section')
    expect(history.state).toEqual({ app: 'state' })
  })

  it('strips every copy of the parameter, percent-encoded names included', () => {
    landOn(`/done?texture%5Fscoped%5Fkey=scoped_other&a=1&texture_scoped_key=${scopedKey}`)
    expect(handleRedirect()).toEqual({ scopedKey: 'scoped_other' })
    expect(addressBar()).toBe('/done?a=1')
  })

  it('drops the question mark when the key was the only parameter', () => {
    landOn(`/done?texture_scoped_key=${scopedKey}`)
    expect(handleRedirect()).toEqual({ scopedKey })
    expect(addressBar()).toBe('/done')
    expect(location.href).not.toContain('scoped_')
  })

  it('replaces the history entry instead of adding one', () => {
    landOn(`/done?texture_scoped_key=${scopedKey}`)
    const length = history.length
    handleRedirect()
    expect(history.length).toBe(length)
  })

  it.each([
    ['an api_ secret', 'api_secret123'],
    ['an empty value', ''],
    ['a bare prefix', 'scoped_'],
  ])('strips and rejects a malformed key (%s) with ConnectError hosted-error, never returning it', (_label, value) => {
    landOn(`/done?x=1&texture_scoped_key=${value}#h`)
    let thrown: unknown
    try {
      handleRedirect()
    } catch (error) {
      thrown = error
    }
    expect(isConnectError(thrown) && thrown.code).toBe('hosted-error')
    expect(String((thrown as Error).message)).not.toContain('api_secret123')
    expect(addressBar()).toBe('/done?x=1#h')
  })

  describe('inside a popup the SDK marked', () => {
    it('posts the key to the opener with its own origin as target, and on the BroadcastChannel too', async () => {
      sessionStorage.setItem(popupMarkerKey, state)
      const opener = stubOpener()
      landOn(`/done?texture_scoped_key=${scopedKey}`)
      const broadcast = nextChannelMessage()
      const relay = { source: 'texture-connect', version: 1, type: 'relay', state, scopedKey }
      expect(handleRedirect()).toBeNull()
      expect(opener.postMessage).toHaveBeenCalledExactlyOnceWith(relay, location.origin)
      expect(location.origin).not.toBe('*')
      expect(await broadcast).toEqual(relay)
      expect(addressBar()).toBe('/done')
    })

    it('relays on the BroadcastChannel alone when Cross-Origin-Opener-Policy cut the opener', async () => {
      sessionStorage.setItem(popupMarkerKey, state)
      vi.stubGlobal('opener', null)
      landOn(`/done?texture_scoped_key=${scopedKey}`)
      const broadcast = nextChannelMessage()
      expect(handleRedirect()).toBeNull()
      expect(await broadcast).toMatchObject({ type: 'relay', state, scopedKey })
    })

    it('keeps the key on the page instead of closing when there is no way to reach the opener', () => {
      sessionStorage.setItem(popupMarkerKey, state)
      vi.stubGlobal('opener', null)
      vi.stubGlobal('BroadcastChannel', undefined)
      landOn(`/done?texture_scoped_key=${scopedKey}`)
      expect(handleRedirect()).toEqual({ scopedKey })
      expect(window.close).not.toHaveBeenCalled()
      expect(addressBar()).toBe('/done')
    })

    it('tells the opener, without the value, when the key is malformed, and still throws', async () => {
      sessionStorage.setItem(popupMarkerKey, state)
      const opener = stubOpener()
      landOn('/done?texture_scoped_key=api_secret123')
      const broadcast = nextChannelMessage()
      const notice = { source: 'texture-connect', version: 1, type: 'relay-invalid-key', state }
      expect(() => handleRedirect()).toThrow(expect.objectContaining({ name: 'ConnectError', code: 'hosted-error' }))
      expect(opener.postMessage).toHaveBeenCalledExactlyOnceWith(notice, location.origin)
      expect(await broadcast).toEqual(notice)
      expect(addressBar()).toBe('/done')
    })

    it('removes the marker (it never holds the key), so a reload does not relay again', () => {
      sessionStorage.setItem(popupMarkerKey, state)
      stubOpener()
      landOn(`/done?texture_scoped_key=${scopedKey}`)
      handleRedirect()
      expect(sessionStorage.getItem(popupMarkerKey)).toBeNull()
      for (let index = 0; index < sessionStorage.length; index++) {
        expect(sessionStorage.getItem(sessionStorage.key(index)!)).not.toContain(scopedKey)
      }
    })
  })

  it('does not relay, broadcast or close without the marker, even with an opener', async () => {
    const opener = stubOpener()
    landOn(`/done?texture_scoped_key=${scopedKey}`)
    const broadcast = nextChannelMessage()
    expect(handleRedirect()).toEqual({ scopedKey })
    expect(opener.postMessage).not.toHaveBeenCalled()
    expect(await broadcast).toBeUndefined()
    expect(window.close).not.toHaveBeenCalled()
  })

  describe('inside the SDK iframe', () => {
    it('posts the key to the parent page with its own origin as target, and does not close', () => {
      const parent = { postMessage: vi.fn() }
      vi.stubGlobal('parent', parent)
      vi.stubGlobal('name', frameName(state))
      landOn(`/done?texture_scoped_key=${scopedKey}`)
      expect(handleRedirect()).toBeNull()
      expect(parent.postMessage).toHaveBeenCalledExactlyOnceWith({ source: 'texture-connect', version: 1, type: 'relay', state, scopedKey }, location.origin)
      expect(window.close).not.toHaveBeenCalled()
      expect(addressBar()).toBe('/done')
    })

    it('tells the parent page, without the value, when the key is malformed, and still throws', () => {
      const parent = { postMessage: vi.fn() }
      vi.stubGlobal('parent', parent)
      vi.stubGlobal('name', frameName(state))
      landOn('/done?texture_scoped_key=api_secret123')
      expect(() => handleRedirect()).toThrow(expect.objectContaining({ code: 'hosted-error' }))
      expect(parent.postMessage).toHaveBeenCalledExactlyOnceWith({ source: 'texture-connect', version: 1, type: 'relay-invalid-key', state }, location.origin)
    })

    it('returns the key instead when the frame is not named by the SDK', () => {
      const parent = { postMessage: vi.fn() }
      vi.stubGlobal('parent', parent)
      vi.stubGlobal('name', 'some-other-frame')
      landOn(`/done?texture_scoped_key=${scopedKey}`)
      expect(handleRedirect()).toEqual({ scopedKey })
      expect(parent.postMessage).not.toHaveBeenCalled()
    })
  })
})
