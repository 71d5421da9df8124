// The React example: `useTextureConnect` from `texture-connect/react`, rendered in <StrictMode>.
// In your app, import exactly as here; the sandbox bundles this file with esbuild as /react/app.js.
import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { createTextureClient, type ConnectSuccess, type Device } from 'texture-connect'
import { useTextureConnect } from 'texture-connect/react'

/** The sandbox's public Connect key and stand-in URLs. In your app: constants, and no base URLs at all. */
interface SandboxSettings {
  connectKey: string
  connectApiBaseUrl: string
  apiUrl: string
}

function useSandboxSettings(): SandboxSettings | null {
  const [settings, setSettings] = useState<SandboxSettings | null>(null)
  useEffect(() => {
    let current = true
    fetch('/sandbox.json')
      .then((response) => response.json() as Promise<SandboxSettings>)
      .then((loaded) => current && setSettings(loaded))
    return () => {
      current = false
    }
  }, [])
  return settings
}

function ConnectPanel({ settings, onConnected }: { settings: SandboxSettings | null; onConnected: (success: ConnectSuccess) => void }) {
  const { open, close, isOpen, ready, result, error } = useTextureConnect({
    // Not ready (the button stays disabled) until the settings have loaded. With a backend, pass
    // `linkUrl: () => fetch('/api/texture-link', { method: 'POST' }).then((r) => r.text())` instead.
    connectKey: settings?.connectKey,
    apiBaseUrl: settings?.connectApiBaseUrl,
    // In your app, say who connects (`referenceId: currentUser.id`); left out, the sandbox lets you pick.
    connectOptions: { clientName: 'React example' },
    onSuccess: (success) => {
      // In your app: POST success.scopedKey to your backend now (over HTTPS, in the JSON body —
      // never in a URL, which lands in server logs, history and Referer headers) and store it there
      // against the signed-in user. Never log it; keep it out of localStorage, sessionStorage and
      // cookies. The sandbox has no backend of yours, so here it stays in this page's memory.
      onConnected(success)
    },
  })
  const status = isOpen
    ? 'Waiting for you in the Connect popup…'
    : error
      ? `Connect failed (${error.code}): ${error.message}`
      : result
        ? 'Connected.'
        : 'Connect a device to see it here.'
  return (
    <section aria-label="Connect">
      <div className="actions">
        {/* open() runs straight in the click: the popup opens before anything is awaited. */}
        <button type="button" id="connect" disabled={!ready} onClick={open}>
          {isOpen ? 'Show the Connect popup' : 'Connect your devices'}
        </button>
        {isOpen && (
          <button type="button" className="secondary" onClick={close}>
            Cancel
          </button>
        )}
      </div>
      <p id="status" role="status" aria-live="polite" className={error ? 'failed' : undefined}>
        {status}
      </p>
    </section>
  )
}

function Devices({ connection, apiUrl }: { connection: ConnectSuccess; apiUrl: string }) {
  const [devices, setDevices] = useState<Device[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    const client = createTextureClient({ scopedKey: connection.scopedKey, baseUrl: apiUrl })
    client.devices.list({ perPage: 100 }, { signal: abort.signal }).then(
      (page) => setDevices(page.data),
      (error: Error) => abort.signal.aborted || setProblem(error.message),
    )
    return () => abort.abort()
  }, [connection, apiUrl])
  if (problem !== null) return <p className="failed">Could not load your devices: {problem}</p>
  if (devices === null) return <p>Loading your devices…</p>
  return (
    <section aria-labelledby="devices-title">
      {/* Show a hint of the key, never the key itself. */}
      <h2 id="devices-title">
        Your devices <small>(key {connection.scopedKey.slice(0, 7)}…{connection.scopedKey.slice(-4)})</small>
      </h2>
      <ul className="devices" id="devices">
        {devices.map((device) => (
          <li key={device.id} data-device-id={device.id}>
            <strong>{device.name ?? device.id}</strong>
            <div className="device-meta">
              {device.type} · {device.manufacturer}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}

function KeyHandling() {
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">Handling the scoped key</h2>
      <ul>
        <li>The scoped key sees one user's devices only, so it may be used in that user's browser.</li>
        <li>Send it to your backend right away (POST, in the body, over HTTPS) and store it server-side against the user, so they connect once.</li>
        <li>Keep keys out of URLs and logs: a URL lands in history, server logs and Referer headers.</li>
        <li>Do not put it in localStorage, sessionStorage or cookies; never ship a workspace <code>api_</code> key to a browser.</li>
      </ul>
      <p>Switching tab unmounts the Connect panel: a popup still open closes with it.</p>
    </section>
  )
}

function App() {
  const settings = useSandboxSettings()
  const [tab, setTab] = useState<'connect' | 'keys'>('connect')
  const [connection, setConnection] = useState<ConnectSuccess | null>(null)
  return (
    <>
      <h1>React</h1>
      <p>
        <code>useTextureConnect()</code> from <code>texture-connect/react</code>, inside <code>&lt;StrictMode&gt;</code>.
      </p>
      <nav aria-label="Example">
        <button type="button" aria-current={tab === 'connect' ? 'page' : undefined} onClick={() => setTab('connect')}>
          Connect
        </button>
        <button type="button" id="tab-keys" aria-current={tab === 'keys' ? 'page' : undefined} onClick={() => setTab('keys')}>
          Key handling
        </button>
      </nav>
      {tab === 'connect' ? <ConnectPanel settings={settings} onConnected={setConnection} /> : <KeyHandling />}
      {tab === 'connect' && connection !== null && settings !== null && <Devices connection={connection} apiUrl={settings.apiUrl} />}
    </>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
