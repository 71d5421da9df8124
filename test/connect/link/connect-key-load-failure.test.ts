import { describe, expect, it, vi } from 'vitest'
import { stubWindowOpen } from '../support/fake-popup'
import { openSession } from '../support/sessions'

// Link creation arrives through import(); here that request fails, as it does offline.
vi.mock('../../../src/connect/link/create-link', () => {
  throw new Error('Failed to fetch dynamically imported module')
})

describe('a connect-key session whose link-creation code cannot be loaded', () => {
  it('fails with link-failed through onError and result, and closes the blank popup', async () => {
    const windowOpen = stubWindowOpen()
    const callbacks = { onSuccess: vi.fn(), onExit: vi.fn(), onError: vi.fn() }
    const session = openSession({ connectKey: 'ck_test_public_8f3a', ...callbacks })
    const error = await session.result.catch((reason: unknown) => reason)
    expect(error).toMatchObject({ name: 'ConnectError', code: 'link-failed', message: 'Could not load the SDK code that creates Connect links.' })
    expect(callbacks.onError).toHaveBeenCalledWith(error)
    expect(callbacks.onExit).not.toHaveBeenCalled()
    expect(windowOpen.latest.close).toHaveBeenCalled()
  })
})
