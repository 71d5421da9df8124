import { describe, expect, it } from 'vitest'
import type { FakeErrorBody } from '../../src/testing/index'
import { ada, call, expectJson, useFakeTexture } from './support'

const texture = useFakeTexture()

describe('injected failures', () => {
  it('answer the next request with a 429, Retry-After and retryAfter, then recover', async () => {
    texture.failNext({ status: 429, retryAfter: 1 })
    const limited = await call('/devices', ada.scopedKey, { headers: { Origin: 'http://localhost:4000' } })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('1')
    expect(limited.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After')
    expect(await limited.json()).toEqual({ code: 'rate-limited', message: expect.any(String), retryAfter: 1 })
    expect((await call('/devices', ada.scopedKey)).status).toBe(200)
  })

  it('send Retry-After with a 429 even when the test gives none, as Texture does', async () => {
    texture.failNext({ status: 429 })
    const limited = await call('/devices', ada.scopedKey)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('1')
  })

  it('inject 5xx a chosen number of times, only on the matching path and method', async () => {
    texture.failNext({ status: 503, times: 2, path: '/devices/dev_ada_powerwall', method: 'GET' })
    expect((await call('/devices', ada.scopedKey)).status).toBe(200)
    const first = await call('/devices/dev_ada_powerwall', ada.scopedKey)
    expect((await expectJson<FakeErrorBody>(first, 503)).code).toBe('server-error')
    expect((await call('/devices/dev_ada_powerwall', ada.scopedKey)).status).toBe(503)
    expect((await call('/devices/dev_ada_powerwall', ada.scopedKey)).status).toBe(200)
  })

  it('carry a chosen code and message', async () => {
    texture.failNext({ status: 500, code: 'database-down', message: 'Try again soon.' })
    expect(await expectJson<FakeErrorBody>(await call('/devices', ada.scopedKey), 500)).toEqual({ code: 'database-down', message: 'Try again soon.' })
  })

  it('are dropped by reset()', async () => {
    texture.failNext({ status: 502 })
    texture.reset()
    expect((await call('/devices', ada.scopedKey)).status).toBe(200)
  })

  it('refuse a status that is not an error', () => {
    expect(() => texture.failNext({ status: 200 })).toThrow(RangeError)
  })

  it('put a request id on every response', async () => {
    const ids = await Promise.all([1, 2].map(async () => (await call('/devices', ada.scopedKey)).headers.get('X-Request-Id')))
    expect(ids[0]).toMatch(/^req_/)
    expect(ids[0]).not.toBe(ids[1])
  })
})
