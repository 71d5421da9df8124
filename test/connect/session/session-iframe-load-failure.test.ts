import { describe, expect, it, vi } from 'vitest'
import { linkUrl } from '../support/hosted'
import { flushPromises, openSession } from '../support/sessions'

// The iframe modal's code arrives through import(); here that request fails, as it does offline.
vi.mock('../../../src/connect/presenters/iframe-modal', () => {
  throw new Error('Failed to fetch dynamically imported module')
})

describe('an iframe session whose modal cannot be loaded', () => {
  it('fails with link-failed through onError and result, and shows nothing', async () => {
    const callbacks = { onSuccess: vi.fn(), onExit: vi.fn(), onError: vi.fn() }
    const session = openSession({ linkUrl, mode: 'iframe', ...callbacks })
    const opened = vi.fn()
    session.on('open', opened)
    const error = await session.result.catch((reason: unknown) => reason)
    expect(error).toMatchObject({ name: 'ConnectError', code: 'link-failed', message: 'The Connect dialog could not be loaded.' })
    expect(callbacks.onError).toHaveBeenCalledWith(error)
    expect(callbacks.onExit).not.toHaveBeenCalled()
    await flushPromises()
    expect(opened).not.toHaveBeenCalled()
    expect(document.querySelector('iframe')).toBeNull()
  })
})
