import { describe, expect, it, vi } from 'vitest'
import { ConnectError, createConnectSession } from '../../src/index'
import { stubWindowOpen } from '../connect/support/fake-popup'
import { hostedOrigin, postMessageFrom, protocolMessage, stateOf } from '../connect/support/hosted'
import { connectApiKey, createdLink, createTexture, linkRequests } from './support'

/** The hosted page in the popup finishes with `type` (success, exit, error). */
function hostedSends(popup: { window: Window; url: string }, type: string, fields: Record<string, unknown> = {}) {
  postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(stateOf(popup.url), type, fields) })
}

describe('createConnectSession (Texture’s former SDK API)', () => {
  it('does nothing until open(): no popup, no request', () => {
    const windowOpen = stubWindowOpen()
    createTexture()
    expect(windowOpen.open).not.toHaveBeenCalled()
    expect(linkRequests).toHaveLength(0)
  })

  it('opens the popup in the click, then creates the link with the key in the header and connectOptions as the body', async () => {
    const windowOpen = stubWindowOpen()
    const { texture } = createTexture({ connectOptions: { referenceId: 'user-1', manufacturerFilters: { manufacturers: ['honeywell'] } } })
    texture.open()
    expect(windowOpen.open).toHaveBeenCalledWith('', '_blank', expect.any(String))
    await vi.waitFor(() => expect(windowOpen.latest.navigate).toHaveBeenCalled())
    expect(linkRequests[0]!.headers.get('Texture-Api-Key')).toBe(connectApiKey)
    expect(await linkRequests[0]!.json()).toEqual({ referenceId: 'user-1', manufacturerFilters: { manufacturers: ['honeywell'] } })
    expect(windowOpen.latest.url.startsWith(`${createdLink}&`)).toBe(true)
    expect(windowOpen.latest.url).not.toContain(connectApiKey)
  })

  it('sets `url` once the link is known, and `scopedKey` after success, which onSuccess gets as { scopedKey }', async () => {
    const windowOpen = stubWindowOpen()
    const { texture, onSuccess, onError } = createTexture()
    expect(texture.url).toBeUndefined()
    texture.open()
    expect(texture.isOpen).toBe(true)
    await vi.waitFor(() => expect(texture.url).toBe(createdLink))
    expect(texture.scopedKey).toBeUndefined()
    hostedSends(windowOpen.latest, 'success', { scopedKey: 'scoped_user_1' })
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ scopedKey: 'scoped_user_1' })
    expect(texture.scopedKey).toBe('scoped_user_1')
    expect(texture.isOpen).toBe(false)
    expect(windowOpen.latest.close).toHaveBeenCalled()
    // A late duplicate from the hosted page changes nothing.
    hostedSends(windowOpen.latest, 'success', { scopedKey: 'scoped_user_2' })
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onError).not.toHaveBeenCalled()
  })

  it('brings the popup forward on a second open() while the flow shows, and starts a new flow after it ended', async () => {
    const windowOpen = stubWindowOpen()
    const { texture, onSuccess } = createTexture()
    texture.open()
    texture.open()
    expect(windowOpen.open).toHaveBeenCalledTimes(1)
    expect(windowOpen.latest.focus).toHaveBeenCalled()
    await vi.waitFor(() => expect(texture.url).toBe(createdLink))
    hostedSends(windowOpen.latest, 'success', { scopedKey: 'scoped_user_1' })

    texture.open()
    expect(windowOpen.open).toHaveBeenCalledTimes(2)
    // The new flow's link is not known yet; the last key stays until a new success.
    expect(texture.url).toBeUndefined()
    expect(texture.scopedKey).toBe('scoped_user_1')
    await vi.waitFor(() => expect(linkRequests).toHaveLength(2))
    await vi.waitFor(() => expect(windowOpen.latest.navigate).toHaveBeenCalled())
    hostedSends(windowOpen.latest, 'success', { scopedKey: 'scoped_user_2' })
    expect(onSuccess).toHaveBeenCalledTimes(2)
    expect(texture.scopedKey).toBe('scoped_user_2')
  })

  it('never adopts another drop-in’s flow: its open() brings that one forward and its close() leaves it', async () => {
    const windowOpen = stubWindowOpen()
    const first = createTexture()
    const second = createTexture()
    first.texture.open()
    second.texture.open()
    second.texture.close()
    expect(windowOpen.open).toHaveBeenCalledTimes(1)
    expect(windowOpen.latest.close).not.toHaveBeenCalled()
    expect(second.texture.isOpen).toBe(false)
    expect(first.texture.isOpen).toBe(true)
  })

  it('sizes the popup with open({ width, height }), and ignores a click event passed as the size', () => {
    const windowOpen = stubWindowOpen()
    const { texture } = createTexture()
    texture.open({ width: 600, height: 800 })
    expect(windowOpen.latest.features).toContain('width=600,height=800')
    texture.close()
    const button = document.createElement('button')
    button.addEventListener('click', texture.open as unknown as EventListener)
    button.click()
    expect(windowOpen.open).toHaveBeenCalledTimes(2)
    expect(windowOpen.latest.features).toContain('width=500,height=720')
  })

  it('sends connectOptions.redirectUrl to Texture with the rest of the body', async () => {
    const windowOpen = stubWindowOpen()
    const { texture, onSuccess } = createTexture({ connectOptions: { redirectUrl: `${location.origin}/connected` } })
    texture.open()
    await vi.waitFor(() => expect(windowOpen.latest.navigate).toHaveBeenCalled())
    expect(await linkRequests[0]!.json()).toEqual({ redirectUrl: `${location.origin}/connected` })
    hostedSends(windowOpen.latest, 'success', { scopedKey: 'scoped_user_1' })
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['a missing key', undefined, 'connectApiKey'],
    ['a workspace secret', 'api_live_secret', 'connectApiKey'],
    ['a scoped key', 'scoped_someone', 'connectApiKey'],
  ])('throws invalid-options at open() for %s, before any popup or request', (_, key, option) => {
    const windowOpen = stubWindowOpen()
    const texture = createConnectSession({ connectApiKey: key as string })
    const error = (() => {
      try {
        texture.open()
      } catch (thrown) {
        return thrown
      }
    })()
    expect(error).toBeInstanceOf(ConnectError)
    expect((error as ConnectError).code).toBe('invalid-options')
    expect((error as ConnectError).message).toContain(`\`${option}\``)
    expect((error as ConnectError).message).not.toContain('secret')
    expect(windowOpen.open).not.toHaveBeenCalled()
    expect(linkRequests).toHaveLength(0)
  })
})
