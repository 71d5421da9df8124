// The sandbox's hosted Connect page. It speaks protocol v1 (docs/protocol.md) to the app that
// opened it, or completes by redirect (docs/protocol.md#landing) — no inline script, no innerHTML: it runs under a strict CSP.
// A key sent by message counts as delivered only once the app answers `ack`; without one it goes
// to `redirectUrl` instead (docs/key-delivery.md#without-an-ack).
const params = new URL(window.location.href).searchParams
const linkToken = params.get('link_token') ?? ''
const state = params.get('texture_state')
const appOrigin = readOrigin(params.get('texture_origin'))
const mode = params.get('texture_mode')
const completionOverride = params.get('completion')

const element = (id) => document.getElementById(id)
let link
let completion
let finished = false
// How long a `success` waits for the app's `ack` before the key takes the redirect instead.
const ackTimeout = 2000

/** The window the SDK lives in: the opener of a popup, the parent of an iframe. */
function appWindow() {
  if (mode === 'iframe') return window.parent !== window ? window.parent : null
  if (mode === 'popup') return window.opener ?? null
  return window.opener ?? (window.parent !== window ? window.parent : null)
}

/** Posts one protocol v1 message to the app — only ever to its exact origin, never to '*'. */
function post(type, fields = {}) {
  const target = appWindow()
  if (target === null || state === null || appOrigin === null) return false
  target.postMessage({ source: 'texture-connect', version: 1, state, type, ...fields }, appOrigin)
  return true
}

/**
 * Resolves true once the app acknowledges this session's terminal message: `ack` from the app's
 * exact origin and window, with this `state` — the checks the SDK applies the other way.
 */
function waitForAck() {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(false), ackTimeout)
    const onMessage = (event) => {
      const data = event.data
      if (event.origin !== appOrigin || event.source === null || event.source !== appWindow()) return
      if (typeof data !== 'object' || data === null || data.source !== 'texture-connect' || data.version !== 1 || data.state !== state || data.type !== 'ack') return
      finish(true)
    }
    function finish(acknowledged) {
      clearTimeout(timer)
      window.removeEventListener('message', onMessage)
      resolve(acknowledged)
    }
    window.addEventListener('message', onMessage)
  })
}

/** Sends the key to `redirectUrl` with `texture_scoped_key`, Texture's documented completion. */
function returnWithKey(scopedKey) {
  const target = new URL(link.redirectUrl)
  target.searchParams.set('texture_scoped_key', scopedKey)
  window.location.replace(target.toString())
}

function readOrigin(value) {
  if (value === null) return null
  try {
    const url = new URL(value)
    return url.origin === value && (url.protocol === 'http:' || url.protocol === 'https:') ? value : null
  } catch {
    return null
  }
}

/** `?completion=` wins, then the link's `completion`, then: messages when the SDK opened this page, else redirect. */
function chooseCompletion(description) {
  if (completionOverride === 'message' || completionOverride === 'redirect') return completionOverride
  if (description.completion === 'message' || description.completion === 'redirect') return description.completion
  return state !== null && appOrigin !== null && appWindow() !== null ? 'message' : 'redirect'
}

function showProblem(message) {
  const problem = element('problem')
  problem.textContent = message
  problem.hidden = false
}

function say(message) {
  element('status').textContent = message
}

function fail(code, message) {
  showProblem(message)
  if (completion === 'message') post('error', { error: { code, message } })
}

function radio(name, value, text, onChange) {
  const label = document.createElement('label')
  const input = document.createElement('input')
  input.type = 'radio'
  input.name = name
  input.value = value
  input.required = true
  input.addEventListener('change', onChange)
  label.append(input, document.createTextNode(text))
  return label
}

function selected(name) {
  return document.querySelector(`input[name="${name}"]:checked`)?.value
}

function refreshApprove() {
  const needsUser = link.userChoices.length > 0
  element('approve').disabled = finished || selected('manufacturer') === undefined || (needsUser && selected('user') === undefined)
}

function onManufacturerChosen() {
  const manufacturer = link.manufacturers.find((candidate) => candidate.slug === selected('manufacturer'))
  if (manufacturer === undefined) return
  element('shares').replaceChildren(...manufacturer.shares.map((share) => Object.assign(document.createElement('li'), { textContent: share })))
  element('sharing').hidden = false
  refreshApprove()
  post('event', { name: 'MANUFACTURER_SELECTED', metadata: { manufacturer: manufacturer.slug } })
}

function render() {
  element('intro').textContent =
    link.connectingAs === undefined
      ? `${link.clientName} would like to connect your energy devices through Texture.`
      : `${link.clientName} would like to connect ${link.connectingAs.name}'s energy devices through Texture.`
  element('client-name-sharing').textContent = link.clientName
  if (link.userChoices.length > 0) {
    element('users').replaceChildren(...link.userChoices.map((user) => radio('user', user.referenceId, `${user.name} (${user.referenceId})`, refreshApprove)))
    element('user-choice').hidden = false
  }
  element('manufacturers').replaceChildren(...link.manufacturers.map((manufacturer) => radio('manufacturer', manufacturer.slug, manufacturer.name, onManufacturerChosen)))
  element('simulate-row').hidden = completion !== 'message'
  element('connect-form').hidden = false
  element('title').focus()
}

async function approve(event) {
  event.preventDefault()
  if (finished) return
  finished = true
  refreshApprove()
  say('Connecting…')
  const response = await fetch('/connect/approve', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ linkToken, manufacturer: selected('manufacturer'), referenceId: selected('user') }),
  })
  const result = await response.json().catch(() => ({ code: 'bad-response', message: 'The sandbox answered something unreadable.' }))
  if (!response.ok) {
    say('')
    return fail(result.code ?? 'approve-failed', result.message ?? 'Connecting failed.')
  }
  if (completion === 'message') {
    const acknowledged = waitForAck()
    const sent = post('success', { scopedKey: result.scopedKey, metadata: { referenceId: result.referenceId, customerId: result.customerId, manufacturer: selected('manufacturer') } })
    if (sent && (await acknowledged)) return say('Connected. You can close this window.')
    // No app answered (its tab reloaded or closed): the key must not stay here, unclaimed.
    if (link.redirectUrl === undefined) return say('Connected, but the app did not answer. Go back to the app and connect again.')
    say('Connected. Returning to the app…')
    return returnWithKey(result.scopedKey)
  }
  say('Connected. Returning to the app…')
  returnWithKey(result.scopedKey)
}

function cancel() {
  if (finished) return
  finished = true
  refreshApprove()
  say('Cancelled.')
  if (completion === 'message') {
    post('exit', { reason: 'user-cancelled' })
  } else if (link?.redirectUrl !== undefined) {
    // The redirect leg carries no key: the app sees a return without `texture_scoped_key`.
    window.location.replace(link.redirectUrl)
  } else {
    window.close()
  }
}

async function start() {
  completion = chooseCompletion({})
  post('ready')
  if (linkToken === '') return fail('link-missing', 'This page needs a Connect link (`?link_token=…`). Ask the app for one.')
  const response = await fetch(`/connect/link?link_token=${encodeURIComponent(linkToken)}`)
  const body = await response.json().catch(() => ({}))
  completion = chooseCompletion(response.ok ? body : {})
  if (!response.ok) return fail(body.code ?? 'link-failed', body.message ?? 'This Connect link could not be loaded.')
  link = body
  if (completion === 'message' && (state === null || appOrigin === null || appWindow() === null)) {
    if (link.redirectUrl === undefined) return fail('no-app-window', 'This page was not opened by the app, so it cannot hand the key back. Start again from the app.')
    completion = 'redirect'
  }
  if (completion === 'redirect' && link.redirectUrl === undefined) return fail('no-redirect-url', 'This Connect link has no `redirectUrl` to return to.')
  render()
}

element('connect-form').addEventListener('submit', (event) => void approve(event))
element('cancel').addEventListener('click', cancel)
element('simulate-error').addEventListener('click', () => {
  finished = true
  refreshApprove()
  fail('sandbox-error', 'A simulated failure of the hosted flow.')
})
// In an iframe the app never sees keys pressed here, so Escape is handled on this side.
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && link !== undefined) cancel()
})
start().catch((error) => fail('hosted-error', `The hosted page failed: ${error.message}`))
