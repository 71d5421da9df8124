import { fireEvent, render, screen } from '@testing-library/react'
import { StrictMode, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { useCreateConnectSession } from '../../src/react/index'
import { stubWindowOpen } from '../connect/support/fake-popup'
import { answerLinkRequests } from '../compat/support'
import { flush, hostedPosts } from './support'
import { HttpResponse } from 'msw'
import { hostedOrigin } from '../connect/support/hosted'

const createdLink = `${hostedOrigin}/link?token=lt_react`

// Written as Texture's React example is, rendered in <StrictMode> as its main.tsx does.
function App({ onSuccess, onError }: { onSuccess: (scopedKey: string) => void; onError: (type: string) => void }) {
  const { open, isOpen, scopedKey } = useCreateConnectSession({
    connectApiKey: 'ck_test_public_react',
    connectOptions: { referenceId: 'connect-sdk-example', clientName: 'Connect SDK Example' },
    onSuccess: ({ scopedKey }) => onSuccess(scopedKey),
    onError: ({ type }) => onError(type),
  })
  return (
    <div>
      <button onClick={() => open({ width: 600, height: 800 })}>Connect device(s) with Texture</button>
      <output>{isOpen ? 'open' : scopedKey ? 'connected' : 'idle'}</output>
    </div>
  )
}

function Page(props: Parameters<typeof App>[0]) {
  const [shown, setShown] = useState(true)
  return (
    <StrictMode>
      {shown && <App {...props} />}
      <button onClick={() => setShown(false)}>Leave</button>
    </StrictMode>
  )
}

async function clickConnect() {
  fireEvent.click(screen.getByRole('button', { name: 'Connect device(s) with Texture' }))
  await flush()
}

describe('useCreateConnectSession under <StrictMode>', () => {
  it('opens one popup per click, sized as asked, and reports the success once', async () => {
    answerLinkRequests(() => HttpResponse.json({ linkToken: 'lt_react', linkUrl: createdLink }))
    const windowOpen = stubWindowOpen()
    const onSuccess = vi.fn()
    render(<Page onSuccess={onSuccess} onError={vi.fn()} />)
    await clickConnect()
    expect(windowOpen.open).toHaveBeenCalledTimes(1)
    expect(windowOpen.latest.features).toContain('width=600,height=800')
    expect(screen.getByRole('status').textContent).toBe('open')
    await vi.waitFor(() => expect(windowOpen.latest.navigate).toHaveBeenCalled())
    await hostedPosts(windowOpen.latest, 'success', { scopedKey: 'scoped_user_1' })
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess).toHaveBeenCalledWith('scoped_user_1')
    expect(screen.getByRole('status').textContent).toBe('connected')
  })

  it('calls the latest render’s callbacks', async () => {
    answerLinkRequests(() => HttpResponse.json({ linkToken: 'lt_react', linkUrl: createdLink }))
    const windowOpen = stubWindowOpen()
    const first = vi.fn()
    const latest = vi.fn()
    const view = render(<Page onSuccess={vi.fn()} onError={first} />)
    await clickConnect()
    view.rerender(<Page onSuccess={vi.fn()} onError={latest} />)
    await vi.waitFor(() => expect(windowOpen.latest.navigate).toHaveBeenCalled())
    await hostedPosts(windowOpen.latest, 'exit', { reason: 'user-cancelled' })
    expect(first).not.toHaveBeenCalled()
    expect(latest).toHaveBeenCalledWith('cancelled')
  })

  it('reports popup-closed when the person closes the popup', async () => {
    answerLinkRequests(() => HttpResponse.json({ linkToken: 'lt_react', linkUrl: createdLink }))
    const windowOpen = stubWindowOpen()
    const onError = vi.fn()
    render(<Page onSuccess={vi.fn()} onError={onError} />)
    await clickConnect()
    windowOpen.latest.closeByUser()
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith('popup-closed'), { timeout: 2000 })
    await flush()
    expect(screen.getByRole('status').textContent).toBe('idle')
  })

  it('closes the popup on a real unmount, calling no callback', async () => {
    answerLinkRequests(() => HttpResponse.json({ linkToken: 'lt_react', linkUrl: createdLink }))
    const windowOpen = stubWindowOpen()
    const onError = vi.fn()
    render(<Page onSuccess={vi.fn()} onError={onError} />)
    await clickConnect()
    expect(windowOpen.latest.close).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }))
    await flush()
    expect(windowOpen.latest.close).toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
  })
})
