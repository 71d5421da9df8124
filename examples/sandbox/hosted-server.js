import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { sendFile, sendJson, sendText } from './static-files.js'
import { sendWebResponse, toWebRequest } from './web-bridge.js'

const hostedRoot = fileURLToPath(new URL('./hosted/', import.meta.url))

// The hosted page runs under a strict CSP: its own script and stylesheet only, no inline code.
// It may be framed by local apps (the SDK's iframe mode), and sends no referrer anywhere.
const pageHeaders = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors http://localhost:* http://127.0.0.1:*",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
}

/**
 * The hosted origin (`http://127.0.0.1:<port+1>`), a stand-in for Texture:
 *
 *   /connect?link_token=…      the hosted Connect page (`&coop=same-origin` adds that COOP header)
 *   /connect/link?link_token=  what the page shows for a link (JSON, same origin only)
 *   /connect/approve           POST { linkToken, manufacturer, referenceId? } → the scoped key (same origin only)
 *   /v1/…                      the fake device API, CORS on: the rules of src/testing, unchanged
 *
 * @param {() => { fake: import('../../dist/testing.js').FakeTextureApi, origin: string }} settings
 */
export function createHostedServer(settings) {
  return createServer((request, response) => {
    handle(request, response, settings()).catch((error) => {
      console.error('sandbox hosted server:', error)
      if (!response.headersSent) sendText(response, 500, 'The sandbox failed to answer; see its terminal.')
    })
  })
}

async function handle(request, response, { fake, origin }) {
  const url = new URL(request.url ?? '/', origin)
  const path = url.pathname
  if (path === '/v1' || path.startsWith('/v1/')) return sendWebResponse(response, await fake.handle(await toWebRequest(request, origin)))
  if (path === '/connect/link' && request.method === 'GET') return answerFlow(response, () => fake.connectFlow.describe(url.searchParams.get('link_token') ?? ''))
  if (path === '/connect/approve' && request.method === 'POST') {
    // JSON only: another origin cannot send that without a preflight, which this path never grants.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return sendText(response, 415, 'Send JSON.')
    const body = await (await toWebRequest(request, origin)).json().catch(() => ({}))
    return answerFlow(response, () => fake.connectFlow.approve(pickApproval(body)))
  }
  if (request.method !== 'GET') return sendText(response, 405, 'Method not allowed.')
  if (path === '/connect') {
    // Opt-in Cross-Origin-Opener-Policy: cuts `window.opener`, to try the SDK's redirect relay.
    const coop = url.searchParams.get('coop') === 'same-origin' ? { 'Cross-Origin-Opener-Policy': 'same-origin' } : {}
    return sendFile(response, hostedRoot, '/connect.html', { ...pageHeaders, ...coop })
  }
  if (path === '/connect.js' || path === '/connect.css') return sendFile(response, hostedRoot, path, pageHeaders)
  if (path === '/favicon.ico') return response.writeHead(204).end()
  if (path === '/') {
    response.writeHead(302, { Location: '/connect' }).end()
    return
  }
  return sendText(response, 404, 'Not found.')
}

function answerFlow(response, step) {
  try {
    return sendJson(response, 200, step())
  } catch (error) {
    if (error?.name !== 'ConnectFlowError') throw error
    return sendJson(response, error.status, { code: error.code, message: error.message })
  }
}

function pickApproval(body) {
  const text = (value) => (typeof value === 'string' && value !== '' ? value : undefined)
  const referenceId = text(body?.referenceId)
  return { linkToken: text(body?.linkToken) ?? '', manufacturer: text(body?.manufacturer) ?? '', ...(referenceId === undefined ? {} : { referenceId }) }
}
