import { TextureConnect } from 'texture-connect'
import { useTextureConnect } from 'texture-connect/react'

const linkUrl = 'https://connect.example.com/link?token=vite'

export function App() {
  const { open, ready } = useTextureConnect({ linkUrl, onSuccess: ({ scopedKey }) => console.log('connected', scopedKey.length) })
  return (
    <>
      <button type="button" disabled={!ready} onClick={open}>
        Connect with the hook
      </button>
      <button type="button" onClick={() => TextureConnect.open({ linkUrl, mode: 'iframe' })}>
        Connect in a modal
      </button>
    </>
  )
}
