import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createFakeTexture, sandboxUsers, type FakeTexture, type FakeTextureOptions } from '../../src/testing/index'

export const api = 'https://api.texturehq.com/v1'
export const [ada, grace, katherine] = sandboxUsers as [(typeof sandboxUsers)[number], (typeof sandboxUsers)[number], (typeof sandboxUsers)[number]]

/** A fake Texture behind msw for the whole file, reset after each test; unhandled requests fail. */
export function useFakeTexture(options: FakeTextureOptions = {}): FakeTexture {
  const texture = createFakeTexture(options)
  const server = setupServer(...texture.handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => texture.reset())
  afterAll(() => server.close())
  return texture
}

/** A plain `fetch` to the fake API with `key` in the `Texture-Api-Key` header (none when undefined). */
export function call(path: string, key: string | undefined, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (key !== undefined) headers.set('Texture-Api-Key', key)
  if (init.body !== undefined) headers.set('Content-Type', 'application/json')
  return fetch(`${api}${path}`, { ...init, headers })
}

/** POSTs `body` as JSON. */
export function post(path: string, key: string | undefined, body: unknown): Promise<Response> {
  return call(path, key, { method: 'POST', body: JSON.stringify(body) })
}

/** The JSON body of a response whose status must be `status`. */
export async function expectJson<T = Record<string, unknown>>(response: Response, status: number): Promise<T> {
  const body = (await response.json()) as T
  if (response.status !== status) throw new Error(`Expected HTTP ${status}, got ${response.status}: ${JSON.stringify(body)}`)
  return body
}
