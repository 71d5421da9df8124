import { ConnectError } from './connect-error'
import { TextureError } from './texture-error'

type ErrorClass<T> = abstract new (...args: never[]) => T

// Errors can come from another realm (an iframe, a test VM) where `instanceof` fails; each
// guard also accepts the `name` of its class or of any subclass. Add new subclasses here.
const connectErrorNames = ['ConnectError']
const textureErrorNames = ['TextureError', ...connectErrorNames]

/** Matches by `instanceof`, or by `name` for an error from another realm. */
export function matchesError<T>(value: unknown, type: ErrorClass<T>, names: readonly string[]): value is T {
  if (value instanceof type) return true
  if (typeof value !== 'object' || value === null) return false
  const name = (value as { name?: unknown }).name
  return typeof name === 'string' && names.includes(name)
}

/** True for any error thrown by this SDK, whichever realm it was created in. */
export function isTextureError(value: unknown): value is TextureError {
  return matchesError(value, TextureError, textureErrorNames)
}

/** True for a {@link ConnectError}, whichever realm it was created in. */
export function isConnectError(value: unknown): value is ConnectError {
  return matchesError(value, ConnectError, connectErrorNames)
}
