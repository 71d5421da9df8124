import { HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { stubBlockedWindowOpen, stubWindowOpen } from '../connect/support/fake-popup'
import { hostedOrigin, postMessageFrom, protocolMessage, stateOf } from '../connect/support/hosted'
import { answerLinkRequests, connectApiKey, createTexture } from './support'

/** Opens a flow and waits until its popup shows the hosted link. */
async function openFlow() {
  const windowOpen = stubWindowOpen()
  const flow = createTexture()
  flow.texture.open({ width: 600, height: 800 })
  await vi.waitFor(() => expect(windowOpen.latest.navigate).toHaveBeenCalled())
  const popup = windowOpen.latest
  const hostedSends = (type: string, fields: Record<string, unknown> = {}) => postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(stateOf(popup.url), type, fields) })
  return { ...flow, popup, hostedSends }
}

describe('how each ending reaches onError({ type, reason })', () => {
  it.each(['null', 'closed-window'] as const)('popup-blocked, when window.open answers %s', async (answer) => {
    stubBlockedWindowOpen(answer)
    const { texture, onError, onSuccess } = createTexture()
    texture.open()
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ type: 'popup-blocked', reason: expect.stringContaining('blocked') }))
    // Code written for Texture's SDK never calls TextureConnect: the reason does not send it there.
    expect(onError.mock.calls[0]![0].reason).not.toContain('TextureConnect')
    expect(onSuccess).not.toHaveBeenCalled()
    expect(texture.isOpen).toBe(false)
  })

  it('popup-closed, within a second of the person closing the popup', async () => {
    const { onError, popup, texture } = await openFlow()
    popup.closeByUser()
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1), { timeout: 2000 })
    expect(onError).toHaveBeenCalledWith({ type: 'popup-closed', reason: 'The popup was closed before the connection was made.' })
    expect(texture.isOpen).toBe(false)
  })

  it('cancelled, when the person leaves inside the hosted flow', async () => {
    const { onError, hostedSends, popup } = await openFlow()
    hostedSends('exit', { reason: 'user-cancelled' })
    expect(onError).toHaveBeenCalledWith({ type: 'cancelled', reason: expect.stringContaining('user-cancelled') })
    expect(popup.close).toHaveBeenCalled()
  })

  it('hosted-error, with the hosted flow’s message as the reason', async () => {
    const { onError, hostedSends } = await openFlow()
    hostedSends('error', { error: { code: 'manufacturer_down', message: 'Honeywell is not answering.' } })
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ type: 'hosted-error', reason: 'Honeywell is not answering.' }))
    expect(onError.mock.calls[0]![0].error.metadata).toEqual({ code: 'manufacturer_down' })
  })

  it('link-failed, with the API’s answer as the reason and the key nowhere in it', async () => {
    answerLinkRequests(() => HttpResponse.json({ code: 'unauthorized', message: `Invalid key ${connectApiKey}` }, { status: 401 }))
    const windowOpen = stubWindowOpen()
    const { texture, onError } = createTexture()
    texture.open()
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    const [{ type, reason, error }] = onError.mock.calls[0]!
    expect(type).toBe('link-failed')
    expect(reason).toMatch(/^Connect link failed \(HTTP 401\): Invalid key \[connect key\]$/)
    expect(error.metadata).toMatchObject({ status: 401 })
    expect(windowOpen.latest.close).toHaveBeenCalled()
    expect(texture.url).toBeUndefined()
  })

  it('timeout, after 30 minutes without an ending', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const { onError } = await openFlow()
    await vi.advanceTimersByTimeAsync(30 * 60 * 1000)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ type: 'timeout' }))
    vi.useRealTimers()
  })

  it('nothing at all when the app calls close(): the popup closes quietly', async () => {
    const { texture, onError, onSuccess, popup } = await openFlow()
    texture.close()
    texture.close()
    expect(popup.close).toHaveBeenCalled()
    expect(texture.isOpen).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(onError).not.toHaveBeenCalled()
    expect(onSuccess).not.toHaveBeenCalled()
  })

  it('at most once per open(): a closed popup after the hosted exit adds nothing', async () => {
    const { onError, hostedSends, popup } = await openFlow()
    hostedSends('exit', { reason: 'user-cancelled' })
    popup.closeByUser()
    hostedSends('error', { error: { message: 'late' } })
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(onError).toHaveBeenCalledTimes(1)
  })
})
