// The script-tag example: a plain script, no build step, no inline code (it runs under the page's
// strict CSP). /dist/texture-connect.global.js, loaded just before this file, defines
// window.TextureConnect.
;(() => {
  'use strict'

  const element = (id) => document.getElementById(id)
  const connectButton = element('connect')
  const status = element('status')

  // Device ids of two sandbox users: the "someone else's device" form offers one that is not yours.
  const otherUsersDevices = ['dev_grace_iq_battery', 'dev_ada_powerwall']

  // In your app these are constants: your public Connect key, and no `apiBaseUrl` / `baseUrl` at
  // all (they default to Texture). The sandbox hands out its local stand-ins in /sandbox.json.
  let sandbox
  // The client for the user who just connected. Only ever in memory: reload the page and it is gone.
  let client

  function say(message) {
    status.textContent = message
  }

  async function loadSandboxSettings() {
    const response = await fetch('/sandbox.json')
    if (!response.ok) throw new Error(`GET /sandbox.json answered HTTP ${response.status}`)
    sandbox = await response.json()
    connectButton.disabled = false
    say('Press “Connect your devices” to start.')
  }

  connectButton.addEventListener('click', () => {
    // open() must run right here, in the click, with no `await` before it: a popup opened later
    // is blocked. With a connectKey the SDK opens the popup first, then creates the link.
    TextureConnect.open({
      connectKey: sandbox.connectKey,
      apiBaseUrl: sandbox.connectApiBaseUrl,
      connectOptions: {
        clientName: 'Script-tag example',
        // In your app, say who is connecting: `referenceId: currentUser.id`. The scoped key then
        // sees exactly that user's devices. (Left out here, the sandbox lets you pick a user.)
      },
      onEvent: ({ name }) => {
        if (name === 'READY') say('Waiting for you in the Connect window…')
      },
      onSuccess: ({ scopedKey }) => {
        // The scoped key is this user's credential for their devices. In your app:
        //  - send it to YOUR backend right away (POST over HTTPS, the key in the JSON body — never
        //    in a URL: URLs end up in server logs, browser history and Referer headers), and store
        //    it server-side against the signed-in user, like a password;
        //  - on a later visit, get it back from your backend instead of connecting again;
        //  - never console.log it, never put it in localStorage, sessionStorage or a cookie you set.
        // This example has no backend, so the key only lives in this page's memory.
        showDashboard(scopedKey).catch((error) => say(`Could not load your devices: ${error.message}`))
      },
      onExit: ({ reason }) => say(`Connect was closed (${reason}); nothing was shared. You can try again.`),
      onError: (error) => say(`Connect failed (${error.code}): ${error.message}`),
    })
  })

  async function showDashboard(scopedKey) {
    client = TextureConnect.createTextureClient({ scopedKey, baseUrl: sandbox.apiUrl })
    say('Connected. Loading your devices…')
    const list = element('devices')
    list.replaceChildren()
    const ids = new Set()
    // iterate() fetches page after page, lazily, until every device has been seen.
    for await (const device of client.devices.iterate()) {
      list.append(renderDevice(device))
      ids.add(device.id)
    }
    element('lookup-id').value = otherUsersDevices.find((id) => !ids.has(id)) ?? ''
    element('lookup-result').textContent = ''
    element('dashboard').hidden = false
    say(`Connected: ${ids.size} device${ids.size === 1 ? '' : 's'}.`)
  }

  function renderDevice(device) {
    const item = document.createElement('li')
    item.dataset.deviceId = device.id
    const name = Object.assign(document.createElement('div'), { className: 'device-name', textContent: device.name ?? device.id })
    const meta = Object.assign(document.createElement('div'), { className: 'device-meta', textContent: `${device.type} · ${device.manufacturer} · ${device.id}` })
    item.append(name, meta)
    if (device.type === 'battery') item.append(...renderReserveControls(device))
    return item
  }

  /** A battery's reserve, and a form that sends `battery:set-reserve` and follows it to the end. */
  function renderReserveControls(device) {
    const reserve = Object.assign(document.createElement('div'), { className: 'reserve' })
    const showReserve = (battery) => {
      reserve.textContent = `Backup reserve: ${battery.state?.backupReserve ?? '?'}%`
    }
    showReserve(device)

    const form = Object.assign(document.createElement('form'), { className: 'inline-form' })
    const inputId = `reserve-${device.id}`
    const label = Object.assign(document.createElement('label'), { htmlFor: inputId, textContent: 'New reserve (%)' })
    const input = Object.assign(document.createElement('input'), { id: inputId, type: 'number', min: '0', max: '100', step: '1', required: true, value: '30' })
    const button = Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Set reserve' })
    const progress = Object.assign(document.createElement('p'), { className: 'command-status' })
    progress.setAttribute('role', 'status')
    form.append(label, input, button)

    form.addEventListener('submit', async (event) => {
      event.preventDefault()
      button.disabled = true
      const chargePercentage = Number(input.value)
      try {
        // Commands are asynchronous: send() answers at once (usually `pending`); waitFor() polls
        // until the device has done it. They are never retried automatically (not idempotent).
        const command = await client.commands.send('battery:set-reserve', { deviceId: device.id, input: { chargePercentage } })
        progress.textContent = `Set reserve to ${chargePercentage}%: ${command.status}`
        const done = await client.commands.waitFor(command.id, { timeout: 30_000 })
        progress.textContent = `Set reserve to ${chargePercentage}%: ${command.status} → ${done.status}`
        if (done.status === 'failed') progress.textContent += ` (${done.error?.message ?? 'no reason given'})`
        else showReserve(await client.devices.retrieve(device.id))
      } catch (error) {
        // A failed send is not retried for you: check client.devices.commandLog() before sending again.
        progress.textContent = `Set reserve to ${chargePercentage}%: ${error.message}`
      } finally {
        button.disabled = false
      }
    })
    return [reserve, form, progress]
  }

  element('lookup').addEventListener('submit', async (event) => {
    event.preventDefault()
    const result = element('lookup-result')
    const deviceId = element('lookup-id').value.trim()
    result.className = ''
    result.textContent = 'Asking Texture…'
    try {
      const device = await client.devices.retrieve(deviceId)
      result.textContent = `${device.name ?? device.id} is yours: a ${device.type} by ${device.manufacturer}.`
    } catch (error) {
      result.className = 'refused'
      // Guards match by name too, so this works even for errors that crossed an iframe.
      if (TextureConnect.isTextureApiError(error) && error.status === 403) {
        result.textContent = `Refused with HTTP 403: that device belongs to another user. (${error.message})`
      } else if (TextureConnect.isTextureApiError(error) && error.status === 404) {
        result.textContent = `No device with that id (HTTP 404).`
      } else {
        result.textContent = `The lookup failed: ${error.message}`
      }
    }
  })

  loadSandboxSettings().catch((error) => say(`Could not load the sandbox settings: ${error.message}. Is the sandbox running (npm start)?`))
})()
