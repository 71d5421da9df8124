import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What a route answers: a body with its content type, extra headers, or a status (a redirect). */
export interface RouteResponse {
  status?: number
  type?: string
  body?: string
  headers?: Record<string, string>
}

export type RouteHandler = (url: URL, request: IncomingMessage, body: string) => RouteResponse | undefined

export interface RouteServer {
  /** `http://<host>:<port>`: `localhost` and `127.0.0.1` are two different origins on one machine. */
  origin: string
  close(): Promise<void>
}

/** An HTTP server on an ephemeral loopback port that answers from `handler` (404 when it returns nothing). */
export async function startRouteServer(host: 'localhost' | '127.0.0.1', handler: RouteHandler): Promise<RouteServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', `http://${host}`)
      const route = handler(url, request, Buffer.concat(chunks).toString('utf8'))
      if (route === undefined) {
        response.writeHead(404).end()
        return
      }
      const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...route.headers }
      if (route.type !== undefined) headers['Content-Type'] = `${route.type}; charset=utf-8`
      response.writeHead(route.status ?? 200, headers).end(route.body ?? '')
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  return {
    origin: `http://${host}:${(server.address() as AddressInfo).port}`,
    close: () => stop(server),
  }
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
}
