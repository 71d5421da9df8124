import { ConnectError } from '../errors/connect-error'
import { parseUrl } from '../internal/parse-url'
import { parseSecureUrl, secureUrlRule } from './link/secure-url'
import type { LinkSource } from './options'
import type { ConnectLinkOptions } from './link/create-link'

// The longest delay setTimeout honours; a longer one fires at once.
const maximumTimeout = 2 ** 31 - 1

/** The `invalid-options` error, with the option named in backticks. */
export function invalidOption(option: string, problem: string): ConnectError {
  return new ConnectError('invalid-options', `\`${option}\` ${problem}`)
}

/** An absolute `https:` URL (or local `http:`), returned as given. */
export function readSecureUrl(option: string, value: unknown): string {
  if (parseSecureUrl(value) === undefined) throw invalidOption(option, secureUrlRule)
  return value as string
}

/** An origin written exactly (`https://connect.example.com`, no path, no trailing slash), https: or local. */
export function readOrigin(option: string, value: unknown): string {
  if (parseSecureUrl(value)?.origin !== value) throw invalidOption(option, 'must be an origin, like `https://connect.texturehq.com`.')
  return value as string
}

/** Any absolute http(s) URL. */
export function readUrl(option: string, value: unknown): string {
  const protocol = parseUrl(value)?.protocol
  if (protocol !== 'https:' && protocol !== 'http:') throw invalidOption(option, 'must be an absolute http(s) URL.')
  return value as string
}

export function readTimeout(value: unknown): number {
  return readNumber('timeout', value, Number.MIN_VALUE, maximumTimeout, 'must be positive milliseconds.')
}

/** A popup dimension: browsers refuse windows under 100 px. */
export function readSize(option: string, value: unknown): number {
  return Math.round(readNumber(option, value, 100, 10_000, 'must be 100 to 10000 px.'))
}

function readNumber(option: string, value: unknown, min: number, max: number, problem: string): number {
  // Written so NaN and ±Infinity fail too.
  if (typeof value !== 'number' || !(value >= min && value <= max)) throw invalidOption(option, problem)
  return value
}

/**
 * The link source for a public Connect key, as `open()`'s `connectKey` and the drop-in's
 * `connectApiKey` (named by `keyOption`) both take it: a non-empty key that is neither a workspace
 * `api_` secret nor a `scoped_` key, an object body, an https `apiBaseUrl`. A `redirectUrl` left
 * `undefined` is dropped from the request body by `JSON.stringify`.
 */
export function readConnectKeySource(keyOption: string, connectKey: unknown, connectOptions: unknown, apiBaseUrl: unknown, redirectUrl?: string): Extract<LinkSource, { kind: 'connect-key' }> {
  if (typeof connectKey !== 'string' || connectKey.trim() === '') throw invalidOption(keyOption, 'must be a non-empty string.')
  // A workspace secret in a page is a leak; refuse it without echoing it back.
  if (connectKey.startsWith('api_') || connectKey.startsWith('scoped_')) throw invalidOption(keyOption, 'must be a public Connect key.')
  if (typeof connectOptions !== 'object' || connectOptions === null || Array.isArray(connectOptions)) throw invalidOption('connectOptions', 'must be an object.')
  // `redirectUrl` (the session's) goes into the link too, unless `connectOptions` names one of its own.
  const body: ConnectLinkOptions = { ...connectOptions, redirectUrl: (connectOptions as ConnectLinkOptions).redirectUrl ?? redirectUrl }
  return { kind: 'connect-key', connectKey, body, apiBaseUrl: readSecureUrl('apiBaseUrl', apiBaseUrl ?? 'https://api.texturehq.com/v1') }
}
