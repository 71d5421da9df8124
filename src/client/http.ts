import ky, { HTTPError, TimeoutError, type Options as KyOptions } from 'ky'
import { TextureError } from '../errors/texture-error'
import { TextureNetworkError } from '../errors/network-error'
import { TextureTimeoutError } from '../errors/timeout-error'
import { apiErrorFromResponse } from './api-error-from-response'
import { assertTimeout, resolveHeaders, type RequestOptions, type ResolvedClientOptions } from './options'
import { redact } from '../internal/redact'
import { copyBodyRetryAfterToHeader, readRetryPolicy } from './retry-policy'
import { lacksFetchClasses, sendWithoutFetchClasses } from './send-without-fetch-classes'

/** Query parameters, already validated; `undefined` entries are left out, arrays repeat the name. */
export type Query = Record<string, string | number | readonly string[] | undefined>

export interface HttpRequest extends RequestOptions {
  query?: Query
  json?: unknown
}

/** The client's one door to the network. */
export interface Http {
  get<T>(path: string, request?: HttpRequest): Promise<T>
  post<T>(path: string, request?: HttpRequest): Promise<T>
}

/**
 * Builds the one configured ky instance. The key lives only in this closure: it is set on each
 * request in a hook (so no header option can replace it) and removed from every error message.
 */
export function createHttp(key: string, options: ResolvedClientOptions): Http {
  const instance = ky.create({
    prefixUrl: options.baseUrl,
    timeout: options.timeout,
    headers: options.headers,
    // Looked up on every call, so a fetch mock installed after the client was created applies.
    fetch: async (input, init) => copyBodyRetryAfterToHeader(await (options.fetch ?? globalThis.fetch)(input, init)),
    retry: readRetryPolicy(options.retry),
    hooks: {
      beforeRequest: [(request) => request.headers.set('Texture-Api-Key', key)],
    },
  })

  const send = async <T>(method: 'GET' | 'POST', path: string, request: HttpRequest = {}, extra: KyOptions = {}): Promise<T> => {
    const timeout = request.timeout === undefined ? options.timeout : assertTimeout(request.timeout, '`timeout`')
    // The query goes into the URL here: ky's `searchParams` would build the Request a second time.
    const search = toSearchParams(request.query).toString()
    const url = path.replace(/^\//, '') + (search === '' ? '' : `?${search}`)
    let response: Response
    try {
      if (lacksFetchClasses()) {
        const headers = { ...options.headers, ...resolveHeaders(request.headers), 'Texture-Api-Key': key }
        response = await sendWithoutFetchClasses({ method, url, headers, json: request.json, timeout, signal: request.signal }, options)
      } else {
        response = await instance(url, {
          method,
          timeout,
          headers: resolveHeaders(request.headers),
          ...(request.json === undefined ? {} : { json: request.json }),
          ...(request.signal === undefined ? {} : { signal: request.signal }),
          ...extra,
        })
      }
    } catch (error) {
      throw await toTextureError(error, { method, path, key, timeout, signal: request.signal })
    }
    // ky has already turned an error status into an HTTPError; a direct call has not.
    if (!response.ok) throw await apiErrorFromResponse(response, { method, path, key })
    return readJson<T>(response, method, path)
  }

  return {
    get: (path, request) => send('GET', path, request),
    // Commands are not idempotent: a retried POST could run twice on a real device.
    post: (path, request) => send('POST', path, request, { retry: { limit: 0 } }),
  }
}

interface FailureContext {
  method: string
  path: string
  key: string
  timeout: number
  signal: AbortSignal | undefined
}

async function toTextureError(error: unknown, { method, path, key, timeout, signal }: FailureContext): Promise<unknown> {
  if (error instanceof HTTPError) return apiErrorFromResponse(error.response, { method, path, key })
  if (error instanceof TextureError) return error
  // The caller's own abort: reject with their reason, exactly as fetch does.
  if (signal?.aborted === true) return signal.reason
  // Not attached as `cause`: ky's error holds the Request, whose headers hold the key.
  if (error instanceof TimeoutError) return new TextureTimeoutError(`${method} ${path} timed out: no response within ${timeout} ms.`)
  const reason = error instanceof Error ? error.message : String(error)
  return new TextureNetworkError(redact(`${method} ${path} failed before any response arrived: ${reason}`, key), { cause: error })
}

async function readJson<T>(response: Response, method: string, path: string): Promise<T> {
  const text = await response.text()
  try {
    return JSON.parse(text) as T
  } catch {
    throw new TextureError(`${method} ${path} answered HTTP ${response.status} with a body that is not JSON; is \`baseUrl\` the Texture API?`)
  }
}

function toSearchParams(query: Query | undefined): URLSearchParams {
  const searchParams = new URLSearchParams()
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) searchParams.append(name, item)
    else searchParams.append(name, String(value))
  }
  return searchParams
}
