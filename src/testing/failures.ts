import { errorResponse } from './responses'

/** A failure the fake answers with instead of the real route, for testing retries and error paths. */
export interface FakeFailure {
  /** HTTP status to answer with, e.g. 429 or 503. */
  status: number
  /** Seconds, sent as `Retry-After` and `retryAfter` in the body. @default 1 for a 429 (Texture always sends one), none otherwise */
  retryAfter?: number
  /** @default 'rate-limited' for 429, 'server-error' for 5xx, 'injected-failure' otherwise */
  code?: string
  /** @default a sentence naming the status */
  message?: string
  /** How many matching requests fail before the fake answers normally again. @default 1 */
  times?: number
  /** Only requests whose path (after the base URL, e.g. `/devices/dev_1`) starts with this. @default every path */
  path?: string
  /** Only requests with this HTTP method. @default every method */
  method?: string
}

/** A queue of injected failures: each request takes the first one that matches it. */
export interface FailureQueue {
  add(failure: FakeFailure): void
  /** The injected response for this request, if one matches (and uses one of its `times`). */
  take(method: string, path: string): Response | undefined
  clear(): void
}

export function createFailureQueue(): FailureQueue {
  let pending: Array<FakeFailure & { remaining: number }> = []
  return {
    add(failure) {
      if (!Number.isInteger(failure.status) || failure.status < 400 || failure.status > 599) {
        throw new RangeError(`\`status\` must be an HTTP error status (400–599); got ${String(failure.status)}.`)
      }
      pending.push({ ...failure, remaining: failure.times ?? 1 })
    },
    take(method, path) {
      const failure = pending.find((candidate) => (candidate.path === undefined || path.startsWith(candidate.path)) && (candidate.method === undefined || candidate.method.toUpperCase() === method))
      if (failure === undefined) return undefined
      failure.remaining -= 1
      if (failure.remaining <= 0) pending = pending.filter((candidate) => candidate !== failure)
      const retryAfter = failure.retryAfter ?? (failure.status === 429 ? 1 : undefined)
      return errorResponse(failure.status, {
        code: failure.code ?? defaultCode(failure.status),
        message: failure.message ?? `Injected failure: HTTP ${failure.status}.`,
        ...(retryAfter === undefined ? {} : { retryAfter }),
      })
    },
    clear() {
      pending = []
    },
  }
}

function defaultCode(status: number): string {
  if (status === 429) return 'rate-limited'
  if (status >= 500) return 'server-error'
  return 'injected-failure'
}
