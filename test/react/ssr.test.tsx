// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { useCreateConnectSession, useTextureConnect } from '../../src/react/index'

function ConnectButton() {
  const { open, ready, isOpen } = useTextureConnect({ linkUrl: 'https://connect.example.com/link?token=t', onSuccess: () => {} })
  return (
    <button disabled={!ready || isOpen} onClick={open}>
      Connect your devices
    </button>
  )
}

describe('useTextureConnect on the server', () => {
  it('renders with react-dom/server where there is no window, as a button that is not ready yet', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    expect(renderToString(<ConnectButton />)).toBe('<button disabled="">Connect your devices</button>')
  })
})

function TextureExampleButton() {
  const { open } = useCreateConnectSession({ connectApiKey: 'ck_public', onSuccess: () => {}, onError: () => {} })
  return <button onClick={() => open({ width: 600, height: 800 })}>Connect device(s) with Texture</button>
}

describe('useCreateConnectSession on the server', () => {
  it('renders with react-dom/server where there is no window, touching nothing', () => {
    expect(renderToString(<TextureExampleButton />)).toBe('<button>Connect device(s) with Texture</button>')
  })
})
