// The ES module example. In your app: `import { TextureConnect } from 'texture-connect'` with a
// bundler; the sandbox serves the package (ky bundled in) at /esm/texture-connect.js.
import { TextureConnect } from '/esm/texture-connect.js'
import { showDashboard } from './dashboard.js'
import { loadSandboxSettings, say } from './sandbox-settings.js'

const sandbox = await loadSandboxSettings()
// The page the hosted flow returns to, with `texture_scoped_key`: on your own origin.
const returnUrl = new URL('return.html', window.location.href).href
const buttons = ['connect-iframe', 'connect-redirect', 'connect-popup'].map((id) => document.getElementById(id))

/** Options all three ways share; each button adds its own. */
function connectOptions(extra = {}) {
  return {
    connectKey: sandbox.connectKey,
    apiBaseUrl: sandbox.connectApiBaseUrl,
    ...extra,
    connectOptions: {
      clientName: 'ES module example',
      // In your app, say who is connecting: `referenceId: currentUser.id`. The scoped key then
      // sees exactly that user's devices. (Left out here, the sandbox lets you pick a user.)
      ...extra.connectOptions,
    },
    onEvent: ({ name }) => {
      if (name === 'READY') say('Waiting for you in the Connect flow…')
    },
    onSuccess: ({ scopedKey }) => {
      // In your app: send the key to your backend now and store it against the user (see dashboard.js).
      showDashboard(document.getElementById('dashboard'), { scopedKey, apiUrl: sandbox.apiUrl }).catch((error) => say(`Could not load your devices: ${error.message}`))
    },
    onExit: ({ reason }) => say(`Connect was closed (${reason}); nothing was shared. You can try again.`),
    onError: (error) => say(`Connect failed (${error.code}): ${error.message}`),
  }
}

// Every open() runs directly in its click handler, with no `await` before it.
buttons[0].addEventListener('click', () => {
  // The hosted flow in an accessible modal on this page; Escape or the close button ends it.
  TextureConnect.open(connectOptions({ mode: 'iframe' }))
})

buttons[1].addEventListener('click', () => {
  // This page leaves for the hosted flow; onSuccess never runs here. The flow comes back to
  // return.html with the key in the address, and TextureConnect.handleRedirect() takes it there.
  say('Leaving for the Connect flow…')
  TextureConnect.open(connectOptions({ mode: 'redirect', redirectUrl: returnUrl }))
})

buttons[2].addEventListener('click', () => {
  // A popup whose hosted flow ends by redirecting to return.html, the one completion Texture
  // documents. handleRedirect() there hands the key back to this page (postMessage, or a
  // BroadcastChannel when Cross-Origin-Opener-Policy cut the popup off) and closes the popup;
  // onSuccess runs here. `completion: 'redirect'` is a sandbox-only link option that forces it.
  TextureConnect.open(connectOptions({ redirectUrl: returnUrl, connectOptions: { completion: 'redirect' } }))
})

for (const button of buttons) button.disabled = false
say('Choose how to connect.')
