import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RateLimitError, ServerError, TextureNetworkError, createTextureClient } from '../../src/index'
import { baseUrl, batteryDevice, createTestClient, rejectionOf, scopedKey, useFakeApi } from './support/api'

const { server, requests } = useFakeApi()

afterEach(() => {
  vi.useRealTimers()
})

/** Answers `failures` in turn, then the device. */
function failThenSucceed(...failures: Array<() => Response>) {
  let calls = 0
  server.use(http.get(`${baseUrl}/devices/dev_1`, () => failures[calls++]?.() ?? HttpResponse.json(batteryDevice('dev_1'))))
}

const unavailable = () => HttpResponse.json({ code: 'server-error', message: 'Try later' }, { status: 503 })

describe('reads', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries a GET answered %i, then succeeds', async (status) => {
    failThenSucceed(() => HttpResponse.json({ code: 'x', message: 'y' }, { status }))
    await expect(createTestClient().devices.retrieve('dev_1')).resolves.toMatchObject({ id: 'dev_1' })
    expect(requests).toHaveLength(2)
  })

  it('retries a network failure', async () => {
    failThenSucceed(
      () => HttpResponse.error(),
      () => HttpResponse.error(),
    )
    await expect(createTestClient().devices.retrieve('dev_1')).resolves.toMatchObject({ id: 'dev_1' })
    expect(requests).toHaveLength(3)
  })

  it('gives up after `retry` retries (2 by default) with the last error', async () => {
    failThenSucceed(unavailable, unavailable, unavailable, unavailable)
    const delay = vi.fn(() => 1)
    const error = await rejectionOf(createTestClient({ retry: { delay } }).devices.retrieve('dev_1'))
    expect(error).toBeInstanceOf(ServerError)
    expect(requests).toHaveLength(3)
    expect(delay.mock.calls).toEqual([[1], [2]])
  })

  it('backs off 500 ms, then 1 s, by default (at most; jitter shortens it)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999)
    failThenSucceed(unavailable, unavailable)
    const call = createTextureClient({ scopedKey }).devices.retrieve('dev_1')
    await vi.advanceTimersByTimeAsync(490)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(20)
    expect(requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(980)
    expect(requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(20)
    expect(requests).toHaveLength(3)
    await expect(call).resolves.toMatchObject({ id: 'dev_1' })
  })

  it('makes as many retries as `retry` says', async () => {
    failThenSucceed(unavailable, unavailable, unavailable, unavailable)
    await expect(createTestClient({ retry: { limit: 4, delay: () => 1 } }).devices.retrieve('dev_1')).resolves.toMatchObject({ id: 'dev_1' })
    expect(requests).toHaveLength(5)
  })

  it('does not retry with `retry: 0`', async () => {
    failThenSucceed(() => HttpResponse.error())
    expect(await rejectionOf(createTestClient({ retry: 0 }).devices.retrieve('dev_1'))).toBeInstanceOf(TextureNetworkError)
    expect(requests).toHaveLength(1)
  })

  it.each([400, 401, 403, 404, 422, 501])('does not retry a GET answered %i', async (status) => {
    failThenSucceed(() => HttpResponse.json({ code: 'x', message: 'y' }, { status }))
    await rejectionOf(createTestClient().devices.retrieve('dev_1'))
    expect(requests).toHaveLength(1)
  })

  it('retries every page fetch of an iteration on its own', async () => {
    let calls = 0
    server.use(
      http.get(`${baseUrl}/devices`, ({ request }) => {
        calls += 1
        if (calls === 2) return unavailable()
        const page = Number(new URL(request.url).searchParams.get('page'))
        return HttpResponse.json({ data: [batteryDevice(`dev_${page}`)], page, perPage: 1, totalItems: 2, totalPages: 2 })
      }),
    )
    const ids: string[] = []
    for await (const device of createTestClient().devices.iterate({ perPage: 1 })) ids.push(device.id)
    expect(ids).toEqual(['dev_1', 'dev_2'])
    expect(requests).toHaveLength(3)
  })
})

describe('Retry-After', () => {
  // Fake timers: the test moves the clock and counts attempts; it never measures real time.
  async function attemptsAfter(milliseconds: number) {
    await vi.advanceTimersByTimeAsync(milliseconds)
    return requests.length
  }

  it('waits the seconds the Retry-After header asks for, not the client backoff', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const delay = vi.fn(() => 1)
    failThenSucceed(() => HttpResponse.json({ code: 'rate-limited', message: 'Slow down' }, { status: 429, headers: { 'Retry-After': '3' } }))
    const call = createTestClient({ retry: { delay } }).devices.retrieve('dev_1')
    expect(await attemptsAfter(2_900)).toBe(1)
    expect(await attemptsAfter(200)).toBe(2)
    await expect(call).resolves.toMatchObject({ id: 'dev_1' })
    expect(delay).not.toHaveBeenCalled()
  })

  it('understands a Retry-After HTTP date, on any retried status', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2026-03-01T12:00:00Z') })
    failThenSucceed(() => HttpResponse.json({ code: 'busy', message: 'Busy' }, { status: 502, headers: { 'Retry-After': 'Sun, 01 Mar 2026 12:00:05 GMT' } }))
    const call = createTestClient().devices.retrieve('dev_1')
    expect(await attemptsAfter(4_900)).toBe(1)
    expect(await attemptsAfter(200)).toBe(2)
    await expect(call).resolves.toMatchObject({ id: 'dev_1' })
  })

  it('waits for `retryAfter` from the body when there is no header', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    failThenSucceed(() => HttpResponse.json({ code: 'rate-limited', message: 'Slow down', retryAfter: 2 }, { status: 429 }))
    const call = createTestClient().devices.retrieve('dev_1')
    expect(await attemptsAfter(1_900)).toBe(1)
    expect(await attemptsAfter(200)).toBe(2)
    await expect(call).resolves.toMatchObject({ id: 'dev_1' })
  })

  it('fails at once with the wait in `retryAfter` when the server asks for longer than `maxRetryAfter`', async () => {
    failThenSucceed(() => HttpResponse.json({ code: 'rate-limited', message: 'Slow down' }, { status: 429, headers: { 'Retry-After': '120' } }))
    const error = await rejectionOf(createTestClient().devices.retrieve('dev_1'))
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfter).toBe(120)
    expect(requests).toHaveLength(1)
  })

  it('stops waiting when the call is aborted during a Retry-After pause', async () => {
    failThenSucceed(() => HttpResponse.json({ code: 'rate-limited', message: 'Slow down' }, { status: 429, headers: { 'Retry-After': '20' } }))
    const controller = new AbortController()
    const call = createTestClient().devices.retrieve('dev_1', { signal: controller.signal })
    await vi.waitFor(() => expect(requests).toHaveLength(1))
    controller.abort(new Error('stop'))
    expect(await rejectionOf(call)).toEqual(new Error('stop'))
    expect(requests).toHaveLength(1)
  })
})
