// The redirectUrl page. handleRedirect() runs first, before anything else reads the address: it
// removes `texture_scoped_key` from the address bar (history.replaceState), then
//  - in a popup the SDK opened: hands the key to the opening page and returns null; the popup
//    closes once that page's session confirms. If no session confirms within about 1.5 s (the
//    app's tab was reloaded or closed meanwhile), the popup stays open and `onUnclaimed` gets
//    the key here instead, so it is never lost;
//  - after a full-page redirect: returns { scopedKey } to this page;
//  - with no key in the address (Connect was cancelled, or the page was opened directly): null.
import { TextureConnect } from '/esm/texture-connect.js'
import { showDashboard } from './dashboard.js'
import { loadSandboxSettings, say } from './sandbox-settings.js'

/** This page owns the key: in your app, POST it to your backend (in the body, never a URL) and store it against the signed-in user. */
async function useKey({ scopedKey }) {
  const sandbox = await loadSandboxSettings()
  await showDashboard(document.getElementById('dashboard'), { scopedKey, apiUrl: sandbox.apiUrl }).catch((error) => say(`Could not load your devices: ${error.message}`))
}

const hadKey = new URLSearchParams(window.location.search).has('texture_scoped_key')
let result = null
let problem
try {
  result = TextureConnect.handleRedirect({ onUnclaimed: useKey })
} catch (error) {
  // The parameter was there but was not a scoped key; it is already gone from the address.
  problem = `Connect returned something unexpected: ${error.message}`
}

if (result !== null) await useKey(result)
else if (problem !== undefined) say(problem)
else if (hadKey) say('Handing the connection to the page that opened this window…')
else say('No devices were connected on this page. If you cancelled, nothing was shared.')
