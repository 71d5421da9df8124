import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { createTextureClient, RateLimitError } from '../../src/index'
import { createFakeTexture, sandboxUsers } from '../../src/testing/index'

const texture = createFakeTexture({ commandDelayMs: 10 })
const server = setupServer(...texture.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => texture.reset())
afterAll(() => server.close())

const ada = sandboxUsers[0]! // { name, referenceId: 'user_ada', scopedKey: 'scoped_…' }

it('lists only Ada’s devices', async () => {
  const page = await createTextureClient({ scopedKey: ada.scopedKey }).devices.list()
  expect(page.data.every((device) => device.referenceId === 'user_ada')).toBe(true)
})

it('shows a message when Texture rate-limits', async () => {
  texture.failNext({ status: 429, retryAfter: 1 }) // the next request gets 429 + Retry-After: 1
  const client = createTextureClient({ scopedKey: ada.scopedKey, retry: 0 }) // reads retry a 429 by default
  await expect(client.devices.list()).rejects.toBeInstanceOf(RateLimitError)
})
