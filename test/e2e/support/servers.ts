import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))
const dist = fileURLToPath(new URL('../../../dist/', import.meta.url))

/** A `POST /v1/connections` the fake API received. */
export interface ConnectionRequest {
  apiKey: string | undefined
  body: unknown
}

export interface TestServers {
  /** The app: `http://localhost:<port>`, serving the built script-tag SDK and the test page. */
  appOrigin: string
  /** The hosted Connect flow and the fake API: `http://127.0.0.1:<port>`. */
  hostedOrigin: string
  /** The same hosted server reached as `http://localhost:<port>`: a different origin, for forgeries. */
  lookAlikeOrigin: string
  connectionRequests: ConnectionRequest[]
  close(): Promise<void>
}

type Routes = Record<string, { file: string; type: string }>

const appRoutes: Routes = {
  '/': { file: `${fixtures}app.html`, type: 'text/html' },
  '/app.js': { file: `${fixtures}app.js`, type: 'text/javascript' },
  '/texture-connect.global.js': { file: `${dist}texture-connect.global.js`, type: 'text/javascript' },
}
const hostedRoutes: Routes = {
  '/hosted.html': { file: `${fixtures}hosted.html`, type: 'text/html' },
  '/hosted.js': { file: `${fixtures}hosted.js`, type: 'text/javascript' },
  '/forger.html': { file: `${fixtures}forger.html`, type: 'text/html' },
}

/** Starts the app and hosted servers on ephemeral loopback ports; `close()` stops both. */
export async function startServers(): Promise<TestServers> {
  const connectionRequests: ConnectionRequest[] = []
  const app = await listen(createServer((request, response) => void serveFile(appRoutes, request, response)))
  let hostedOrigin = ''
  let appOrigin = ''
  const hosted = await listen(
    createServer((request, response) => {
      if (request.url === '/v1/connections') void serveConnections(request, response, { appOrigin, hostedOrigin, connectionRequests })
      else void serveFile(hostedRoutes, request, response)
    }),
  )
  appOrigin = `http://localhost:${port(app)}`
  hostedOrigin = `http://127.0.0.1:${port(hosted)}`
  return {
    appOrigin,
    hostedOrigin,
    lookAlikeOrigin: `http://localhost:${port(hosted)}`,
    connectionRequests,
    close: async () => {
      await Promise.all([stop(app), stop(hosted)])
    },
  }
}

async function serveFile(routes: Routes, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const route = routes[new URL(request.url ?? '/', 'http://x').pathname]
  if (request.method !== 'GET' || route === undefined) {
    response.writeHead(404).end()
    return
  }
  const body = await readFile(route.file)
  response.writeHead(200, { 'Content-Type': `${route.type}; charset=utf-8`, 'Cache-Control': 'no-store' }).end(body)
}

interface ConnectionsContext {
  appOrigin: string
  hostedOrigin: string
  connectionRequests: ConnectionRequest[]
}

/** The fake `POST /v1/connections`, with CORS for the app origin only. */
async function serveConnections(request: IncomingMessage, response: ServerResponse, context: ConnectionsContext): Promise<void> {
  const cors = {
    'Access-Control-Allow-Origin': context.appOrigin,
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': 'Texture-Api-Key, Content-Type, Accept',
    Vary: 'Origin',
  }
  if (request.method === 'OPTIONS') {
    response.writeHead(204, cors).end()
    return
  }
  if (request.method !== 'POST') {
    response.writeHead(405, cors).end()
    return
  }
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const apiKey = request.headers['texture-api-key']
  context.connectionRequests.push({ apiKey: typeof apiKey === 'string' ? apiKey : undefined, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
  const linkUrl = `${context.hostedOrigin}/hosted.html?token=lt_e2e`
  response.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify({ linkToken: 'lt_e2e', linkUrl }))
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}

function port(server: Server): number {
  return (server.address() as AddressInfo).port
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
}
