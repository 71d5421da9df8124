'use client'
import { useTextureConnect } from 'texture-connect/react'

export function ConnectWithHook() {
  const { open, ready, isOpen } = useTextureConnect({
    linkUrl: 'https://connect.example.com/link?token=next',
    onSuccess: ({ scopedKey }) => console.log('connected', scopedKey.length),
  })
  return (
    <button type="button" disabled={!ready || isOpen} onClick={open}>
      Connect with the hook
    </button>
  )
}
