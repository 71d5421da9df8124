import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConnectError } from '../../../src/index'
import { stubFrameWindows } from '../support/fake-frame'
import { stubBlockedWindowOpen } from '../support/fake-popup'
import { hostedOrigin, linkUrl, postMessageFrom, protocolMessage, stateOf } from '../support/hosted'
import { flushPromises, openSession, whenOpen } from '../support/sessions'

afterEach(() => {
  vi.useRealTimers()
})

function frame(): HTMLIFrameElement {
  const iframe = document.querySelector('iframe')
  if (iframe === null) throw new Error('no iframe in the page')
  return iframe
}

async function openIframeSession(extra: Record<string, unknown> = {}) {
  stubFrameWindows()
  const callbacks = { onSuccess: vi.fn(), onExit: vi.fn(), onError: vi.fn(), onEvent: vi.fn() }
  const session = openSession({ linkUrl, mode: 'iframe', ...callbacks, ...extra })
  await whenOpen(session)
  const iframe = frame()
  const state = stateOf(iframe.src)
  const post = (type: string, fields: Record<string, unknown> = {}, from: { source: Window | null; origin: string } = { source: iframe.contentWindow, origin: hostedOrigin }) =>
    postMessageFrom({ ...from, data: protocolMessage(state, type, fields) })
  return { session, iframe, state, callbacks, post }
}

describe('a session in iframe mode', () => {
  it('shows the link with the protocol parameters in a modal dialog, named for handleRedirect', async () => {
    const { iframe, state } = await openIframeSession()
    const url = new URL(iframe.src)
    expect(url.searchParams.get('texture_mode')).toBe('iframe')
    expect(url.searchParams.get('texture_origin')).toBe(location.origin)
    expect(iframe.name).toBe(`texture-connect:${state}`)
    const dialog = iframe.closest('[role="dialog"]')
    expect(dialog?.getAttribute('aria-modal')).toBe('true')
  })

  it('settles with the key sent by its own iframe and removes the modal', async () => {
    const { session, post, callbacks } = await openIframeSession()
    post('success', { scopedKey: 'scoped_iframe_1' })
    await expect(session.result).resolves.toEqual({ scopedKey: 'scoped_iframe_1', metadata: {} })
    expect(callbacks.onSuccess).toHaveBeenCalledTimes(1)
    expect(document.querySelector('iframe')).toBeNull()
    expect(document.body.childElementCount).toBe(0)
  })

  it('ignores the same message posted by the parent page or another origin', async () => {
    const { post, callbacks } = await openIframeSession()
    post('success', { scopedKey: 'scoped_forged_1' }, { source: window, origin: hostedOrigin })
    post('success', { scopedKey: 'scoped_forged_2' }, { source: frame().contentWindow, origin: location.origin })
    await flushPromises()
    expect(callbacks.onSuccess).not.toHaveBeenCalled()
    expect(frame().isConnected).toBe(true)
  })

  it('ends with onExit (modal-closed) and cancelled when the user presses Escape', async () => {
    const { session, callbacks } = await openIframeSession()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    const error = await session.result.catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ConnectError)
    expect((error as ConnectError).code).toBe('cancelled')
    expect(callbacks.onExit).toHaveBeenCalledWith({ reason: 'modal-closed', metadata: { via: 'escape' } })
    expect(callbacks.onError).not.toHaveBeenCalled()
    expect(document.querySelector('iframe')).toBeNull()
  })

  it('ends the same way from the close button', async () => {
    const { session, callbacks } = await openIframeSession()
    document.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click()
    await expect(session.result).rejects.toMatchObject({ code: 'cancelled' })
    expect(callbacks.onExit).toHaveBeenCalledWith({ reason: 'modal-closed', metadata: { via: 'close-button' } })
  })

  it('gives focus back to the element that had it', async () => {
    const button = document.createElement('button')
    document.body.append(button)
    button.focus()
    const { session, post } = await openIframeSession()
    expect(document.activeElement).not.toBe(button)
    post('exit', { reason: 'user-cancelled' })
    await session.result.catch(() => {})
    expect(document.activeElement).toBe(button)
  })

  it('renders inside the container the app gives, with the title it gives', async () => {
    const container = document.createElement('section')
    document.body.append(container)
    await openIframeSession({ iframe: { container, title: 'Connect your battery' } })
    expect(container.contains(frame())).toBe(true)
    expect(frame().title).toBe('Connect your battery')
  })

  it('takes a key relayed by handleRedirect from a page inside its iframe', async () => {
    const { session, iframe, state } = await openIframeSession()
    postMessageFrom({ source: iframe.contentWindow, origin: location.origin, data: { source: 'texture-connect', version: 1, type: 'relay', state, scopedKey: 'scoped_relay_1' } })
    await expect(session.result).resolves.toEqual({ scopedKey: 'scoped_relay_1', metadata: {} })
  })

  it('ends with closed-by-app when the app removes the iframe from the page', async () => {
    vi.useFakeTimers()
    const { session, iframe, callbacks } = await openIframeSession()
    iframe.closest('[role="dialog"]')!.parentElement!.remove()
    await vi.advanceTimersByTimeAsync(1000)
    await expect(session.result).rejects.toMatchObject({ code: 'cancelled' })
    expect(callbacks.onExit).toHaveBeenCalledWith({ reason: 'closed-by-app', metadata: {} })
  })

  it('shows nothing when the session is closed before the modal is on screen', async () => {
    stubFrameWindows()
    const onExit = vi.fn()
    const session = openSession({ linkUrl, mode: 'iframe', onExit })
    const opened = vi.fn()
    session.on('open', opened)
    session.close()
    // The modal's code has certainly arrived once this import resolves: it is the same module.
    await import('../../../src/connect/presenters/iframe-modal')
    await flushPromises()
    expect(document.querySelector('iframe')).toBeNull()
    expect(document.body.childElementCount).toBe(0)
    expect(opened).not.toHaveBeenCalled()
    expect(onExit).toHaveBeenCalledWith({ reason: 'closed-by-app', metadata: {} })
  })

  it('shows the link once an async linkUrl resolves, even before the modal is on screen', async () => {
    const session = openSession({ mode: 'iframe', linkUrl: async () => linkUrl })
    const opened = vi.fn()
    session.on('open', opened)
    await whenOpen(session)
    expect(opened).toHaveBeenCalledWith({ mode: 'iframe' })
    expect(frame().src).toContain('texture_mode=iframe')
  })

  it('shows a blank frame while the link is still coming, then sends it there', async () => {
    let giveLink!: (url: string) => void
    const session = openSession({ mode: 'iframe', linkUrl: () => new Promise<string>((resolve) => (giveLink = resolve)) })
    await vi.waitFor(() => frame())
    expect(frame().getAttribute('src')).toBeNull()
    giveLink(linkUrl)
    await whenOpen(session)
    expect(new URL(frame().src).searchParams.get('texture_mode')).toBe('iframe')
  })
})

describe('fallback when the popup is blocked', () => {
  it("shows the iframe modal instead with `fallback: 'iframe'`, and says so", async () => {
    stubBlockedWindowOpen('null')
    const onEvent = vi.fn()
    const onError = vi.fn()
    const session = openSession({ linkUrl, fallback: 'iframe', onEvent, onError })
    const opened = vi.fn()
    session.on('open', opened)
    await whenOpen(session)
    expect(onError).not.toHaveBeenCalled()
    expect(onEvent).toHaveBeenCalledWith({ name: 'FALLBACK', metadata: { from: 'popup', to: 'iframe' } })
    expect(opened).toHaveBeenCalledWith({ mode: 'iframe' })
    expect(new URL(frame().src).searchParams.get('texture_mode')).toBe('iframe')
  })

  it("still reports popup-blocked with the default `fallback: 'none'`", async () => {
    stubBlockedWindowOpen('closed-window')
    const session = openSession({ linkUrl })
    await expect(session.result).rejects.toMatchObject({ code: 'popup-blocked' })
    expect(document.querySelector('iframe')).toBeNull()
  })
})
