import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTextureClient, TextureConnect } from '../../src/index'
import { popupMarkerKey } from '../../src/connect/messaging/relay-message'
import { stubWindowOpen } from '../connect/support/fake-popup'
import { hostedOrigin, linkUrl, postMessageFrom, protocolMessage, stateOf } from '../connect/support/hosted'
import { flushPromises, openSession } from '../connect/support/sessions'
import { containsScopedKey, takeKeySightings, type KeyChannel } from './support/key-spy'

const scopedKey = 'scoped_hygiene_4d2c9e'

/**
 * Code that the spy takes for the SDK: compiled with a `sourceURL` under src/, so its stack frame
 * looks exactly like an SDK module's. Each one does one of the things SECURITY.md forbids.
 */
function sdkLike(body: string): (key: string) => void {
  return new Function('key', `${body}\n//# sourceURL=${process.cwd()}/src/connect/pretend-leak.ts`) as (key: string) => void
}

const leaks: Array<[KeyChannel, string]> = [
  ['console', 'console.log("connected", key)'],
  ['console', 'console.error(new Error("failed for " + key))'],
  ['console', 'console.info({ scopedKey: key })'],
  ['storage', 'localStorage.setItem("texture", key)'],
  ['storage', 'sessionStorage.setItem("texture", JSON.stringify({ key }))'],
  ['cookie', 'document.cookie = "texture=" + key'],
  ['window.open', 'window.open("https://connect.example.com/link?k=" + key)'],
  ['iframe src', 'const frame = document.createElement("iframe"); frame.src = "https://connect.example.com/?k=" + key'],
  ['iframe src', 'document.createElement("iframe").setAttribute("src", "https://connect.example.com/?k=" + key)'],
  ['location', 'location.hash = "#" + key'],
  ['history', 'history.replaceState(null, "", "/done?texture_scoped_key=" + key)'],
  ['history', 'history.pushState(null, "", "/done?k=" + key)'],
  ['fetch', 'fetch("https://api.texturehq.com/v1/devices?key=" + key).catch(() => {})'],
]

afterEach(() => {
  history.replaceState(null, '', '/')
  localStorage.clear()
  sessionStorage.clear()
  document.cookie = 'texture=; max-age=0'
})

describe('the key-hygiene spy of the unit suite (test/setup/unit.ts)', () => {
  it.each(leaks)('catches SDK code that writes a key to %s: %s', (channel, body) => {
    // happy-dom would try to load these; the spy sees the call before the stub answers.
    vi.spyOn(window, 'fetch').mockImplementation(async () => new Response('{}'))
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    sdkLike(body)(scopedKey)
    // In the unit suite window.open and fetch are test stand-ins: their calls are read after the fact.
    const sightings = takeKeySightings(true)
    expect(sightings.map((sighting) => sighting.channel)).toContain(channel)
    expect(sightings.every((sighting) => !sighting.text.includes(scopedKey))).toBe(true) // the report masks the key
    // Forget the planted leak (stand-ins, storage, cookie) so the check after this test passes.
    open.mockRestore()
    vi.restoreAllMocks()
    localStorage.clear()
    sessionStorage.clear()
    document.cookie = 'texture=; max-age=0'
    takeKeySightings()
  })

  it('lets a test put a key somewhere itself (a redirect landing), without an allowance', () => {
    history.replaceState(null, '', `/done?texture_scoped_key=${scopedKey}`)
    expect(takeKeySightings()).toEqual([])
  })

  it('recognises a key by `scoped_` and key characters, not the parameter name or the prefix alone', () => {
    expect(containsScopedKey(`x=${scopedKey}`)).toBe(true)
    expect(containsScopedKey('texture_scoped_key')).toBe(false)
    expect(containsScopedKey('it must start with `scoped_`')).toBe(false)
  })
})

describe('the SDK writes no key anywhere during a whole flow', () => {
  it('popup success, client requests, handleRedirect in a popup: nothing seen', async () => {
    const windowOpen = stubWindowOpen()
    const session = openSession({ linkUrl, redirectUrl: `${location.origin}/done` })
    const popup = windowOpen.latest
    postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(stateOf(popup.url), 'success', { scopedKey, metadata: { referenceId: 'u1' } }) })
    await expect(session.result).resolves.toMatchObject({ scopedKey })

    const fetched: string[] = []
    const client = createTextureClient({
      scopedKey,
      retry: 0,
      fetch: async (input) => {
        fetched.push(input instanceof Request ? input.url : String(input))
        return Response.json({ data: [], page: 1, perPage: 10, totalItems: 0, totalPages: 0 })
      },
    })
    await client.devices.list({ page: 1, perPage: 10 })
    expect(fetched).toHaveLength(1)
    expect(fetched.some(containsScopedKey)).toBe(false)

    sessionStorage.setItem(popupMarkerKey, 'f'.repeat(32))
    vi.spyOn(window, 'close').mockImplementation(() => {})
    history.replaceState(null, '', `/done?texture_scoped_key=${scopedKey}`)
    expect(TextureConnect.handleRedirect()).toBeNull()
    await flushPromises()
    expect(takeKeySightings()).toEqual([])
  })
})

describe('handleRedirect leaves no key in history', () => {
  it('replaces the entry (no new one), so neither the address nor Back shows the key', () => {
    history.replaceState(null, '', '/start')
    history.pushState({ app: 1 }, '', `/done?a=1&texture_scoped_key=${scopedKey}#section`)
    const lengthBefore = history.length
    const pushState = vi.spyOn(history, 'pushState')
    expect(TextureConnect.handleRedirect()).toEqual({ scopedKey })
    expect(location.href).toBe(`${location.origin}/done?a=1#section`)
    expect(history.length).toBe(lengthBefore)
    expect(history.state).toEqual({ app: 1 })
    expect(pushState).not.toHaveBeenCalled()
    expect(containsScopedKey(document.URL)).toBe(false)
    // The entry behind it is the app's own page, which never held the key.
    expect(takeKeySightings()).toEqual([])
  })

  it('strips a malformed value too, before refusing it', () => {
    history.replaceState(null, '', '/done?texture_scoped_key=api_live_secret&b=2')
    expect(() => TextureConnect.handleRedirect()).toThrow(/not a scoped key/)
    expect(location.search).toBe('?b=2')
  })
})
