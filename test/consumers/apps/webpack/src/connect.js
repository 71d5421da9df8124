import { TextureConnect } from 'texture-connect'

document.querySelector('button').addEventListener('click', () => {
  TextureConnect.open({ linkUrl: 'https://connect.example.com/link?token=webpack', onSuccess: ({ scopedKey }) => console.log(scopedKey.length) })
})
