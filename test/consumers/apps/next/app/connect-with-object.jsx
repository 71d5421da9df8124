'use client'
import { TextureConnect } from 'texture-connect'

export function ConnectWithObject() {
  return (
    <button type="button" onClick={() => TextureConnect.open({ linkUrl: 'https://connect.example.com/link?token=next', mode: 'iframe' })}>
      Connect with TextureConnect
    </button>
  )
}
