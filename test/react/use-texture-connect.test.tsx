import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { useTextureConnect, type UseTextureConnectOptions } from '../../src/react/index'
import { ConnectError } from '../../src/index'
import { stubWindowOpen } from '../connect/support/fake-popup'
import { linkUrl } from '../connect/support/hosted'
import { runtimeLoaded } from '../connect/support/sessions'
import { flush, hostedPosts } from './support'

const success = { scopedKey: 'scoped_user_1', metadata: { referenceId: 'user-1' } }

function ConnectButton(options: UseTextureConnectOptions) {
  const { open, isOpen, ready, result, error } = useTextureConnect(options)
  return (
    <>
      <button disabled={!ready} onClick={open}>
        Connect
      </button>
      <output>{isOpen ? 'open' : result ? `connected ${result.scopedKey}` : error ? `failed ${error.code}` : 'idle'}</output>
    </>
  )
}

describe('useTextureConnect', () => {
  it('creates nothing while rendering and becomes ready once mounted', () => {
    const windowOpen = stubWindowOpen()
    const { result } = renderHook(() => useTextureConnect({ linkUrl }), { wrapper: StrictMode })
    expect(windowOpen.open).not.toHaveBeenCalled()
    expect(result.current).toMatchObject({ isOpen: false, ready: true, result: null, error: null })
  })

  it('is not ready without a linkUrl or connectKey (for example while your backend makes one)', () => {
    const { result } = renderHook(() => useTextureConnect({}))
    expect(result.current.ready).toBe(false)
    expect(() => result.current.open()).toThrow(ConnectError)
  })

  it('opens the popup synchronously inside the click, even for an async linkUrl', () => {
    const windowOpen = stubWindowOpen()
    const opensDuringClick: number[] = []
    function Button() {
      const { open } = useTextureConnect({ linkUrl: () => new Promise<string>(() => {}) })
      return (
        <button
          onClick={() => {
            open()
            opensDuringClick.push(windowOpen.open.mock.calls.length)
          }}
        >
          Connect
        </button>
      )
    }
    render(<Button />, { wrapper: StrictMode })
    fireEvent.click(screen.getByRole('button'))
    expect(opensDuringClick).toEqual([1])
  })

  it('goes open → connected on success, with the latest onSuccess and without reopening', async () => {
    const windowOpen = stubWindowOpen()
    const first = vi.fn()
    const latest = vi.fn()
    const view = render(<ConnectButton linkUrl={linkUrl} onSuccess={first} />, { wrapper: StrictMode })
    fireEvent.click(screen.getByRole('button'))
    expect(screen.getByRole('status').textContent).toBe('open')
    view.rerender(<ConnectButton linkUrl={linkUrl} onSuccess={latest} />)
    await hostedPosts(windowOpen.latest, 'success', success)
    expect(screen.getByRole('status').textContent).toBe('connected scoped_user_1')
    expect(latest).toHaveBeenCalledExactlyOnceWith(success)
    expect(first).not.toHaveBeenCalled()
    expect(windowOpen.open).toHaveBeenCalledTimes(1)
  })

  it('keeps the session when other callbacks change between renders', async () => {
    const windowOpen = stubWindowOpen()
    const onEvent = [vi.fn(), vi.fn()]
    const view = render(<ConnectButton linkUrl={linkUrl} onEvent={onEvent[0]} />)
    fireEvent.click(screen.getByRole('button'))
    view.rerender(<ConnectButton linkUrl={linkUrl} onEvent={onEvent[1]} />)
    await hostedPosts(windowOpen.latest, 'event', { name: 'MANUFACTURER_SELECTED', metadata: { manufacturer: 'tesla' } })
    expect(onEvent[1]).toHaveBeenCalledWith({ name: 'MANUFACTURER_SELECTED', metadata: { manufacturer: 'tesla' } })
    expect(onEvent[0]).not.toHaveBeenCalled()
    expect(windowOpen.latest.close).not.toHaveBeenCalled()
    expect(screen.getByRole('status').textContent).toBe('open')
  })

  it('reports a hosted failure as error, through onError', async () => {
    const windowOpen = stubWindowOpen()
    const onError = vi.fn()
    render(<ConnectButton linkUrl={linkUrl} onError={onError} />)
    fireEvent.click(screen.getByRole('button'))
    await hostedPosts(windowOpen.latest, 'error', { error: { code: 'boom', message: 'The hosted flow failed.' } })
    expect(screen.getByRole('status').textContent).toBe('failed hosted-error')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'hosted-error' }))
  })

  it('treats a user who cancels as an exit: back to idle, no error', async () => {
    const windowOpen = stubWindowOpen()
    const onExit = vi.fn()
    render(<ConnectButton linkUrl={linkUrl} onExit={onExit} />)
    fireEvent.click(screen.getByRole('button'))
    await hostedPosts(windowOpen.latest, 'exit', { reason: 'user-cancelled' })
    expect(screen.getByRole('status').textContent).toBe('idle')
    expect(onExit).toHaveBeenCalledWith({ reason: 'user-cancelled', metadata: {} })
  })

  it('clears the previous result and error when opened again', async () => {
    const windowOpen = stubWindowOpen()
    render(<ConnectButton linkUrl={linkUrl} />)
    fireEvent.click(screen.getByRole('button'))
    await hostedPosts(windowOpen.latest, 'error', { error: { code: 'boom', message: 'failed' } })
    fireEvent.click(screen.getByRole('button'))
    expect(screen.getByRole('status').textContent).toBe('open')
    await hostedPosts(windowOpen.latest, 'success', success)
    expect(screen.getByRole('status').textContent).toBe('connected scoped_user_1')
    expect(windowOpen.open).toHaveBeenCalledTimes(2)
  })

  it('brings the running session forward on a second open() instead of a second popup', () => {
    const windowOpen = stubWindowOpen()
    const { result } = renderHook(() => useTextureConnect({ linkUrl }))
    let sessions: unknown[] = []
    act(() => {
      sessions = [result.current.open(), result.current.open()]
    })
    expect(sessions[0]).not.toBeNull()
    expect(sessions[1]).toBe(sessions[0])
    expect(windowOpen.open).toHaveBeenCalledTimes(1)
    expect(windowOpen.latest.focus).toHaveBeenCalledTimes(1)
  })

  it('close() ends the session: popup closed, onExit closed-by-app, isOpen false', async () => {
    const windowOpen = stubWindowOpen()
    const onExit = vi.fn()
    const { result } = renderHook(() => useTextureConnect({ linkUrl, onExit }))
    act(() => void result.current.open())
    expect(result.current.isOpen).toBe(true)
    act(() => result.current.close())
    expect(windowOpen.latest.close).toHaveBeenCalled()
    expect(onExit).toHaveBeenCalledWith({ reason: 'closed-by-app', metadata: {} })
    expect(result.current).toMatchObject({ isOpen: false, result: null, error: null })
  })

  it('closes the popup when the component unmounts, without calling its callbacks', async () => {
    const windowOpen = stubWindowOpen()
    const callbacks = { onSuccess: vi.fn(), onExit: vi.fn(), onError: vi.fn() }
    const view = render(<ConnectButton linkUrl={linkUrl} {...callbacks} />, { wrapper: StrictMode })
    fireEvent.click(screen.getByRole('button'))
    const popup = windowOpen.latest
    view.unmount()
    await flush()
    expect(popup.close).toHaveBeenCalled()
    await hostedPosts(popup, 'success', success)
    expect(callbacks.onSuccess).not.toHaveBeenCalled()
    expect(callbacks.onExit).not.toHaveBeenCalled()
    expect(callbacks.onError).not.toHaveBeenCalled()
  })

  it('does nothing when an async linkUrl resolves after unmount', async () => {
    const windowOpen = stubWindowOpen()
    let resolveLink!: (url: string) => void
    const onEvent = vi.fn()
    const view = render(<ConnectButton linkUrl={() => new Promise<string>((resolve) => (resolveLink = resolve))} onEvent={onEvent} />)
    fireEvent.click(screen.getByRole('button'))
    const popup = windowOpen.latest
    // The link function is called once the session's runtime has loaded.
    await runtimeLoaded()
    view.unmount()
    await flush()
    resolveLink(linkUrl)
    await flush()
    expect(popup.navigate).not.toHaveBeenCalled()
    expect(popup.close).toHaveBeenCalled()
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('returns null from open() after unmount and opens nothing', () => {
    const windowOpen = stubWindowOpen()
    const { result, unmount } = renderHook(() => useTextureConnect({ linkUrl }))
    const { open } = result.current
    unmount()
    expect(open()).toBeNull()
    expect(windowOpen.open).not.toHaveBeenCalled()
  })

  it('never closes another component’s session: a second hook only brings it forward', async () => {
    const windowOpen = stubWindowOpen()
    const onSuccess = vi.fn()
    const owner = renderHook(() => useTextureConnect({ linkUrl, onSuccess }))
    const other = renderHook(() => useTextureConnect({ linkUrl }))
    act(() => void owner.result.current.open())
    act(() => void other.result.current.open())
    expect(windowOpen.open).toHaveBeenCalledTimes(1)
    expect(other.result.current.isOpen).toBe(false)
    other.unmount()
    await flush()
    expect(windowOpen.latest.close).not.toHaveBeenCalled()
    await hostedPosts(windowOpen.latest, 'success', success)
    expect(owner.result.current.result).toEqual(success)
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })
})
