import { http, HttpResponse } from 'msw'
import { inspect } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import { TextureError, createTextureClient } from '../../src/index'
import { baseUrl, batteryDevice, createTestClient, scopedKey, useFakeApi } from './support/api'

const { server, requests } = useFakeApi()

const workspaceKey = 'api_live_5b8e2d9f0c1a'

function thrownBy(call: () => unknown): TextureError {
  try {
    call()
  } catch (error) {
    expect(error).toBeInstanceOf(TextureError)
    return error as TextureError
  }
  throw new Error('expected a TextureError')
}

describe('keys in a browser', () => {
  it('refuses a workspace `api_` key at creation, saying why, without repeating it', () => {
    const error = thrownBy(() => createTextureClient({ scopedKey: workspaceKey }))
    expect(error.code).toBe('invalid-key')
    const message = error.message
    expect(message).toMatch(/secret server key/)
    expect(message).toMatch(/never reach a browser/)
    expect(message).not.toContain(workspaceKey)
    expect(message).not.toContain('5b8e2d9f0c1a')
    expect(requests).toHaveLength(0)
  })

  it.each(['connect_public_123', 'sk_live_123', 'SCOPED_abc', 'xscoped_abc', 'scoped_'])('refuses %j, which is not a scoped key', (key) => {
    const error = thrownBy(() => createTextureClient({ scopedKey: key }))
    expect(error.message).toMatch(/only scoped keys \(`scoped_…`\) are accepted/)
    expect(error.code).toBe('invalid-key')
  })

  it.each([
    ['an empty string', ''],
    ['blanks', '   '],
    ['undefined', undefined],
    ['a number', 42],
  ])('refuses %s as the key', (_, key) => {
    const error = thrownBy(() => createTextureClient({ scopedKey: key as never }))
    expect(error.message).toMatch(/`scopedKey` must be a non-empty string/)
    expect(error.code).toBe('invalid-options')
  })

  it('refuses a key with surrounding whitespace rather than sending a broken header', () => {
    expect(thrownBy(() => createTextureClient({ scopedKey: ` ${scopedKey}\n` })).code).toBe('invalid-options')
  })

  it('refuses to be called without options', () => {
    const error = thrownBy(() => createTextureClient(undefined as never))
    expect(error.message).toMatch(/options object/)
    expect(error.code).toBe('invalid-options')
  })

  it('accepts a scoped key', () => {
    expect(() => createTextureClient({ scopedKey })).not.toThrow()
  })
})

describe('the key stays private', () => {
  it('does not show in JSON, util.inspect, String or the enumerable fields of the client', () => {
    const client = createTextureClient({ scopedKey })
    expect(JSON.stringify(client)).not.toContain(scopedKey)
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(scopedKey)
    expect(String(client)).not.toContain(scopedKey)
    expect(JSON.stringify(client.devices)).not.toContain(scopedKey)
    expect(inspect(client.commands, { depth: 10, showHidden: true })).not.toContain(scopedKey)
    expect(JSON.stringify(Object.entries(client))).not.toContain(scopedKey)
  })

  it('is never passed to console', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => undefined))
    server.use(http.get(`${baseUrl}/devices/dev_1`, () => HttpResponse.json({ code: 'x', message: 'Nope' }, { status: 500 })))
    await createTestClient()
      .devices.retrieve('dev_1')
      .catch(() => undefined)
    for (const spy of spies) expect(JSON.stringify(spy.mock.calls)).not.toContain(scopedKey)
  })

  it('is not written to storage or cookies', async () => {
    server.use(http.get(`${baseUrl}/devices/dev_1`, () => HttpResponse.json(batteryDevice('dev_1'))))
    await createTestClient().devices.retrieve('dev_1')
    expect(JSON.stringify({ ...localStorage })).not.toContain(scopedKey)
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(scopedKey)
    expect(document.cookie).not.toContain(scopedKey)
  })

  it('is not put in the URL', async () => {
    server.use(http.get(`${baseUrl}/devices`, () => HttpResponse.json({ data: [], page: 1, perPage: 20, totalItems: 0, totalPages: 0 })))
    await createTestClient().devices.list({ page: 1 })
    expect(requests[0]!.url).not.toContain(scopedKey)
  })
})

describe('options', () => {
  it('uses the `baseUrl` given, with or without a trailing slash', async () => {
    server.use(http.get('http://localhost:4010/v1/devices/dev_1', () => HttpResponse.json(batteryDevice('dev_1'))))
    await createTestClient({ baseUrl: 'http://localhost:4010/v1/' }).devices.retrieve('dev_1')
    await createTestClient({ baseUrl: 'http://localhost:4010/v1' }).devices.retrieve('dev_1')
    expect(requests.map((request) => request.url)).toEqual(['http://localhost:4010/v1/devices/dev_1', 'http://localhost:4010/v1/devices/dev_1'])
  })

  it('uses a bare-origin `baseUrl` exactly as given: a mock server may answer at its root', async () => {
    server.use(http.get('http://localhost:4010/devices/dev_1', () => HttpResponse.json(batteryDevice('dev_1'))))
    await createTestClient({ baseUrl: 'http://localhost:4010' }).devices.retrieve('dev_1')
    expect(requests.map((request) => request.url)).toEqual(['http://localhost:4010/devices/dev_1'])
  })

  it.each(['api.texturehq.com/v1', 'ftp://api.texturehq.com', 'https://api.texturehq.com/v1?x=1', 42])('refuses the baseUrl %j', (value) => {
    const error = thrownBy(() => createTestClient({ baseUrl: value as never }))
    expect(error.message).toMatch(/`baseUrl`/)
    expect(error.code).toBe('invalid-options')
  })

  it.each([
    [{ timeout: 0 }, /`timeout`/],
    [{ timeout: Number.POSITIVE_INFINITY }, /`timeout`/],
    [{ retry: -1 }, /`retry`/],
    [{ retry: 1.5 }, /`retry`/],
    [{ retry: { maxRetryAfter: -1 } }, /`retry.maxRetryAfter`/],
    [{ fetch: 'fetch' }, /`fetch`/],
    [{ headers: { 'X-Count': 1 } }, /`headers`/],
  ])('refuses %o, naming the option', (options, message) => {
    const error = thrownBy(() => createTestClient(options as never))
    expect(error.message).toMatch(message)
    expect(error.code).toBe('invalid-options')
  })

  it('refuses per-call options, parameters and ids it cannot use with code invalid-options, before any request', async () => {
    const client = createTestClient()
    const failures = await Promise.all([
      client.devices.retrieve('dev_1', { timeout: -1 }).catch((error: unknown) => error),
      client.devices.list({ perPage: 0 }).catch((error: unknown) => error),
      client.devices.retrieve('..').catch((error: unknown) => error),
      client.commands.send('battery' as never, { deviceId: 'dev_1', input: {} } as never).catch((error: unknown) => error),
      client.commands.waitFor('cmd_1', { interval: 0 }).catch((error: unknown) => error),
    ])
    for (const error of failures) {
      expect(error).toBeInstanceOf(TextureError)
      expect((error as TextureError).code).toBe('invalid-options')
    }
    expect(requests).toHaveLength(0)
  })

  it('calls the `fetch` given, with the key header set', async () => {
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => Response.json(batteryDevice('dev_1')))
    const device = await createTestClient({ fetch }).devices.retrieve('dev_1')
    expect(device.id).toBe('dev_1')
    expect(fetch).toHaveBeenCalledTimes(1)
    const request = fetch.mock.calls[0]![0] as Request
    expect(request.url).toBe(`${baseUrl}/devices/dev_1`)
    expect(request.headers.get('Texture-Api-Key')).toBe(scopedKey)
    expect(requests).toHaveLength(0)
  })

  it('reads globalThis.fetch at call time, so a fetch installed after creation is used', async () => {
    const client = createTestClient()
    const fetch = vi.fn(async () => Response.json(batteryDevice('dev_7')))
    vi.stubGlobal('fetch', fetch)
    expect(await client.devices.retrieve('dev_7')).toMatchObject({ id: 'dev_7' })
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('adds client headers to every request and lets one call add or override them', async () => {
    server.use(http.get(`${baseUrl}/devices/dev_1`, () => HttpResponse.json(batteryDevice('dev_1'))))
    const client = createTestClient({ headers: { 'X-App': 'demo', 'X-Trace': 'client' } })
    await client.devices.retrieve('dev_1')
    await client.devices.retrieve('dev_1', { headers: { 'X-Trace': 'call' } })
    expect(requests.map((request) => [request.headers.get('X-App'), request.headers.get('X-Trace')])).toEqual([
      ['demo', 'client'],
      ['demo', 'call'],
    ])
  })

  it('always sends its own key, whatever headers say', async () => {
    server.use(http.get(`${baseUrl}/devices/dev_1`, () => HttpResponse.json(batteryDevice('dev_1'))))
    const client = createTestClient({ headers: { 'Texture-Api-Key': 'api_other' } })
    await client.devices.retrieve('dev_1', { headers: { 'texture-api-key': 'api_other' } })
    expect(requests[0]!.headers.get('Texture-Api-Key')).toBe(scopedKey)
  })

  it('serialises to its base URL only', () => {
    expect(JSON.parse(JSON.stringify(createTestClient()))).toEqual({ baseUrl })
    expect(inspect(createTestClient())).toBe(`TextureClient { baseUrl: '${baseUrl}' }`)
  })
})
