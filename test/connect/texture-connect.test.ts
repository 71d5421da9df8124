import { describe, expect, it } from 'vitest'
import { ConnectError, TextureConnect } from '../../src/index'
import { stubWindowOpen } from './support/fake-popup'
import { linkUrl } from './support/hosted'
import { openSession } from './support/sessions'

function thrownBy(run: () => unknown): ConnectError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectError)
    return error as ConnectError
  }
  throw new Error('expected a throw')
}

describe('TextureConnect.open', () => {
  it('returns the same session, and focuses its popup, when called again while it runs', () => {
    const windowOpen = stubWindowOpen()
    const first = openSession({ linkUrl })
    const second = openSession({ linkUrl })
    expect(second).toBe(first)
    expect(windowOpen.open).toHaveBeenCalledTimes(1)
    expect(windowOpen.latest.focus).toHaveBeenCalledTimes(1)
  })

  it('starts a new session once the previous one has ended', () => {
    const windowOpen = stubWindowOpen()
    const first = openSession({ linkUrl })
    first.close()
    const second = openSession({ linkUrl })
    expect(second).not.toBe(first)
    expect(windowOpen.open).toHaveBeenCalledTimes(2)
  })

  it('throws invalid-options synchronously, before opening anything', () => {
    const windowOpen = stubWindowOpen()
    const error = thrownBy(() => TextureConnect.open({ linkUrl: 'http://connect.example.com/link' }))
    expect(error.code).toBe('invalid-options')
    expect(error.message).toContain('`linkUrl`')
    expect(windowOpen.open).not.toHaveBeenCalled()
  })

  it('calls window.open before returning, inside the caller’s click', () => {
    const windowOpen = stubWindowOpen()
    const button = document.createElement('button')
    button.addEventListener('click', () => {
      openSession({ linkUrl: async () => linkUrl })
      expect(windowOpen.open).toHaveBeenCalledTimes(1)
    })
    button.click()
    expect.assertions(1)
  })
})
