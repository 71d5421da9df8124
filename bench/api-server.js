import { once } from 'node:events'
import { createServer } from 'node:http'

function device(index) {
  return {
    id: `dev_${index}`,
    name: `Battery ${index}`,
    type: 'battery',
    manufacturer: 'tesla',
    model: 'Powerwall 2',
    createdAt: '2025-01-01T00:00:00.000Z',
    state: { chargePercentage: 50 + (index % 50), backupReserve: 20, chargingState: 'idle', lastUpdatedAt: '2025-01-01T00:00:00.000Z' },
  }
}

/**
 * A stand-in for the Texture API on 127.0.0.1 (ephemeral port) with just what the benchmarks call:
 * `GET /v1/devices/{id}` and `GET /v1/devices?page&perPage` over `deviceCount` devices, made
 * on the fly page by page. Requests without `scopedKey` in `Texture-Api-Key` get a 401.
 */
export async function startApiServer(scopedKey) {
  let deviceCount = 0
  const oneDevice = JSON.stringify(device(0))
  const send = (response, status, body) => response.writeHead(status, { 'content-type': 'application/json' }).end(body)
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1')
    if (request.headers['texture-api-key'] !== scopedKey) return send(response, 401, '{"code":"unauthorized","message":"no key"}')
    if (url.pathname === '/v1/devices') {
      const page = Number(url.searchParams.get('page') ?? 1)
      const perPage = Number(url.searchParams.get('perPage') ?? 20)
      const data = []
      for (let index = (page - 1) * perPage; index < Math.min(page * perPage, deviceCount); index += 1) data.push(device(index))
      return send(response, 200, JSON.stringify({ data, page, perPage, totalItems: deviceCount, totalPages: Math.ceil(deviceCount / perPage) }))
    }
    if (url.pathname.startsWith('/v1/devices/')) return send(response, 200, oneDevice)
    return send(response, 404, '{"code":"not_found","message":"no route"}')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/v1`,
    setDeviceCount(count) {
      deviceCount = count
    },
    close() {
      server.close()
      server.closeAllConnections()
    },
  }
}
