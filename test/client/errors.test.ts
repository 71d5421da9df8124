import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  AuthenticationError,
  BadRequestError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TextureApiError,
  TextureError,
  TextureNetworkError,
  TextureTimeoutError,
  isTextureApiError,
} from '../../src/index'
import { baseUrl, createTestClient, rejectionOf, scopedKey, useFakeApi } from './support/api'

const { server } = useFakeApi()

function answerDevice(response: () => Response | Promise<Response>) {
  server.use(http.get(`${baseUrl}/devices/dev_1`, response))
}

async function apiErrorOf(promise: Promise<unknown>): Promise<TextureApiError> {
  const error = await rejectionOf(promise)
  expect(error).toBeInstanceOf(TextureApiError)
  return error as TextureApiError
}

describe('API errors', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, ForbiddenError],
    [404, NotFoundError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [409, TextureApiError],
  ])('maps HTTP %i to %o', async (status, ErrorClass) => {
    answerDevice(() => HttpResponse.json({ code: 'some-code', message: 'Something went wrong' }, { status }))
    const error = await apiErrorOf(createTestClient({ retry: 0 }).devices.retrieve('dev_1'))
    expect(error).toBeInstanceOf(ErrorClass)
    expect(error.name).toBe(ErrorClass.name)
    expect(error).toBeInstanceOf(TextureError)
    expect(error.status).toBe(status)
    expect(isTextureApiError(error)).toBe(true)
  })

  it('reads code, message, details and retryAfter from the current body shape', async () => {
    answerDevice(() =>
      HttpResponse.json({ code: 'device-forbidden', message: 'This device belongs to another user.', details: { deviceId: 'dev_1' } }, { status: 403, headers: { 'X-Request-Id': 'req_123' } }),
    )
    const error = await apiErrorOf(createTestClient().devices.retrieve('dev_1'))
    expect(error).toMatchObject({ status: 403, code: 'device-forbidden', details: { deviceId: 'dev_1' }, requestId: 'req_123', method: 'GET', path: '/devices/dev_1' })
    expect(error.message).toBe('GET /devices/dev_1 failed with HTTP 403: This device belongs to another user. (device-forbidden)')
  })

  it('reads the older `{ message, error }` shape, taking `error` as the code', async () => {
    answerDevice(() => HttpResponse.json({ message: 'Unauthorized - Invalid API key', error: 'Unauthorized' }, { status: 401 }))
    const error = await apiErrorOf(createTestClient().devices.retrieve('dev_1'))
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error.code).toBe('Unauthorized')
    expect(error.message).toContain('Unauthorized - Invalid API key')
    expect(error.details).toBeUndefined()
  })

  it('uses `error` as the message when an older body has no message', async () => {
    answerDevice(() => HttpResponse.json({ error: 'Device not found' }, { status: 404 }))
    const error = await apiErrorOf(createTestClient().devices.retrieve('dev_1'))
    expect(error.message).toBe('GET /devices/dev_1 failed with HTTP 404: Device not found (Device not found)')
  })

  it('explains a non-JSON error body with its text', async () => {
    answerDevice(() => new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }))
    const error = await apiErrorOf(createTestClient({ retry: 0 }).devices.retrieve('dev_1'))
    expect(error).toBeInstanceOf(ServerError)
    expect(error.code).toBeUndefined()
    expect(error.message).toBe('GET /devices/dev_1 failed with HTTP 502: 502 Bad Gateway')
  })

  it('falls back to the status text for an empty body', async () => {
    answerDevice(() => new HttpResponse(null, { status: 404, statusText: 'Not Found' }))
    const error = await apiErrorOf(createTestClient().devices.retrieve('dev_1'))
    expect(error.message).toBe('GET /devices/dev_1 failed with HTTP 404: Not Found')
  })

  it('takes the request id from a Request-Id header too', async () => {
    answerDevice(() => HttpResponse.json({ code: 'x', message: 'y' }, { status: 400, headers: { 'Request-Id': 'req_abc' } }))
    expect((await apiErrorOf(createTestClient().devices.retrieve('dev_1'))).requestId).toBe('req_abc')
  })

  it.each([
    ['the body', { retryAfter: 7 }, {}, 7],
    ['a Retry-After header in seconds', {}, { 'Retry-After': '12' }, 12],
    ['a Retry-After header as an HTTP date', {}, { 'Retry-After': new Date(Date.now() + 90_000).toUTCString() }, 90],
  ])('reads retryAfter (seconds) from %s', async (_, body, headers, seconds) => {
    answerDevice(() => HttpResponse.json({ code: 'rate-limited', message: 'Slow down', ...body }, { status: 429, headers }))
    // retry: 0 so the client gives the error straight back instead of waiting.
    const error = await apiErrorOf(createTestClient({ retry: 0 }).devices.retrieve('dev_1'))
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error.retryAfter).toBeGreaterThanOrEqual(seconds - 1)
    expect(error.retryAfter).toBeLessThanOrEqual(seconds)
  })
})

describe('errors never reveal the key', () => {
  it('removes the key from what the server says, even when it echoes it back', async () => {
    answerDevice(() => HttpResponse.json({ code: 'invalid-api-key', message: `Key ${scopedKey} is revoked`, details: { key: scopedKey } }, { status: 401 }))
    const error = await apiErrorOf(createTestClient().devices.retrieve('dev_1'))
    expect(error.message).not.toContain(scopedKey)
    expect(error.message).toContain('[redacted]')
    expect(JSON.stringify(error.details)).not.toContain(scopedKey)
    expect(JSON.stringify(error)).not.toContain(scopedKey)
    expect(String(error.stack)).not.toContain(scopedKey)
  })

  it('keeps the key out of network and timeout errors', async () => {
    const failingFetch = async () => {
      throw new TypeError(`connect ECONNREFUSED (while sending ${scopedKey})`)
    }
    const networkError = await rejectionOf(createTestClient({ fetch: failingFetch, retry: 0 }).devices.retrieve('dev_1'))
    expect(networkError).toBeInstanceOf(TextureNetworkError)
    expect((networkError as Error).message).not.toContain(scopedKey)

    answerDevice(() => new Promise<Response>(() => undefined))
    const timeoutError = await rejectionOf(createTestClient({ timeout: 20 }).devices.retrieve('dev_1'))
    expect(timeoutError).toBeInstanceOf(TextureTimeoutError)
    expect((timeoutError as Error).message).not.toContain(scopedKey)
    expect((timeoutError as Error).cause).toBeUndefined()
  })
})

describe('failures without a response', () => {
  it('turns a network failure into a TextureNetworkError that names the request', async () => {
    answerDevice(() => HttpResponse.error())
    const error = await rejectionOf(createTestClient({ retry: 0 }).devices.retrieve('dev_1'))
    expect(error).toBeInstanceOf(TextureNetworkError)
    expect((error as Error).message).toMatch(/^GET \/devices\/dev_1 failed before any response arrived/)
  })

  it('turns a slow answer into a TextureTimeoutError after `timeout` ms', async () => {
    answerDevice(() => new Promise<Response>(() => undefined))
    const error = await rejectionOf(createTestClient({ timeout: 20 }).devices.retrieve('dev_1'))
    expect(error).toBeInstanceOf(TextureTimeoutError)
    expect((error as Error).message).toBe('GET /devices/dev_1 timed out: no response within 20 ms.')
  })

  it('lets one call override the timeout', async () => {
    answerDevice(() => new Promise<Response>(() => undefined))
    const error = await rejectionOf(createTestClient({ timeout: 60_000 }).devices.retrieve('dev_1', { timeout: 20 }))
    expect(error).toBeInstanceOf(TextureTimeoutError)
  })

  it('rejects with the reason of an aborted signal', async () => {
    answerDevice(() => new Promise<Response>(() => undefined))
    const controller = new AbortController()
    const call = createTestClient().devices.retrieve('dev_1', { signal: controller.signal })
    const reason = new Error('user left the page')
    controller.abort(reason)
    expect(await rejectionOf(call)).toBe(reason)
  })

  it('does not start a request with an already-aborted signal', async () => {
    let started = 0
    answerDevice(() => {
      started += 1
      return HttpResponse.json({})
    })
    const error = await rejectionOf(createTestClient().devices.retrieve('dev_1', { signal: AbortSignal.abort() }))
    expect((error as Error).name).toBe('AbortError')
    expect(started).toBe(0)
  })

  it('rejects a success body that is not JSON with a TextureError', async () => {
    answerDevice(() => new HttpResponse('<html>login</html>', { status: 200 }))
    const error = await rejectionOf(createTestClient().devices.retrieve('dev_1'))
    expect(error).toBeInstanceOf(TextureError)
    expect((error as Error).message).toContain('not JSON')
  })
})
