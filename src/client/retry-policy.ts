import { HTTPError, type RetryOptions as KyRetryOptions } from 'ky'
import type { ResolvedClientOptions } from './options'
import { parseRetryAfter } from './retry-after'

// Worth repeating: timeouts, rate limits and server failures. 501 and other 4xx will not change.
const retryStatusCodes = [408, 429, 500, 502, 503, 504]

/**
 * ky's retry options for reads. Only GET is listed; commands also pass `limit: 0`, so neither
 * a status nor a network error can ever send one twice. `Retry-After` is honoured on every
 * retried status, and backoff gets full jitter so many clients do not retry in step.
 */
export function readRetryPolicy(retry: ResolvedClientOptions['retry']): KyRetryOptions {
  return {
    limit: retry.limit,
    methods: ['get'],
    statusCodes: retryStatusCodes,
    afterStatusCodes: retryStatusCodes,
    delay: retry.delay,
    jitter: true,
    shouldRetry: ({ error }) => (waitsTooLong(error, retry.maxRetryAfter) ? false : undefined),
  }
}

/** True when the server asked for a wait longer than we are willing to hold a read open. */
function waitsTooLong(error: Error, maxRetryAfter: number): boolean {
  if (!(error instanceof HTTPError)) return false
  const seconds = parseRetryAfter(error.response.headers.get('retry-after'))
  return seconds !== undefined && seconds * 1000 > maxRetryAfter
}

/**
 * Texture may put `retryAfter` in the error body only (a browser cannot read `Retry-After` unless
 * the server exposes it through CORS). ky waits on the header, so copy the body's value there.
 * Called on the fetch's own response, before ky sees it: a successful response passes through
 * untouched (an `afterResponse` hook would make ky clone every response to call it).
 */
export async function copyBodyRetryAfterToHeader(response: Response): Promise<Response> {
  if (response.ok || response.headers.has('retry-after') || !retryStatusCodes.includes(response.status)) return response
  // Read from a clone: without a value in the body, ky gets the response exactly as it came.
  const text = await response.clone().text()
  let retryAfter: number | undefined
  try {
    retryAfter = parseRetryAfter((JSON.parse(text) as { retryAfter?: unknown } | null)?.retryAfter)
  } catch {
    retryAfter = undefined
  }
  if (retryAfter === undefined) return response
  void response.body?.cancel().catch(() => {})
  const headers = new Headers(response.headers)
  headers.set('retry-after', String(retryAfter))
  return new Response(text, { status: response.status, statusText: response.statusText, headers })
}
