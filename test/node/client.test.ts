import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ForbiddenError, ServerError, TextureNetworkError, createTextureClient, type Device } from '../../src/index'

// The whole client against a real HTTP server on 127.0.0.1, through Node's real fetch: no msw.

const workspaceKey = 'api_node_server_key_123'
const devices: Device[] = Array.from({ length: 5 }, (_, index) => ({ id: `dev_${index + 1}`, type: 'vehicle', manufacturer: 'tesla', state: { chargeLimit: 80 } }))

interface Seen {
  method: string
  url: string
  key: string | undefined
  body: string
}

let server: Server
let baseUrl: string
const seen: Seen[] = []
let failNextWith: number | undefined
let polls = 0

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  let body = ''
  for await (const chunk of request) body += String(chunk)
  const url = new URL(request.url ?? '/', 'http://127.0.0.1')
  seen.push({ method: request.method ?? '', url: url.pathname + url.search, key: request.headers['texture-api-key'] as string | undefined, body })
  if (request.headers['texture-api-key'] !== workspaceKey) return send(response, 401, { code: 'invalid-api-key', message: 'Unknown key' })
  if (failNextWith !== undefined) {
    const status = failNextWith
    failNextWith = undefined
    return send(response, status, { code: 'server-error', message: 'Try again' }, { 'Retry-After': '0', 'X-Request-Id': 'req_node_1' })
  }
  if (request.method === 'GET' && url.pathname === '/v1/devices') {
    const page = Number(url.searchParams.get('page') ?? 1)
    const perPage = Number(url.searchParams.get('perPage') ?? 20)
    return send(response, 200, { data: devices.slice((page - 1) * perPage, page * perPage), page, perPage, totalItems: devices.length, totalPages: Math.ceil(devices.length / perPage) })
  }
  if (request.method === 'GET' && url.pathname.startsWith('/v1/devices/')) {
    const id = decodeURIComponent(url.pathname.slice('/v1/devices/'.length))
    const device = devices.find((candidate) => candidate.id === id)
    return device ? send(response, 200, device) : send(response, 403, { code: 'forbidden', message: 'Not your device' }, { 'X-Request-Id': 'req_403' })
  }
  if (request.method === 'POST' && url.pathname === '/v1/commands/vehicle/set-charge-limit') {
    return send(response, 201, { id: 'cmd_9', status: 'pending', deviceId: JSON.parse(body).deviceId, command: 'vehicle:set-charge-limit', createdAt: new Date().toISOString() })
  }
  if (request.method === 'GET' && url.pathname === '/v1/commands/cmd_9') {
    polls += 1
    return send(response, 200, { id: 'cmd_9', status: polls < 3 ? 'pending' : 'completed', deviceId: 'dev_1', command: 'vehicle:set-charge-limit', createdAt: '2026-01-01T00:00:00Z' })
  }
  send(response, 404, { message: 'No route' })
}

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
})

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
})

beforeEach(() => {
  seen.length = 0
  failNextWith = undefined
  polls = 0
})

function client() {
  return createTextureClient({ scopedKey: workspaceKey, baseUrl, retry: { delay: () => 1 } })
}

describe('in Node', () => {
  it('accepts a key that is not a scoped key (a server may use its workspace key)', () => {
    expect(() => createTextureClient({ scopedKey: workspaceKey })).not.toThrow()
    expect(() => createTextureClient({ scopedKey: 'anything-non-empty' })).not.toThrow()
  })

  it('still refuses an empty key', () => {
    expect(() => createTextureClient({ scopedKey: '' })).toThrow(/non-empty string/)
  })
})

describe('against a real HTTP server', () => {
  it('lists and iterates devices with the key header and paging query', async () => {
    const page = await client().devices.list({ perPage: 2 })
    expect(page).toMatchObject({ page: 1, perPage: 2, totalItems: 5, totalPages: 3 })
    const ids: string[] = []
    for await (const device of client().devices.iterate({ perPage: 2 })) ids.push(device.id)
    expect(ids).toEqual(['dev_1', 'dev_2', 'dev_3', 'dev_4', 'dev_5'])
    expect(seen.map((request) => request.url)).toEqual(['/v1/devices?perPage=2', '/v1/devices?page=1&perPage=2', '/v1/devices?page=2&perPage=2', '/v1/devices?page=3&perPage=2'])
    expect(seen.every((request) => request.key === workspaceKey)).toBe(true)
  })

  it('retrieves a device and maps a 403 to ForbiddenError with the request id', async () => {
    expect(await client().devices.retrieve('dev_2')).toMatchObject({ id: 'dev_2', type: 'vehicle' })
    const error = await client()
      .devices.retrieve('someone/else')
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ForbiddenError)
    expect(error).toMatchObject({ status: 403, code: 'forbidden', requestId: 'req_403' })
    expect(seen[1]!.url).toBe('/v1/devices/someone%2Felse')
  })

  it('retries a read on 503 but sends a command exactly once', async () => {
    failNextWith = 503
    expect(await client().devices.retrieve('dev_1')).toMatchObject({ id: 'dev_1' })
    expect(seen).toHaveLength(2)

    seen.length = 0
    failNextWith = 503
    const error = await client()
      .commands.send('vehicle:set-charge-limit', { deviceId: 'dev_1', input: { chargeLimit: 80 } })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ServerError)
    expect(error).toMatchObject({ requestId: 'req_node_1', retryAfter: 0 })
    expect(seen).toHaveLength(1)
  })

  it('sends a command and waits for it to complete', async () => {
    const command = await client().commands.send('vehicle:set-charge-limit', { deviceId: 'dev_1', input: { chargeLimit: 80 } })
    expect(command).toMatchObject({ id: 'cmd_9', status: 'pending', deviceId: 'dev_1' })
    expect(JSON.parse(seen[0]!.body)).toEqual({ deviceId: 'dev_1', input: { chargeLimit: 80 } })
    const done = await client().commands.waitFor(command.id, { interval: 5 })
    expect(done.status).toBe('completed')
    expect(polls).toBe(3)
  })

  it('reports a refused connection as a TextureNetworkError after retrying', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const error = await createTextureClient({ scopedKey: workspaceKey, baseUrl: `http://127.0.0.1:${port}/v1`, retry: { limit: 1, delay: () => 1 } })
      .devices.list()
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TextureNetworkError)
    expect((error as Error).message).not.toContain(workspaceKey)
  })
})
