// The redirectUrl page. handleRedirect() runs first, before anything else reads the address: it
// removes `texture_scoped_key` from the address bar (history.replaceState), then
//  - in a popup the SDK opened: hands the key to the opening page, closes the popup, returns null;
//  - after a full-page redirect: returns { scopedKey } to this page;
//  - with no key in the address (Connect was cancelled, or the page was opened directly): null.
import { TextureConnect } from '/esm/texture-connect.js'
import { showDashboard } from './dashboard.js'
import { loadSandboxSettings, say } from './sandbox-settings.js'

let result = null
let problem
try {
  result = TextureConnect.handleRedirect()
} catch (error) {
  // The parameter was there but was not a scoped key; it is already gone from the address.
  problem = `Connect returned something unexpected: ${error.message}`
}

if (result !== null) {
  // In your app: POST result.scopedKey to your backend (in the body, never a URL), store it
  // against the signed-in user, then carry on — e.g. window.location.replace('/devices').
  const sandbox = await loadSandboxSettings()
  await showDashboard(document.getElementById('dashboard'), { scopedKey: result.scopedKey, apiUrl: sandbox.apiUrl }).catch((error) =>
    say(`Could not load your devices: ${error.message}`),
  )
} else {
  say(problem ?? 'No devices were connected on this page. If you cancelled, nothing was shared.')
}
