/**
 * The sandbox's settings: its public Connect key and where its stand-ins for Texture run. In your
 * app these are constants — your Connect key, and no `apiBaseUrl` / `baseUrl` at all (they
 * default to Texture's).
 *
 * @returns {Promise<{ connectKey: string, connectApiBaseUrl: string, apiUrl: string }>}
 */
export async function loadSandboxSettings() {
  const response = await fetch('/sandbox.json')
  if (!response.ok) throw new Error(`GET /sandbox.json answered HTTP ${response.status}. Is the sandbox running (npm start)?`)
  return response.json()
}

/** Shows `message` in the page's status line. */
export function say(message) {
  document.getElementById('status').textContent = message
}
