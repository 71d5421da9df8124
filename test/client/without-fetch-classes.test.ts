import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ForbiddenError, TextureTimeoutError, createTextureClient } from '../../src/index'

// jsdom, Jest's browser environment, has no Request or Response: only an injected fetch can answer
// there, with a plain object for a response.
const scopedKey = 'scoped_jsdom_user'

function answer(status: number, body: unknown) {
  return { ok: status >= 200 && status < 300, status, statusText: '', headers: new Headers(), text: async () => JSON.stringify(body) }
}

describe('the client where fetch has no Request class (jsdom)', () => {
  beforeEach(() => {
    vi.stubGlobal('Request', undefined)
    vi.stubGlobal('Response', undefined)
  })

  it('calls the injected fetch with the URL, the key header and the JSON body', async () => {
    const fetch = vi.fn(async () => answer(200, { id: 'cmd_1', status: 'pending' }))
    const client = createTextureClient({ scopedKey, fetch: fetch as never, baseUrl: 'https://api.example.com/v1/' })
    const command = await client.commands.send('battery:set-reserve', { deviceId: 'dev_1', input: { chargePercentage: 20 } })
    expect(command).toEqual({ id: 'cmd_1', status: 'pending' })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit & { headers: Record<string, string> }]
    expect(url).toBe('https://api.example.com/v1/commands/battery/set-reserve')
    expect(init.method).toBe('POST')
    expect(init.headers['Texture-Api-Key']).toBe(scopedKey)
    expect(JSON.parse(String(init.body))).toEqual({ deviceId: 'dev_1', input: { chargePercentage: 20 } })
  })

  it('puts the query on the URL of a read', async () => {
    const fetch = vi.fn(async () => answer(200, { data: [], page: 2, perPage: 5, totalItems: 0, totalPages: 0 }))
    await createTextureClient({ scopedKey, fetch: fetch as never }).devices.list({ page: 2, perPage: 5 })
    expect(fetch.mock.calls[0]).toEqual([expect.stringMatching(/^https:\/\/api\.texturehq\.com\/v1\/devices\?.*page=2.*perPage=5/), expect.anything()])
  })

  it('turns an error status into the same TextureApiError subclass as with ky', async () => {
    const fetch = vi.fn(async () => answer(403, { code: 'forbidden', message: 'not your device' }))
    const client = createTextureClient({ scopedKey, fetch: fetch as never })
    await expect(client.devices.retrieve('dev_other')).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('gives up after `timeout` ms with a TextureTimeoutError', async () => {
    const fetch = vi.fn(() => new Promise(() => {}))
    const client = createTextureClient({ scopedKey, fetch: fetch as never, timeout: 20 })
    await expect(client.devices.list()).rejects.toBeInstanceOf(TextureTimeoutError)
  })
})
