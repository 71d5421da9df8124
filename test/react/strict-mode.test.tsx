import { fireEvent, render, screen } from '@testing-library/react'
import { StrictMode, useEffect } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { useTextureConnect } from '../../src/react/index'
import { stubWindowOpen } from '../connect/support/fake-popup'
import { linkUrl } from '../connect/support/hosted'
import { flush, hostedPosts } from './support'

const success = { scopedKey: 'scoped_user_1', metadata: {} }

// StrictMode mounts, unmounts and remounts every effect once in development. These tests render
// inside it, so a hook that treats that simulated unmount as real fails them.
function Status({ openOnMount = false, onSuccess }: { openOnMount?: boolean; onSuccess?: () => void }) {
  const { open, isOpen, result } = useTextureConnect({ linkUrl, onSuccess })
  // Opening from an effect (an iframe modal shown on page load, say) runs twice under StrictMode.
  useEffect(() => {
    if (openOnMount) open()
  }, [openOnMount, open])
  return (
    <>
      <button onClick={open}>Connect</button>
      <output>{isOpen ? 'open' : result ? `connected ${result.scopedKey}` : 'idle'}</output>
    </>
  )
}

describe('useTextureConnect under <StrictMode>', () => {
  it('opens one popup per click and still hears the result after the double mount', async () => {
    const windowOpen = stubWindowOpen()
    const onSuccess = vi.fn()
    render(
      <StrictMode>
        <Status onSuccess={onSuccess} />
      </StrictMode>,
    )
    fireEvent.click(screen.getByRole('button'))
    expect(windowOpen.open).toHaveBeenCalledTimes(1)
    await hostedPosts(windowOpen.latest, 'success', success)
    expect(screen.getByRole('status').textContent).toBe('connected scoped_user_1')
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })

  it('opened from an effect: one popup, and the simulated unmount does not close it', async () => {
    const windowOpen = stubWindowOpen()
    render(
      <StrictMode>
        <Status openOnMount />
      </StrictMode>,
    )
    await flush()
    expect(windowOpen.open).toHaveBeenCalledTimes(1)
    expect(windowOpen.latest.close).not.toHaveBeenCalled()
    expect(screen.getByRole('status').textContent).toBe('open')
    await hostedPosts(windowOpen.latest, 'success', success)
    expect(screen.getByRole('status').textContent).toBe('connected scoped_user_1')
  })

  it('closes the popup on a real unmount', async () => {
    const windowOpen = stubWindowOpen()
    const view = render(
      <StrictMode>
        <Status />
      </StrictMode>,
    )
    fireEvent.click(screen.getByRole('button'))
    view.unmount()
    await flush()
    expect(windowOpen.latest.close).toHaveBeenCalled()
  })
})
