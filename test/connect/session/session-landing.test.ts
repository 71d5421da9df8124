import { afterEach, describe, expect, it, vi } from 'vitest'
import { TextureConnect } from '../../../src/index'
import { stubWindowOpen } from '../support/fake-popup'
import { linkUrl, postMessageFrom, stateOf } from '../support/hosted'
import { openSession, runtimeLoaded } from '../support/sessions'

afterEach(() => {
  vi.useRealTimers()
})

// The fake popup's address, as a same-origin page would expose it once the flow came back.
function landOn(popup: Window, href: string): string[] {
  const url = new URL(href)
  for (const part of ['href', 'origin', 'pathname', 'search', 'hash'] as const) {
    Object.defineProperty(popup.location, part, { value: url[part], configurable: true })
  }
  const replaced: string[] = []
  Object.defineProperty(popup, 'history', { value: { state: null, replaceState: (_state: unknown, _title: string, address: string) => replaced.push(address) }, configurable: true })
  return replaced
}

describe('a popup session that completes on the app origin', () => {
  it('takes the key when the popup lands on the app origin with texture_scoped_key, and closes it', async () => {
    vi.useFakeTimers()
    const windowOpen = stubWindowOpen()
    const onSuccess = vi.fn()
    const session = openSession({ linkUrl, onSuccess })
    await runtimeLoaded()
    const replaced = landOn(windowOpen.latest.window, `${location.origin}/connected?texture_scoped_key=scoped_landed_1`)
    await vi.advanceTimersByTimeAsync(1000)
    await expect(session.result).resolves.toEqual({ scopedKey: 'scoped_landed_1', metadata: {} })
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(windowOpen.latest.close).toHaveBeenCalled()
    // The key leaves the landed window's address before that window is closed.
    expect(replaced).toEqual(['/connected'])
  })

  it('ignores a landing on another origin', async () => {
    vi.useFakeTimers()
    const windowOpen = stubWindowOpen()
    const onSuccess = vi.fn()
    const onError = vi.fn()
    openSession({ linkUrl, onSuccess, onError })
    landOn(windowOpen.latest.window, `https://evil.test/connected?texture_scoped_key=scoped_forged`)
    await vi.advanceTimersByTimeAsync(1000)
    expect(onSuccess).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
    expect(windowOpen.latest.close).not.toHaveBeenCalled()
  })

  it('fails with hosted-error, not silence, when the popup lands with a value that is not a scoped key', async () => {
    vi.useFakeTimers()
    const windowOpen = stubWindowOpen()
    const onSuccess = vi.fn()
    const onError = vi.fn()
    const session = openSession({ linkUrl, onSuccess, onError })
    const replaced = landOn(windowOpen.latest.window, `${location.origin}/connected?texture_scoped_key=api_secret`)
    await vi.advanceTimersByTimeAsync(1000)
    await expect(session.result).rejects.toMatchObject({ code: 'hosted-error' })
    expect(onSuccess).not.toHaveBeenCalled()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(String(onError.mock.calls[0]![0].message)).not.toContain('api_secret')
    // The value leaves the window's address, and the window closes.
    expect(replaced).toEqual(['/connected'])
    expect(windowOpen.latest.close).toHaveBeenCalled()
  })

  it('accepts the key relayed by handleRedirect from its own popup on the app origin', async () => {
    const windowOpen = stubWindowOpen()
    const session = openSession({ linkUrl })
    const state = stateOf(windowOpen.latest.url)
    const relay = { source: 'texture-connect', version: 1, type: 'relay', state, scopedKey: 'scoped_relayed_1' }
    const forged = { ...relay, scopedKey: 'scoped_forged' }
    postMessageFrom({ source: windowOpen.latest.window, origin: 'https://evil.test', data: forged })
    postMessageFrom({ source: windowOpen.latest.window, origin: location.origin, data: { ...forged, state: 'another-session' } })
    postMessageFrom({ source: window, origin: location.origin, data: forged })
    postMessageFrom({ source: windowOpen.latest.window, origin: location.origin, data: relay })
    await expect(session.result).resolves.toEqual({ scopedKey: 'scoped_relayed_1', metadata: {} })
  })

  it('fails with hosted-error at once when handleRedirect in its popup reports a malformed key', async () => {
    const windowOpen = stubWindowOpen()
    const onError = vi.fn()
    const session = openSession({ linkUrl, onError })
    const state = stateOf(windowOpen.latest.url)
    postMessageFrom({ source: windowOpen.latest.window, origin: location.origin, data: { source: 'texture-connect', version: 1, type: 'relay-invalid-key', state } })
    await expect(session.result).rejects.toMatchObject({ name: 'ConnectError', code: 'hosted-error' })
    expect(onError).toHaveBeenCalledTimes(1)
    expect(windowOpen.latest.close).toHaveBeenCalled()
  })

  it('exposes handleRedirect on the TextureConnect object', () => {
    expect(TextureConnect.handleRedirect()).toBeNull()
  })
})
