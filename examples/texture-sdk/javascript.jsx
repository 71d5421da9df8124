// Texture's JavaScript example (github.com/TextureHQ/examples, connect/sdk/javascript-example/
// main.js) with the package name changed. Plain JavaScript: the .jsx name only makes the sandbox
// bundle it as Vite would (a bare import, import.meta.env). Two more changes, marked below: no
// stylesheet import (the page links it), and the callbacks show the outcome on the page instead
// of logging the key, since a scoped key is a credential.
import { createConnectSession } from 'texture-connect'

const connectApiKey = import.meta.env.VITE_CONNECT_API_KEY

const texture = createConnectSession({
  connectApiKey,
  // Not in Texture's example: the sandbox's stand-in for Texture. Leave it out in your app.
  apiBaseUrl: import.meta.env.VITE_TEXTURE_API_BASE_URL,
  connectOptions: {
    referenceId: 'connect-sdk-example',
    clientName: 'Connect SDK Example',
    tags: ['connect-sdk-example'],
    manufacturerFilters: { manufacturers: ['honeywell', 'daikin'] },
    customerInfo: {
      email: 'example@example.com',
      phone: '5555555555',
      firstName: 'John',
      lastName: 'Doe',
    },
  },
  onSuccess: ({ scopedKey }) => {
    // Changed: Texture's example logs the key. Send it to your backend instead; never log it.
    document.querySelector('#status').textContent = `Connected: a scoped key of ${scopedKey.length} characters arrived.`
  },
  onError({ type, reason }) {
    console.error(type, reason)
    document.querySelector('#status').textContent = `${type}: ${reason}`
  },
})

document.querySelector('#app').innerHTML = `
  <div>
      <button id="texture-connect" type="button">Connect device(s) with Texture</button>
  </div>
`

const textureConnectButton = document.querySelector('#texture-connect')
textureConnectButton.addEventListener('click', () =>
  texture.open({
    width: 600,
    height: 800,
  }),
)
