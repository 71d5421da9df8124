import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { bundleForBrowsers } from './browser-bundle.js'
import { findExamples, renderIndexPage } from './index-page.js'
import { bundleTsxExample } from './tsx-bundle.js'
import { sendFile, sendJson, sendText } from './static-files.js'

const examplesRoot = fileURLToPath(new URL('../', import.meta.url))
const distRoot = fileURLToPath(new URL('../../dist/', import.meta.url))
const stylesheet = fileURLToPath(new URL('./index.css', import.meta.url))

/**
 * The app origin (`http://localhost:<port>`): the example pages, the built SDK and the settings
 * the pages need to reach the hosted flow and the API.
 *
 *   /                          the list of examples
 *   /<example>/…               files of examples/<example>/ (never examples/sandbox/)
 *   /<example>/<name>.js       examples/<example>/<name>.tsx bundled with esbuild when there is no .js (the React example)
 *   /dist/…                    the built SDK as published (dist/texture-connect.global.js for a script tag)
 *   /esm/texture-connect.js    dist/index.js with ky bundled in, for `<script type="module">`
 *   /sandbox.json              { appUrl, hostedUrl, apiUrl, connectApiBaseUrl, connectKey, users, manufacturers }
 *
 * @param {() => { appUrl: string, hostedUrl: string, apiUrl: string, connectKey: string, users: Array<{ name: string, referenceId: string }>, manufacturers: unknown[] }} settings
 */
export function createAppServer(settings) {
  return createServer((request, response) => {
    handle(request, response, settings()).catch((error) => {
      console.error('sandbox app server:', error)
      if (!response.headersSent) sendText(response, 500, 'The sandbox failed to answer; see its terminal.')
    })
  })
}

async function handle(request, response, settings) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'The app origin serves files only.')
  const path = new URL(request.url ?? '/', 'http://sandbox').pathname
  if (path === '/') {
    const html = renderIndexPage({ ...settings, examples: await findExamples(examplesRoot) })
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    return response.end(html)
  }
  if (path === '/sandbox.json') {
    const { appUrl, hostedUrl, apiUrl, connectKey, users, manufacturers } = settings
    // connectApiBaseUrl is what `TextureConnect.open({ apiBaseUrl })` takes: the API root with its
    // version, as the client's `baseUrl`; the SDK adds /connections.
    return sendJson(response, 200, { appUrl, hostedUrl, apiUrl, connectApiBaseUrl: `${hostedUrl}/v1`, connectKey, users, manufacturers })
  }
  if (path === '/sandbox.css') return sendFile(response, stylesheet, '')
  if (path === '/esm/texture-connect.js') {
    const code = await bundleForBrowsers(distRoot)
    response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' })
    return response.end(code)
  }
  if (path.startsWith('/dist/')) return sendFile(response, distRoot, path.slice('/dist'.length))
  if (path === '/favicon.ico') return response.writeHead(204).end()
  if (path === '/sandbox' || path.startsWith('/sandbox/')) return sendText(response, 404, 'Not found.')
  // examples/react/app.tsx is served, bundled, as /react/app.js. Pages written for Vite (Texture's
  // own examples, examples/texture-sdk/) read their Connect key from import.meta.env.
  const env = { VITE_CONNECT_API_KEY: settings.connectKey, VITE_TEXTURE_API_BASE_URL: `${settings.hostedUrl}/v1` }
  const bundled = await bundleTsxExample(examplesRoot, path, env)
  if (bundled !== null) return response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' }).end(bundled)
  return sendFile(response, examplesRoot, path)
}
