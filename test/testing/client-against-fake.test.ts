import { describe, expect, it } from 'vitest'
import { AuthenticationError, ForbiddenError, RateLimitError, createTextureClient, isTextureApiError, type TextureClientOptions } from '../../src/index'
import { historyIntervalMs } from '../../src/testing/index'
import { ada, grace, katherine, useFakeTexture } from './support'

// The SDK's client against `texture-connect/testing`'s msw handlers, as a user's own test would
// run it: no hand-written responses, only the fake's rules.
const texture = useFakeTexture({ commandDelayMs: 20 })

/** A client for `user`, recording the path and query of every request it makes. */
function clientFor(user: { scopedKey: string }, options: Partial<TextureClientOptions> = {}) {
  const requests: string[] = []
  const client = createTextureClient({
    scopedKey: user.scopedKey,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input))
      requests.push(`${input instanceof Request ? input.method : (init?.method ?? 'GET')} ${url.pathname}${url.search}`)
      return globalThis.fetch(input, init)
    },
    ...options,
  })
  return { client, requests }
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('Expected the promise to reject.')
}

describe('createTextureClient against the fake Texture API', () => {
  it('lists one page at a time', async () => {
    const { client } = clientFor(katherine)
    const first = await client.devices.list({ perPage: 10 })
    expect(first).toMatchObject({ page: 1, perPage: 10, totalItems: 25, totalPages: 3 })
    expect(first.data).toHaveLength(10)
    const last = await client.devices.list({ page: 3, perPage: 10 })
    expect(last.data).toHaveLength(5)
    expect(new Set([...first.data, ...last.data].map((device) => device.id)).size).toBe(15)
  })

  it("filters the list by type, within the key's own devices", async () => {
    const { client } = clientFor(grace)
    const page = await client.devices.list({ type: 'battery' })
    expect(page.data.map((device) => device.id)).toEqual(['dev_grace_iq_battery'])
  })

  it('iterates every page lazily, and stops fetching after a break', async () => {
    const { client, requests } = clientFor(katherine)
    const ids: string[] = []
    for await (const device of client.devices.iterate({ perPage: 10 })) {
      expect(device.referenceId).toBe('user_katherine')
      ids.push(device.id)
    }
    expect(ids).toHaveLength(25)
    expect(new Set(ids).size).toBe(25)
    expect(requests).toEqual(['GET /v1/devices?page=1&perPage=10', 'GET /v1/devices?page=2&perPage=10', 'GET /v1/devices?page=3&perPage=10'])

    const partial = clientFor(katherine)
    for await (const device of partial.client.devices.iterate({ perPage: 10 })) {
      if (device.id !== '') break
    }
    expect(partial.requests).toHaveLength(1)
  })

  it('retrieves a device with its typed state', async () => {
    const { client } = clientFor(ada)
    const vehicle = await client.devices.retrieve('dev_ada_model3')
    expect(vehicle).toMatchObject({ id: 'dev_ada_model3', type: 'vehicle', manufacturer: 'tesla', referenceId: 'user_ada' })
    if (vehicle.type !== 'vehicle') throw new Error('expected a vehicle')
    expect(vehicle.state?.chargeLimit).toBe(80)
  })

  it('reads history for a window, oldest first, in pages', async () => {
    const { client } = clientFor(ada)
    const to = new Date(Math.floor(Date.now() / historyIntervalMs) * historyIntervalMs - 24 * 60 * 60 * 1000)
    const from = new Date(to.getTime() - 2 * 60 * 60 * 1000)
    const page = await client.devices.history('dev_ada_powerwall', { from, to, perPage: 4 })
    expect(page).toMatchObject({ page: 1, perPage: 4, totalItems: 9, totalPages: 3 })
    expect(page.data.map((entry) => entry.timestamp)).toEqual([0, 1, 2, 3].map((step) => new Date(from.getTime() + step * historyIntervalMs).toISOString()))
    expect(page.data.every((entry) => entry.deviceId === 'dev_ada_powerwall')).toBe(true)
    const last = await client.devices.history('dev_ada_powerwall', { from: from.toISOString(), to: to.toISOString(), page: 3, perPage: 4 })
    expect(last.data.map((entry) => entry.timestamp)).toEqual([to.toISOString()])
  })

  it('reads alerts and tags', async () => {
    const { client } = clientFor(ada)
    const alerts = await client.devices.alerts('dev_ada_powerwall')
    expect(alerts.map((alert) => alert.id)).toEqual(['alert_ada_outage', 'alert_ada_firmware'])
    expect(await client.devices.tags('dev_ada_model3')).toEqual(['home', 'ev'])
    expect(await client.devices.alerts('dev_ada_model3')).toEqual([])
  })

  it('sends a command that goes pending → success, changes the device and shows in the command log', async () => {
    const { client } = clientFor(ada)
    const sent = await client.commands.send('battery:set-reserve', { deviceId: 'dev_ada_powerwall', input: { chargePercentage: 42 } })
    expect(sent).toMatchObject({ status: 'pending', deviceId: 'dev_ada_powerwall', command: 'battery:set-reserve' })
    const done = await client.commands.waitFor(sent.id, { interval: 10, timeout: 5_000 })
    expect(done).toMatchObject({ id: sent.id, status: 'success' })
    const battery = await client.devices.retrieve('dev_ada_powerwall')
    expect(battery.state).toMatchObject({ backupReserve: 42 })
    const log = await client.devices.commandLog('dev_ada_powerwall', { status: 'success' })
    expect(log.data.map((command) => command.id)).toEqual([sent.id])
  })

  it('resolves waitFor with a failed command when the device refuses the input', async () => {
    const { client } = clientFor(ada)
    const sent = await client.commands.send('battery:set-reserve', { deviceId: 'dev_ada_powerwall', input: { chargePercentage: 150 } })
    const done = await client.commands.waitFor(sent.id, { interval: 10, timeout: 5_000 })
    expect(done).toMatchObject({ status: 'failed', error: { code: 'invalid-input' } })
  })

  it("refuses another user's device with a 403 ForbiddenError, for reads and commands alike", async () => {
    const { client } = clientFor(ada)
    const read = await rejectionOf(client.devices.retrieve('dev_grace_iq_battery'))
    expect(read).toBeInstanceOf(ForbiddenError)
    expect(read).toMatchObject({ status: 403, code: 'forbidden', method: 'GET', path: '/devices/dev_grace_iq_battery', requestId: expect.stringMatching(/^req_fake_/) })
    expect(isTextureApiError(read)).toBe(true)
    expect((read as Error).message).toMatch(/^GET \/devices\/dev_grace_iq_battery failed with HTTP 403: .*another user/)

    const history = await rejectionOf(client.devices.history('dev_grace_iq_battery'))
    expect(history).toBeInstanceOf(ForbiddenError)
    const command = await rejectionOf(client.commands.send('battery:set-reserve', { deviceId: 'dev_grace_iq_battery', input: { chargePercentage: 10 } }))
    expect(command).toBeInstanceOf(ForbiddenError)
    expect(texture.store.findDevice('dev_grace_iq_battery')?.state).toMatchObject({ backupReserve: 20 })
  })

  it('answers a key Texture never issued with a 401 AuthenticationError that does not repeat the key', async () => {
    const { client } = clientFor({ scopedKey: 'scoped_never_issued_0000' })
    const error = await rejectionOf(client.devices.list())
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error).toMatchObject({ status: 401, code: 'invalid-api-key' })
    expect((error as Error).message).not.toContain('scoped_never_issued_0000')
  })

  it('reports a 429 as a RateLimitError with retryAfter when retries are off', async () => {
    const { client, requests } = clientFor(ada, { retry: 0 })
    texture.failNext({ status: 429, retryAfter: 1 })
    const error = await rejectionOf(client.devices.list())
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error).toMatchObject({ status: 429, code: 'rate-limited', retryAfter: 1 })
    expect(requests).toHaveLength(1)
    // The failure was used up: the next request is answered normally.
    expect((await client.devices.list()).totalItems).toBe(5)
  })

  it('retries a read after the Retry-After the fake sends, and succeeds', async () => {
    const { client, requests } = clientFor(ada)
    texture.failNext({ status: 429, retryAfter: 0, path: '/devices' })
    expect((await client.devices.list()).totalItems).toBe(5)
    expect(requests).toEqual(['GET /v1/devices', 'GET /v1/devices'])
  })

  it('rejects at once when Retry-After is longer than the client will wait', async () => {
    const { client, requests } = clientFor(ada)
    texture.failNext({ status: 429, retryAfter: 120 })
    const error = await rejectionOf(client.devices.list())
    expect(error).toMatchObject({ name: 'RateLimitError', retryAfter: 120 })
    expect(requests).toHaveLength(1)
  })

  it('never retries a command the fake rate-limited, so it is not sent twice', async () => {
    const { client, requests } = clientFor(ada, { retry: 5 })
    texture.failNext({ status: 429, retryAfter: 0, method: 'POST' })
    const error = await rejectionOf(client.commands.send('battery:set-reserve', { deviceId: 'dev_ada_powerwall', input: { chargePercentage: 30 } }))
    expect(error).toBeInstanceOf(RateLimitError)
    expect(requests).toEqual(['POST /v1/commands/battery/set-reserve'])
    expect((await client.devices.commandLog('dev_ada_powerwall')).totalItems).toBe(0)
  })
})
