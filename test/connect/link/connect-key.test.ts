import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ConnectError } from '../../../src/index'
import { stubWindowOpen } from '../support/fake-popup'
import { hostedOrigin, postMessageFrom, protocolMessage, stateOf } from '../support/hosted'
import { flushPromises, openSession } from '../support/sessions'

const connectKey = 'ck_test_public_8f3a'
const createdLink = `${hostedOrigin}/link?token=lt_42`
const requests: Request[] = []
const server = setupServer()

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  requests.length = 0
})
afterAll(() => server.close())

function answerWith(response: () => Response, url = 'https://api.texturehq.com/v1/connections') {
  server.use(
    http.post(url, ({ request }) => {
      requests.push(request.clone())
      return response()
    }),
  )
}

async function failureOf(promise: Promise<unknown>): Promise<ConnectError> {
  const error = await promise.catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(ConnectError)
  return error as ConnectError
}

describe('a session with a connect key', () => {
  it('opens the popup first, creates the link with the key in the header, then navigates the popup', async () => {
    answerWith(() => HttpResponse.json({ linkToken: 'lt_42', linkUrl: createdLink }))
    const windowOpen = stubWindowOpen()
    const session = openSession({ connectKey, connectOptions: { referenceId: 'user-1', clientName: 'Acme' } })
    expect(windowOpen.open).toHaveBeenCalledWith('', '_blank', expect.any(String))
    await vi.waitFor(() => expect(windowOpen.latest.navigate).toHaveBeenCalled())
    expect(requests).toHaveLength(1)
    expect(requests[0]!.headers.get('Texture-Api-Key')).toBe(connectKey)
    expect(await requests[0]!.json()).toEqual({ referenceId: 'user-1', clientName: 'Acme' })
    const url = new URL(windowOpen.latest.url)
    expect(url.origin + url.pathname).toBe(`${hostedOrigin}/link`)
    expect(url.searchParams.get('token')).toBe('lt_42')
    expect(windowOpen.latest.url).not.toContain(connectKey)
    postMessageFrom({ source: windowOpen.latest.window, origin: hostedOrigin, data: protocolMessage(stateOf(windowOpen.latest.url), 'success', { scopedKey: 'scoped_from_key' }) })
    await expect(session.result).resolves.toMatchObject({ scopedKey: 'scoped_from_key' })
  })

  it('uses `apiBaseUrl`, with or without a trailing /v1', async () => {
    answerWith(() => HttpResponse.json({ linkToken: 'lt_1', linkUrl: createdLink }), 'http://localhost:4010/v1/connections')
    const windowOpen = stubWindowOpen()
    openSession({ connectKey, apiBaseUrl: 'http://localhost:4010/v1/' })
    await vi.waitFor(() => expect(windowOpen.latest.navigate).toHaveBeenCalled())
    expect(requests[0]!.url).toBe('http://localhost:4010/v1/connections')
  })

  it.each([
    ['the API root with its version, like the client’s `baseUrl`', 'https://proxy.example.com/texture/v2', 'https://proxy.example.com/texture/v2/connections'],
    ['a bare origin, the older spelling, as its `/v1`', 'http://localhost:4010', 'http://localhost:4010/v1/connections'],
    ['a bare origin with a trailing slash, as its `/v1`', 'https://api.texturehq.com/', 'https://api.texturehq.com/v1/connections'],
  ])('takes as `apiBaseUrl` %s', async (_, apiBaseUrl, expected) => {
    answerWith(() => HttpResponse.json({ linkToken: 'lt_1', linkUrl: createdLink }), expected)
    const windowOpen = stubWindowOpen()
    openSession({ connectKey, apiBaseUrl })
    await vi.waitFor(() => expect(windowOpen.latest.navigate).toHaveBeenCalled())
    expect(requests[0]!.url).toBe(expected)
  })

  it('reads fetch from globalThis when called, so a replaced fetch is used', async () => {
    const fetch = vi.fn(async () => Response.json({ linkToken: 'lt_1', linkUrl: createdLink }))
    vi.stubGlobal('fetch', fetch)
    const windowOpen = stubWindowOpen()
    openSession({ connectKey })
    await vi.waitFor(() => expect(windowOpen.latest.navigate).toHaveBeenCalled())
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('ends with link-failed carrying the API message ({ code, message } bodies)', async () => {
    answerWith(() => HttpResponse.json({ code: 'INVALID_KEY', message: 'The Connect key is not valid' }, { status: 401 }))
    const windowOpen = stubWindowOpen()
    const onError = vi.fn()
    const session = openSession({ connectKey, onError })
    const error = await failureOf(session.result)
    expect(error.code).toBe('link-failed')
    expect(error.message).toContain('The Connect key is not valid')
    expect(error.message).toContain('401')
    expect(error.metadata).toMatchObject({ status: 401, code: 'INVALID_KEY' })
    expect(onError).toHaveBeenCalledWith(error)
    expect(windowOpen.latest.close).toHaveBeenCalled()
  })

  it('keeps Retry-After of a 429 as metadata.retryAfter, in seconds', async () => {
    answerWith(() => HttpResponse.json({ code: 'RATE_LIMITED', message: 'Slow down' }, { status: 429, headers: { 'Retry-After': '12' } }))
    stubWindowOpen()
    const error = await failureOf(openSession({ connectKey }).result)
    expect(error.metadata).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: 12 })
  })

  it('reads retryAfter from the error body when the header is missing, and leaves it out when neither says', async () => {
    answerWith(() => HttpResponse.json({ message: 'Slow down', retryAfter: 3 }, { status: 429 }))
    stubWindowOpen()
    expect((await failureOf(openSession({ connectKey }).result)).metadata).toMatchObject({ retryAfter: 3 })
    answerWith(() => HttpResponse.json({ message: 'Broken' }, { status: 500 }))
    expect((await failureOf(openSession({ connectKey }).result)).metadata).not.toHaveProperty('retryAfter')
  })

  it('reads the older { message, error } error bodies too', async () => {
    answerWith(() => HttpResponse.json({ error: 'Bad Request', message: 'referenceId is required' }, { status: 400 }))
    stubWindowOpen()
    const error = await failureOf(openSession({ connectKey }).result)
    expect(error.message).toContain('referenceId is required')
  })

  it('never puts the key in an error message, even when the API echoes it', async () => {
    answerWith(() => HttpResponse.json({ message: `Unknown key ${connectKey}` }, { status: 403 }))
    stubWindowOpen()
    const error = await failureOf(openSession({ connectKey }).result)
    expect(error.message).not.toContain(connectKey)
    expect(JSON.stringify(error.metadata)).not.toContain(connectKey)
  })

  it('ends with link-failed when the network fails, without the key in the message', async () => {
    answerWith(() => HttpResponse.error())
    stubWindowOpen()
    const error = await failureOf(openSession({ connectKey }).result)
    expect(error.code).toBe('link-failed')
    expect(error.message).not.toContain(connectKey)
  })

  it('ends with link-failed when the answer has no link', async () => {
    answerWith(() => HttpResponse.json({ linkToken: 'lt_1' }))
    stubWindowOpen()
    const error = await failureOf(openSession({ connectKey }).result)
    expect(error.code).toBe('link-failed')
  })

  it('aborts the request when the session is closed while the link is being created', async () => {
    let signal: AbortSignal | undefined
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        signal = init.signal ?? undefined
        return new Promise<Response>(() => {})
      }),
    )
    stubWindowOpen()
    const session = openSession({ connectKey })
    await flushPromises()
    session.close()
    expect(signal?.aborted).toBe(true)
  })
})
