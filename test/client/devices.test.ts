import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { TextureError } from '../../src/index'
import { baseUrl, batteryDevice, createTestClient, rejectionOf, scopedKey, useFakeApi } from './support/api'

const { server, requests } = useFakeApi()

/** Serves `total` battery devices in pages, like the real API. */
function serveDevices(total: number) {
  const devices = Array.from({ length: total }, (_, index) => batteryDevice(`dev_${index + 1}`))
  server.use(
    http.get(`${baseUrl}/devices`, ({ request }) => {
      const url = new URL(request.url)
      const page = Number(url.searchParams.get('page') ?? 1)
      const perPage = Number(url.searchParams.get('perPage') ?? 20)
      const data = devices.slice((page - 1) * perPage, page * perPage)
      return HttpResponse.json({ data, page, perPage, totalItems: total, totalPages: Math.ceil(total / perPage) })
    }),
  )
}

describe('devices.list', () => {
  it('sends the scoped key in the Texture-Api-Key header and returns the page as sent', async () => {
    serveDevices(3)
    const page = await createTestClient().devices.list()
    expect(requests).toHaveLength(1)
    expect(requests[0]!.headers.get('Texture-Api-Key')).toBe(scopedKey)
    expect(page).toMatchObject({ page: 1, perPage: 20, totalItems: 3, totalPages: 1 })
    expect(page.data.map((device) => device.id)).toEqual(['dev_1', 'dev_2', 'dev_3'])
  })

  it('puts page, perPage and filters in the query string, leaving out what was not given', async () => {
    serveDevices(3)
    await createTestClient().devices.list({ page: 2, perPage: 1, type: 'battery' })
    const url = new URL(requests[0]!.url)
    expect(url.pathname).toBe('/v1/devices')
    expect([...url.searchParams]).toEqual([
      ['type', 'battery'],
      ['page', '2'],
      ['perPage', '1'],
    ])
  })

  it('passes fields it does not know through untouched', async () => {
    server.use(
      http.get(`${baseUrl}/devices`, () =>
        HttpResponse.json({ data: [batteryDevice('dev_1', { firmware: '24.4', state: { chargePercentage: 5, cellTemperature: 31 } })], page: 1, perPage: 20, totalItems: 1, totalPages: 1 }),
      ),
    )
    const { data } = await createTestClient().devices.list()
    expect(data[0]!.firmware).toBe('24.4')
    expect(data[0]!.state?.cellTemperature).toBe(31)
  })

  it.each([
    ['perPage', 0],
    ['perPage', 2.5],
    ['page', -1],
    ['page', '2'],
    ['perPage', Number.NaN],
  ])('refuses %s = %s before any request', async (name, value) => {
    const error = await rejectionOf(createTestClient().devices.list({ [name]: value } as never))
    expect(error).toBeInstanceOf(TextureError)
    expect((error as Error).message).toContain(`\`${name}\``)
    expect(requests).toHaveLength(0)
  })

  it('refuses an unknown device type filter', async () => {
    await expect(createTestClient().devices.list({ type: 'toaster' as never })).rejects.toThrow(/`type` must be one of/)
  })
})

describe('devices.iterate', () => {
  it('yields every device across pages', async () => {
    serveDevices(5)
    const ids: string[] = []
    for await (const device of createTestClient().devices.iterate({ perPage: 2 })) ids.push(device.id)
    expect(ids).toEqual(['dev_1', 'dev_2', 'dev_3', 'dev_4', 'dev_5'])
    expect(requests.map((request) => new URL(request.url).searchParams.get('page'))).toEqual(['1', '2', '3'])
  })

  it('fetches nothing until iterated, and the next page only when the loop reaches it', async () => {
    serveDevices(6)
    const devices = createTestClient().devices.iterate({ perPage: 2 })
    await Promise.resolve()
    expect(requests).toHaveLength(0)
    await devices.next()
    expect(requests).toHaveLength(1)
    await devices.next()
    expect(requests).toHaveLength(1)
    await devices.next()
    expect(requests).toHaveLength(2)
  })

  it('stops fetching when the loop breaks early', async () => {
    serveDevices(10)
    for await (const device of createTestClient().devices.iterate({ perPage: 2 })) {
      if (device.id === 'dev_3') break
    }
    expect(requests).toHaveLength(2)
  })

  it('starts from the page asked for and keeps the filters on every page', async () => {
    serveDevices(6)
    const ids: string[] = []
    for await (const device of createTestClient().devices.iterate({ page: 2, perPage: 2, type: 'battery' })) ids.push(device.id)
    expect(ids).toEqual(['dev_3', 'dev_4', 'dev_5', 'dev_6'])
    expect(requests.map((request) => new URL(request.url).search)).toEqual(['?type=battery&page=2&perPage=2', '?type=battery&page=3&perPage=2'])
  })

  it('ends on an empty page even if the server claims more pages', async () => {
    server.use(http.get(`${baseUrl}/devices`, () => HttpResponse.json({ data: [], page: 1, perPage: 20, totalItems: 99, totalPages: 5 })))
    const ids: string[] = []
    for await (const device of createTestClient().devices.iterate()) ids.push(device.id)
    expect(ids).toEqual([])
    expect(requests).toHaveLength(1)
  })

  it('refuses bad paging at once, not at the first step', () => {
    expect(() => createTestClient().devices.iterate({ perPage: 0 })).toThrow(TextureError)
  })
})

describe('device details', () => {
  it('retrieves one device by id', async () => {
    server.use(http.get(`${baseUrl}/devices/:id`, ({ params }) => HttpResponse.json(batteryDevice(String(params.id)))))
    const device = await createTestClient().devices.retrieve('dev_9')
    expect(device).toMatchObject({ id: 'dev_9', type: 'battery' })
    expect(requests[0]!.headers.get('Texture-Api-Key')).toBe(scopedKey)
  })

  it('reads history in a time window, turning Dates into ISO strings', async () => {
    server.use(
      http.get(`${baseUrl}/devices/dev_1/history`, () =>
        HttpResponse.json({ data: [{ timestamp: '2026-01-01T00:00:00.000Z', state: { chargePercentage: 40 } }], page: 1, perPage: 10, totalItems: 1, totalPages: 1 }),
      ),
    )
    const page = await createTestClient().devices.history('dev_1', { from: new Date('2026-01-01T00:00:00Z'), to: '2026-01-02T00:00:00Z', perPage: 10 })
    expect(page.data[0]!.state.chargePercentage).toBe(40)
    const url = new URL(requests[0]!.url)
    expect(url.searchParams.get('from')).toBe('2026-01-01T00:00:00.000Z')
    expect(url.searchParams.get('to')).toBe('2026-01-02T00:00:00Z')
    expect(url.searchParams.get('perPage')).toBe('10')
    expect(url.searchParams.has('page')).toBe(false)
  })

  it('refuses a `from` or `to` that is not a date', async () => {
    await expect(createTestClient().devices.history('dev_1', { from: 'yesterday' })).rejects.toThrow(/`from`/)
    await expect(createTestClient().devices.history('dev_1', { to: new Date('nonsense') })).rejects.toThrow(/`to`/)
    expect(requests).toHaveLength(0)
  })

  it('returns alerts and tags as arrays', async () => {
    server.use(
      http.get(`${baseUrl}/devices/dev_1/alerts`, () => HttpResponse.json({ data: [{ id: 'al_1', message: 'Offline', createdAt: '2026-01-01T00:00:00Z' }] })),
      http.get(`${baseUrl}/devices/dev_1/tags`, () => HttpResponse.json({ data: ['garage', 'upstairs'] })),
    )
    const client = createTestClient()
    expect(await client.devices.alerts('dev_1')).toEqual([{ id: 'al_1', message: 'Offline', createdAt: '2026-01-01T00:00:00Z' }])
    expect(await client.devices.tags('dev_1')).toEqual(['garage', 'upstairs'])
  })

  it('reads the command log filtered by one or several statuses', async () => {
    server.use(http.get(`${baseUrl}/devices/dev_1/commands`, () => HttpResponse.json({ data: [], page: 1, perPage: 5, totalItems: 0, totalPages: 0 })))
    const client = createTestClient()
    await client.devices.commandLog('dev_1', { status: 'failed', perPage: 5 })
    await client.devices.commandLog('dev_1', { status: ['pending', 'scheduled'] })
    expect(new URL(requests[0]!.url).search).toBe('?status=failed&perPage=5')
    expect(new URL(requests[1]!.url).searchParams.getAll('status')).toEqual(['pending', 'scheduled'])
    await expect(client.devices.commandLog('dev_1', { status: 'done' as never })).rejects.toThrow(/`status`/)
  })
})

describe('ids in paths', () => {
  it.each([
    ['a/b', '/v1/devices/a%2Fb'],
    ['a?x=1', '/v1/devices/a%3Fx%3D1'],
    ['a#frag', '/v1/devices/a%23frag'],
    ['../commands', '/v1/devices/..%2Fcommands'],
    ['%2e%2e', '/v1/devices/%252e%252e'],
    ['dev 1', '/v1/devices/dev%201'],
  ])('encodes %j as one path segment', async (id, expectedPath) => {
    server.use(http.get(`${baseUrl}/devices/*`, () => HttpResponse.json(batteryDevice('x'))))
    await createTestClient().devices.retrieve(id)
    const url = new URL(requests[0]!.url)
    expect(url.pathname).toBe(expectedPath)
    expect(url.search).toBe('')
    expect(url.hash).toBe('')
  })

  it.each(['.', '..', '', '   '])('refuses the id %j before any request', async (id) => {
    const client = createTestClient()
    for (const call of [client.devices.retrieve(id), client.devices.history(id), client.devices.alerts(id), client.devices.tags(id), client.devices.commandLog(id), client.commands.retrieve(id)]) {
      await expect(call).rejects.toBeInstanceOf(TextureError)
    }
    expect(requests).toHaveLength(0)
  })

  it('refuses an id that is not a string', async () => {
    await expect(createTestClient().devices.tags(42 as never)).rejects.toThrow(/non-empty string; got number/)
  })
})
