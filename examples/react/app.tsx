// The React example: `useTextureConnect` from `texture-connect/react`, rendered in <StrictMode>.
// In your app, import exactly as here; the sandbox bundles this file with esbuild as /react/app.js.
import { StrictMode, useEffect, useId, useMemo, useState, type FormEvent } from 'react'
import { createRoot } from 'react-dom/client'
import { createTextureClient, isTextureApiError, type BatteryDevice, type ConnectSuccess, type Device, type TextureClient } from 'texture-connect'
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
  const status = isOpen ? 'Waiting for you in the Connect popup…' : error ? `Connect failed (${error.code}): ${error.message}` : result ? 'Connected.' : 'Connect a device to see it here.'
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

// Device ids of two sandbox users: "Someone else's device" offers the one that is not yours.
const otherUsersDevices = ['dev_grace_iq_battery', 'dev_ada_powerwall']

function Devices({ connection, apiUrl }: { connection: ConnectSuccess; apiUrl: string }) {
  // The key lives only inside this client, in memory: never render, log or store any part of it.
  const client = useMemo(() => createTextureClient({ scopedKey: connection.scopedKey, baseUrl: apiUrl }), [connection, apiUrl])
  const [devices, setDevices] = useState<Device[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    client.devices.list({ perPage: 100 }, { signal: abort.signal }).then(
      (page) => setDevices(page.data),
      (error: Error) => abort.signal.aborted || setProblem(error.message),
    )
    return () => abort.abort()
  }, [client])
  if (problem !== null) return <p className="failed">Could not load your devices: {problem}</p>
  if (devices === null) return <p>Loading your devices…</p>
  const replace = (updated: Device) => setDevices((list) => list && list.map((device) => (device.id === updated.id ? updated : device)))
  return (
    <>
      <section aria-labelledby="devices-title">
        <h2 id="devices-title">Your devices</h2>
        <ul className="devices" id="devices">
          {devices.map((device) => (
            <li key={device.id} data-device-id={device.id}>
              <strong>{device.name ?? device.id}</strong>
              <div className="device-meta">
                {device.type} · {device.manufacturer} · {device.id}
              </div>
              {device.type === 'battery' && <ReserveControl client={client} battery={device} onUpdated={replace} />}
            </li>
          ))}
        </ul>
      </section>
      <OtherUsersDevice client={client} suggestedId={otherUsersDevices.find((id) => !devices.some((device) => device.id === id)) ?? ''} />
    </>
  )
}

/** A battery's reserve, and a form that sends `battery:set-reserve` and follows it to the end. */
function ReserveControl({ client, battery, onUpdated }: { client: TextureClient; battery: BatteryDevice; onUpdated: (device: Device) => void }) {
  const inputId = useId()
  const [percent, setPercent] = useState('30')
  const [progress, setProgress] = useState('')
  const [busy, setBusy] = useState(false)
  async function setReserve(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const chargePercentage = Number(percent)
    const say = (text: string) => setProgress(`Set reserve to ${chargePercentage}%: ${text}`)
    try {
      // Commands are asynchronous: send() answers at once (usually `pending`); waitFor() polls
      // until the device has done it. They are never retried automatically (not idempotent).
      const command = await client.commands.send('battery:set-reserve', { deviceId: battery.id, input: { chargePercentage } })
      say(command.status)
      const done = await client.commands.waitFor(command.id, { timeout: 30_000 })
      if (done.status === 'failed') say(`${command.status} → failed (${done.error?.message ?? 'no reason given'})`)
      else {
        say(`${command.status} → ${done.status}`)
        onUpdated(await client.devices.retrieve(battery.id))
      }
    } catch (error) {
      // A failed send is not retried for you: check client.devices.commandLog() before sending again.
      say((error as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <div className="reserve">Backup reserve: {battery.state?.backupReserve ?? '?'}%</div>
      <form className="inline-form" onSubmit={setReserve}>
        <label htmlFor={inputId}>New reserve (%)</label>
        <input id={inputId} type="number" min={0} max={100} step={1} required value={percent} onChange={(event) => setPercent(event.target.value)} />
        <button type="submit" disabled={busy}>
          Set reserve
        </button>
      </form>
      <p className="command-status" role="status">
        {progress}
      </p>
    </>
  )
}

/** Looks a device up by id: another user's device is refused with 403. */
function OtherUsersDevice({ client, suggestedId }: { client: TextureClient; suggestedId: string }) {
  const [deviceId, setDeviceId] = useState(suggestedId)
  const [result, setResult] = useState<{ text: string; refused: boolean } | null>(null)
  async function lookUp(event: FormEvent) {
    event.preventDefault()
    setResult({ text: 'Asking Texture…', refused: false })
    try {
      const device = await client.devices.retrieve(deviceId.trim())
      setResult({ text: `${device.name ?? device.id} is yours: a ${device.type} by ${device.manufacturer}.`, refused: false })
    } catch (error) {
      // isTextureApiError() matches by name too, so it works even for errors from another realm.
      const text =
        isTextureApiError(error) && error.status === 403
          ? `Refused with HTTP 403: that device belongs to another user. (${error.message})`
          : isTextureApiError(error) && error.status === 404
            ? 'No device with that id (HTTP 404).'
            : `The lookup failed: ${(error as Error).message}`
      setResult({ text, refused: true })
    }
  }
  return (
    <section aria-labelledby="lookup-title">
      <h2 id="lookup-title">Someone else's device</h2>
      <p>A scoped key sees only the devices of the user who connected. Ask for a device of another user and Texture answers 403:</p>
      <form className="inline-form" id="lookup" onSubmit={lookUp}>
        <label htmlFor="lookup-id">Device id</label>
        <input id="lookup-id" required autoComplete="off" spellCheck={false} value={deviceId} onChange={(event) => setDeviceId(event.target.value)} />
        <button type="submit">Try another user's device</button>
      </form>
      <p id="lookup-result" role="status" className={result?.refused ? 'failed' : undefined}>
        {result?.text}
      </p>
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
        <li>
          Do not put it in localStorage, sessionStorage or cookies; never ship a workspace <code>api_</code> key to a browser.
        </li>
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
