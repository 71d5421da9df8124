import { TextureError, branded } from './texture-error'

/** What the API said, read from its error body and headers. */
export interface TextureApiErrorOptions {
  /** HTTP method of the failed request, e.g. `GET`. */
  method: string
  /** Path of the failed request after the base URL, e.g. `/devices/dev_1`. */
  path: string
  status: number
  /** The API's machine-readable code (`code`, or `error` in older bodies). */
  code?: string | undefined
  details?: unknown
  requestId?: string | undefined
  /** Seconds to wait before trying again. */
  retryAfter?: number | undefined
}

/**
 * The API answered with an error status. Subclasses name the common ones; any other status is a
 * plain `TextureApiError`, so `error.status` is always the thing to branch on.
 *
 * @example
 * try { await client.devices.retrieve(id) } catch (error) {
 *   if (isTextureApiError(error) && error.status === 403) showNotYours()
 * }
 */
export class TextureApiError extends TextureError {
  override name = branded(this, 'TextureApiError')
  readonly status: number
  /** The API's machine-readable code (`code`, or `error` in older bodies). */
  declare readonly code: string | undefined
  readonly details: unknown
  /** The server's id for the request (`X-Request-Id`), worth quoting to Texture support. */
  readonly requestId: string | undefined
  /** Seconds the API asked us to wait (`retryAfter` in the body or the `Retry-After` header). */
  readonly retryAfter: number | undefined
  readonly method: string
  readonly path: string

  constructor(message: string, options: TextureApiErrorOptions) {
    super(message, { code: options.code })
    this.status = options.status
    this.details = options.details
    this.requestId = options.requestId
    this.retryAfter = options.retryAfter
    this.method = options.method
    this.path = options.path
  }
}

/** 400: the request was malformed or a parameter was out of range. */
export class BadRequestError extends TextureApiError {
  override name = branded(this, 'BadRequestError')
}

/** 401: the key is missing, malformed, unknown or revoked. */
export class AuthenticationError extends TextureApiError {
  override name = branded(this, 'AuthenticationError')
}

/** 403: the key may not do this — for a scoped key, usually a device of another user. */
export class ForbiddenError extends TextureApiError {
  override name = branded(this, 'ForbiddenError')
}

/** 404: no such device or command. */
export class NotFoundError extends TextureApiError {
  override name = branded(this, 'NotFoundError')
}

/** 429: too many requests; `retryAfter` says how many seconds to wait. */
export class RateLimitError extends TextureApiError {
  override name = branded(this, 'RateLimitError')
}

/** 5xx: Texture (or a manufacturer behind it) failed. */
export class ServerError extends TextureApiError {
  override name = branded(this, 'ServerError')
}

/** The error class for an HTTP status: a named subclass where one exists. */
export function apiErrorClassFor(status: number): typeof TextureApiError {
  if (status === 400) return BadRequestError
  if (status === 401) return AuthenticationError
  if (status === 403) return ForbiddenError
  if (status === 404) return NotFoundError
  if (status === 429) return RateLimitError
  if (status >= 500) return ServerError
  return TextureApiError
}
