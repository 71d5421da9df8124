import { TextureTimeoutError } from '../errors/timeout-error'
import type { ResolvedClientOptions } from './options'

export interface PlainRequest {
  method: 'GET' | 'POST'
  /** Relative to `baseUrl`, query included. */
  url: string
  headers: Record<string, string>
  json?: unknown
  timeout: number
  signal?: AbortSignal | undefined
}

/** True where `fetch`'s `Request` class is missing (jsdom, Jest's browser environment), which ky cannot run without. */
export function lacksFetchClasses(): boolean {
  return typeof globalThis.Request !== 'function'
}

/**
 * One call to the configured `fetch` with a URL and an init object, for environments without the
 * Fetch API classes, where only an injected `fetch` can answer. No retries: those are ky's.
 * Resolves with whatever `fetch` resolved; rejects with TextureTimeoutError after `timeout` ms.
 */
export async function sendWithoutFetchClasses(request: PlainRequest, options: ResolvedClientOptions): Promise<Response> {
  const fetch = options.fetch ?? globalThis.fetch
  if (typeof fetch !== 'function') throw new TypeError('this environment has no fetch: pass `fetch` to createTextureClient')
  const controller = new AbortController()
  const abort = () => controller.abort(request.signal?.reason)
  if (request.signal?.aborted === true) abort()
  request.signal?.addEventListener('abort', abort, { once: true })
  let timer: ReturnType<typeof setTimeout> | undefined
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new TextureTimeoutError(`${request.method} ${request.url} timed out: no response within ${request.timeout} ms.`))
    }, request.timeout)
  })
  const headers = { ...request.headers, ...(request.json === undefined ? {} : { 'content-type': 'application/json' }) }
  try {
    const response = fetch(`${options.baseUrl.replace(/\/+$/, '')}/${request.url}`, {
      method: request.method,
      headers,
      signal: controller.signal,
      ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }),
    })
    return await Promise.race([response, timedOut])
  } finally {
    clearTimeout(timer)
    request.signal?.removeEventListener('abort', abort)
  }
}
