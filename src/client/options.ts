import { parseUrl } from '../internal/parse-url'
import { optionError } from './option-error'

/** How reads are retried. Commands (POST) are never retried, whatever these say. */
export interface RetryOptions {
  /** Retries after the first attempt of a read. `0` turns retrying off. @default 2 */
  limit?: number
  /**
   * Milliseconds to wait before retry number `attempt` (from 1) when the server gave no
   * `Retry-After`. Full jitter is applied on top.
   * @default attempt => Math.min(500 * 2 ** (attempt - 1), 8000)
   */
  delay?: (attempt: number) => number
  /**
   * Longest `Retry-After` (ms) worth waiting for; a longer one fails at once with a
   * `RateLimitError` (or `ServerError`) whose `retryAfter` says how long.
   * @default 30_000
   */
  maxRetryAfter?: number
}

export interface TextureClientOptions {
  /** The key Connect returned for this user (`scoped_…`). In a browser only scoped keys are accepted. */
  scopedKey: string
  /**
   * The API root with its version, as Connect's `apiBaseUrl`; paths such as `/devices` are
   * appended to it. Used exactly as given: unlike `apiBaseUrl`, a bare origin gets no `/v1`, so a
   * mock server that answers at its root keeps working.
   * @default 'https://api.texturehq.com/v1'
   */
  baseUrl?: string
  /** The `fetch` to call. Read at call time, so test mocks installed later still apply. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch
  /** Milliseconds before one attempt is abandoned with a `TextureTimeoutError`. @default 30_000 */
  timeout?: number
  /** Retries for reads: a count, or {@link RetryOptions}. @default 2 */
  retry?: number | RetryOptions
  /** Extra headers on every request. `Texture-Api-Key` is always the client's key. @default {} */
  headers?: Record<string, string>
}

/** Options for one call, overriding the client's. Pass as the last argument. */
export interface RequestOptions {
  /** Aborts the call (and any retry wait); the promise rejects with the signal's reason. */
  signal?: AbortSignal
  /** Milliseconds for this call's attempts. @default the client's `timeout` */
  timeout?: number
  /** Extra headers for this call, merged over the client's. */
  headers?: Record<string, string>
}

export interface ResolvedClientOptions {
  readonly baseUrl: string
  readonly fetch: typeof globalThis.fetch | undefined
  readonly timeout: number
  readonly retry: Readonly<Required<RetryOptions>>
  readonly headers: Readonly<Record<string, string>>
}

export const defaultBaseUrl = 'https://api.texturehq.com/v1'
const largestTimeout = 2_147_483_647

/** Validates the options (messages name the option) and fills in defaults. */
export function resolveClientOptions(options: Omit<TextureClientOptions, 'scopedKey'>): ResolvedClientOptions {
  const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {})
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw optionError('`fetch` must be a function.')
  }
  if (retry.delay !== undefined && typeof retry.delay !== 'function') {
    throw optionError('`retry.delay` must be a function (attempt → ms).')
  }
  return Object.freeze({
    baseUrl: resolveBaseUrl(options.baseUrl ?? defaultBaseUrl),
    fetch: options.fetch,
    timeout: assertTimeout(options.timeout ?? 30_000, '`timeout`'),
    retry: Object.freeze({
      limit: assertWholeNumber(retry.limit ?? 2, '`retry`'),
      delay: retry.delay ?? ((attempt: number) => Math.min(500 * 2 ** (attempt - 1), 8000)),
      maxRetryAfter: assertTimeout(retry.maxRetryAfter ?? 30_000, '`retry.maxRetryAfter`'),
    }),
    headers: Object.freeze(resolveHeaders(options.headers)),
  })
}

/** Checks a per-call timeout the same way as the client's. */
export function assertTimeout(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > largestTimeout) {
    throw optionError(`${name} must be a positive number of milliseconds (at most ${largestTimeout}).`)
  }
  return value
}

function assertWholeNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw optionError(`${name} must be a whole number of retries (0 or more).`)
  }
  return value
}

function resolveBaseUrl(value: unknown): string {
  const url = parseUrl(value)
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw optionError('`baseUrl` must be an absolute http(s) URL, like https://api.texturehq.com/v1.')
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw optionError('`baseUrl` must not carry a query string, fragment or credentials.')
  }
  return url.href.replace(/\/+$/, '')
}

/** Plain string headers; a caller's `Texture-Api-Key` is dropped so the client's key always wins. */
export function resolveHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined) return {}
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw optionError('`headers` must be an object of header names to string values.')
  }
  const resolved: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string') throw optionError(`\`headers\` value for "${name}" must be a string.`)
    if (name.toLowerCase() !== 'texture-api-key') resolved[name] = value
  }
  return resolved
}
