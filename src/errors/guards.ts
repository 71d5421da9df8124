import { TextureApiError } from './api-error'
import { ConnectError } from './connect-error'
import { TextureNetworkError } from './network-error'
import { TextureError } from './texture-error'
import { TextureTimeoutError } from './timeout-error'

type ErrorClass<T> = abstract new (...args: never[]) => T

// Errors can come from another realm (an iframe, a test VM) where `instanceof` fails; each
// guard also accepts the `name` of its class or of any subclass. Add new subclasses here.
const connectErrorNames = ['ConnectError']
const apiErrorNames = ['TextureApiError', 'BadRequestError', 'AuthenticationError', 'ForbiddenError', 'NotFoundError', 'RateLimitError', 'ServerError']
const networkErrorNames = ['TextureNetworkError']
const timeoutErrorNames = ['TextureTimeoutError', 'CommandTimeoutError']
const textureErrorNames = ['TextureError', ...connectErrorNames, ...networkErrorNames, ...timeoutErrorNames]

/** Matches by `instanceof`, or by `name` for an error from another realm. */
export function matchesError<T>(value: unknown, type: ErrorClass<T>, names: readonly string[]): value is T {
  if (value instanceof type) return true
  if (typeof value !== 'object' || value === null) return false
  const name = (value as { name?: unknown }).name
  return typeof name === 'string' && names.includes(name)
}

/** True for any error thrown by this SDK, whichever realm it was created in. */
export function isTextureError(value: unknown): value is TextureError {
  return matchesError(value, TextureError, textureErrorNames) || isTextureApiError(value)
}

/** True for a {@link ConnectError}, whichever realm it was created in. */
export function isConnectError(value: unknown): value is ConnectError {
  return matchesError(value, ConnectError, connectErrorNames)
}

/** True for a {@link TextureApiError} (the API answered with an error status), from any realm. */
export function isTextureApiError(value: unknown): value is TextureApiError {
  if (value instanceof TextureApiError) return true
  // Names like `NotFoundError` are common in other libraries: by name, also require our fields.
  return (
    matchesError(value, TextureApiError, apiErrorNames) &&
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof (value as { path?: unknown }).path === 'string'
  )
}

/** True for a {@link TextureNetworkError} (no response arrived), from any realm. */
export function isTextureNetworkError(value: unknown): value is TextureNetworkError {
  return matchesError(value, TextureNetworkError, networkErrorNames)
}

/** True for a {@link TextureTimeoutError}, including `commands.waitFor()` giving up, from any realm. */
export function isTextureTimeoutError(value: unknown): value is TextureTimeoutError {
  return matchesError(value, TextureTimeoutError, timeoutErrorNames)
}
