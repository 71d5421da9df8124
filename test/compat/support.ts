import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { createConnectSession, type CreateConnectSessionOptions, type CreateConnectSessionResult } from '../../src/index'
import { hostedOrigin } from '../connect/support/hosted'

/** A public Connect key, and the link Texture's API answers with. */
export const connectApiKey = 'ck_test_public_8f3a'
export const createdLink = `${hostedOrigin}/link?token=lt_42`

/** Every `POST /v1/connections` the fake API received. */
export const linkRequests: Request[] = []
const server = setupServer()
const started: CreateConnectSessionResult[] = []

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => answerLinkRequests(() => HttpResponse.json({ linkToken: 'lt_42', linkUrl: createdLink })))
afterEach(() => {
  // The SDK keeps one flow in flight per page; each test ends its own so the next starts clean.
  while (started.length > 0) started.pop()!.close()
  server.resetHandlers()
  linkRequests.length = 0
})
afterAll(() => server.close())

/** Makes `POST https://api.texturehq.com/v1/connections` answer with `response()`. */
export function answerLinkRequests(response: () => Response): void {
  server.use(
    http.post('https://api.texturehq.com/v1/connections', ({ request }) => {
      linkRequests.push(request.clone())
      return response()
    }),
  )
}

/** `createConnectSession` with Texture's example options and spied callbacks; closed after the test. */
export function createTexture(overrides: Partial<CreateConnectSessionOptions> = {}) {
  const onSuccess = vi.fn()
  const onError = vi.fn()
  const texture = createConnectSession({
    connectApiKey,
    connectOptions: { referenceId: 'connect-sdk-example', clientName: 'Connect SDK Example', tags: ['connect-sdk-example'] },
    onSuccess,
    onError,
    ...overrides,
  })
  started.push(texture)
  return { texture, onSuccess, onError }
}
