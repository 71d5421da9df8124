// The signed-in part of the example: the user's devices, a command that runs to the end, and
// what Texture says when a page asks for another user's device. Built with DOM calls only (no
// innerHTML): it runs under the page's strict CSP and never interprets API data as markup.
import { createTextureClient, isTextureApiError } from '/esm/texture-connect.js'
import { say } from './sandbox-settings.js'

// Device ids of two sandbox users: the "someone else's device" form offers one that is not yours.
const otherUsersDevices = ['dev_grace_iq_battery', 'dev_ada_powerwall']

/**
 * Lists the devices the scoped key can see into `section` and shows it.
 *
 * The key is kept in memory only, inside the client. In your app, send it to your backend first
 * (POST, the key in the JSON body — never in a URL, which ends up in logs, history and Referer
 * headers), store it server-side against the signed-in user, and never log it or put it in
 * localStorage, sessionStorage or a cookie.
 *
 * @param {HTMLElement} section
 * @param {{ scopedKey: string, apiUrl: string }} options
 */
export async function showDashboard(section, { scopedKey, apiUrl }) {
  const client = createTextureClient({ scopedKey, baseUrl: apiUrl })
  say('Connected. Loading your devices…')
  const list = Object.assign(document.createElement('ul'), { className: 'devices', id: 'devices' })
  const ids = new Set()
  // iterate() fetches page after page, lazily, until every device has been seen.
  for await (const device of client.devices.iterate()) {
    list.append(renderDevice(client, device))
    ids.add(device.id)
  }
  section.replaceChildren(heading('Your devices'), list, ...renderLookup(client, otherUsersDevices.find((id) => !ids.has(id)) ?? ''))
  section.hidden = false
  say(`Connected: ${ids.size} device${ids.size === 1 ? '' : 's'}.`)
}

function heading(text) {
  return Object.assign(document.createElement('h2'), { textContent: text })
}

function renderDevice(client, device) {
  const item = document.createElement('li')
  item.dataset.deviceId = device.id
  item.append(
    Object.assign(document.createElement('div'), { className: 'device-name', textContent: device.name ?? device.id }),
    Object.assign(document.createElement('div'), { className: 'device-meta', textContent: `${device.type} · ${device.manufacturer} · ${device.id}` }),
  )
  if (device.type === 'battery') item.append(...renderReserveControls(client, device))
  return item
}

/** A battery's reserve, and a form that sends `battery:set-reserve` and follows it to the end. */
function renderReserveControls(client, device) {
  const reserve = Object.assign(document.createElement('div'), { className: 'reserve' })
  const showReserve = (battery) => {
    reserve.textContent = `Backup reserve: ${battery.state?.backupReserve ?? '?'}%`
  }
  showReserve(device)

  const form = Object.assign(document.createElement('form'), { className: 'inline-form' })
  const inputId = `reserve-${device.id}`
  const input = Object.assign(document.createElement('input'), { id: inputId, type: 'number', min: '0', max: '100', step: '1', required: true, value: '30' })
  const button = Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Set reserve' })
  form.append(Object.assign(document.createElement('label'), { htmlFor: inputId, textContent: 'New reserve (%)' }), input, button)
  const progress = Object.assign(document.createElement('p'), { className: 'command-status' })
  progress.setAttribute('role', 'status')

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

/** A form that looks a device up by id: another user's device is refused with 403. */
function renderLookup(client, suggestedId) {
  const intro = Object.assign(document.createElement('p'), {
    textContent: 'A scoped key sees only the devices of the user who connected. Ask for a device of another user and Texture answers 403:',
  })
  const form = Object.assign(document.createElement('form'), { className: 'inline-form', id: 'lookup' })
  const input = Object.assign(document.createElement('input'), { id: 'lookup-id', required: true, autocomplete: 'off', spellcheck: false, value: suggestedId })
  const button = Object.assign(document.createElement('button'), { type: 'submit', textContent: "Try another user's device" })
  form.append(Object.assign(document.createElement('label'), { htmlFor: 'lookup-id', textContent: 'Device id' }), input, button)
  const result = Object.assign(document.createElement('p'), { id: 'lookup-result' })
  result.setAttribute('role', 'status')

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    result.className = ''
    result.textContent = 'Asking Texture…'
    try {
      const device = await client.devices.retrieve(input.value.trim())
      result.textContent = `${device.name ?? device.id} is yours: a ${device.type} by ${device.manufacturer}.`
    } catch (error) {
      result.className = 'refused'
      if (isTextureApiError(error) && error.status === 403) {
        result.textContent = `Refused with HTTP 403: that device belongs to another user. (${error.message})`
      } else if (isTextureApiError(error) && error.status === 404) {
        result.textContent = 'No device with that id (HTTP 404).'
      } else {
        result.textContent = `The lookup failed: ${error.message}`
      }
    }
  })
  return [heading("Someone else's device"), intro, form, result]
}
