import { http, type HttpHandler } from 'msw'
import { createFakeTextureApi, type FakeTextureApi, type FakeTextureApiOptions } from './fake-api'

export type FakeTextureOptions = FakeTextureApiOptions

/** The fake Texture API plus its msw request handlers. */
export interface FakeTexture extends FakeTextureApi {
  /** Pass to `setupServer(...handlers)` (msw/node) or `setupWorker(...handlers)` (msw/browser). */
  readonly handlers: HttpHandler[]
}

/**
 * The fake Texture API as msw handlers, for your own tests: scoped-key rules, pages, history,
 * commands that go `pending` → `success`, Connect links, and injected failures.
 *
 * @example
 * import { setupServer } from 'msw/node'
 * import { createFakeTexture, sandboxUsers } from 'texture-connect/testing'
 *
 * const texture = createFakeTexture({ commandDelayMs: 10 })
 * const server = setupServer(...texture.handlers)
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
 * afterEach(() => texture.reset())
 * afterAll(() => server.close())
 *
 * it('shows a rate-limit message', async () => {
 *   texture.failNext({ status: 429, retryAfter: 1 })
 *   // … render the component that lists sandboxUsers[0]'s devices …
 * })
 */
export function createFakeTexture(options: FakeTextureOptions = {}): FakeTexture {
  const api = createFakeTextureApi(options)
  // One catch-all per base URL: the rules (404s, 405s, preflights) live in `handle`, not in msw.
  const handlers = [http.all(api.baseUrl, ({ request }) => api.handle(request)), http.all(`${api.baseUrl}/*`, ({ request }) => api.handle(request))]
  return Object.assign(api, { handlers })
}

/**
 * Handlers for a fake at the default base URL with the sandbox data, shared by every test that
 * imports them: call `fakeTexture.reset()` between tests (or make your own with `createFakeTexture`).
 */
export const fakeTexture: FakeTexture = createFakeTexture()
export const fakeTextureHandlers: HttpHandler[] = fakeTexture.handlers
