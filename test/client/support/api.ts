import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createTextureClient, type TextureClientOptions } from '../../../src/index'

export const baseUrl = 'https://api.texturehq.com/v1'
export const scopedKey = 'scoped_test_7f3a9c1e5b'

/** The fake API for one test file; every request it sees is recorded, unhandled ones fail. */
export function useFakeApi() {
  const server = setupServer()
  const requests: Request[] = []
  server.events.on('request:start', ({ request }) => {
    requests.push(request.clone())
  })
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    requests.length = 0
  })
  afterAll(() => server.close())
  return { server, requests }
}

/** A client with retry waits of a millisecond, so retry tests stay fast. */
export function createTestClient(options: Partial<TextureClientOptions> = {}) {
  return createTextureClient({ scopedKey, retry: { delay: () => 1 }, ...options })
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`)
    },
    (error: unknown) => error,
  )
}

/** A device as the API sends it. */
export function batteryDevice(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    type: 'battery',
    name: `Powerwall ${id}`,
    manufacturer: 'tesla',
    model: 'tesla_solar_powerwall',
    state: { chargePercentage: 59, backupReserve: 30, chargingState: 'charging' },
    ...extra,
  }
}
