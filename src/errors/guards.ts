import { TextureApiError } from './api-error'
import { ConnectError } from './connect-error'
import { TextureNetworkError } from './network-error'
import { TextureError } from './texture-error'
import { TextureTimeoutError } from './timeout-error'

type ErrorClass<T> = abstract new (...args: never[]) => T

/**
 * Matches by `instanceof`; for an error from another realm (an iframe, a VM), where `instanceof`
 * fails, by its brand (which lists `name` when the error is that class or a subclass of it), or
 * by its own `name` being exactly `name`.
 */
export function matchesError<T>(value: unknown, type: ErrorClass<T>, name: string): value is T {
  if (value instanceof type) return true
  if (typeof value !== 'object' || value === null) return false
  const lineage = (value as Record<symbol, unknown>)[Symbol.for('texture-connect.error')]
  return (Array.isArray(lineage) && lineage.includes(name)) || (value as { name?: unknown }).name === name
}

/** True for any error thrown by this SDK, whichever realm it was created in. */
export function isTextureError(value: unknown): value is TextureError {
  // The family guards too: an unbranded error matched by its `name` alone is still one of ours.
  return matchesError(value, TextureError, 'TextureError') || isConnectError(value) || isTextureApiError(value) || isTextureNetworkError(value) || isTextureTimeoutError(value)
}

/** True for a {@link ConnectError}, whichever realm it was created in. */
export function isConnectError(value: unknown): value is ConnectError {
  return matchesError(value, ConnectError, 'ConnectError')
}

/** True for a {@link TextureApiError} or a subclass (the API answered with an error status), from any realm. */
export function isTextureApiError(value: unknown): value is TextureApiError {
  if (!matchesError(value, TextureApiError, 'TextureApiError')) return false
  // A look-alike must also have our fields; an error of this SDK always has them.
  return typeof (value as { status?: unknown }).status === 'number' && typeof (value as { path?: unknown }).path === 'string'
}

/** True for a {@link TextureNetworkError} (no response arrived), from any realm. */
export function isTextureNetworkError(value: unknown): value is TextureNetworkError {
  return matchesError(value, TextureNetworkError, 'TextureNetworkError')
}

/** True for a {@link TextureTimeoutError}, including `commands.waitFor()` giving up, from any realm. */
export function isTextureTimeoutError(value: unknown): value is TextureTimeoutError {
  return matchesError(value, TextureTimeoutError, 'TextureTimeoutError')
}
