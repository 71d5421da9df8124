import { ConnectError } from '../errors/connect-error'
import { parseSecureUrl } from './secure-url'

// The longest delay setTimeout honours; a longer one fires at once.
const maximumTimeout = 2 ** 31 - 1

/** The `invalid-options` error, with the option named in backticks. */
export function invalidOption(option: string, problem: string): ConnectError {
  return new ConnectError('invalid-options', `\`${option}\` ${problem}`)
}

/** An absolute `https:` URL (or local `http:`), returned as given. */
export function readSecureUrl(option: string, value: unknown): string {
  if (typeof value !== 'string' || parseSecureUrl(value) === undefined) {
    throw invalidOption(option, 'must be an absolute https: URL (http: is allowed only for localhost and 127.0.0.1).')
  }
  return value
}

/** An origin written exactly (`https://connect.example.com`, no path, no trailing slash), https: or local. */
export function readOrigin(option: string, value: unknown): string {
  const url = typeof value === 'string' ? parseSecureUrl(value) : undefined
  if (url === undefined || url.origin !== value) {
    throw invalidOption(option, 'must be an exact https: origin such as `https://connect.texturehq.com` (no path, no trailing slash).')
  }
  return value
}

/** Any absolute http(s) URL. */
export function readUrl(option: string, value: unknown): string {
  let url: URL | undefined
  try {
    url = typeof value === 'string' ? new URL(value) : undefined
  } catch {
    url = undefined
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw invalidOption(option, 'must be an absolute http(s) URL.')
  }
  return value as string
}

export function readTimeout(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > maximumTimeout) {
    throw invalidOption('timeout', `must be a number of milliseconds above 0 and at most ${maximumTimeout}.`)
  }
  return value
}

/** A popup dimension: browsers refuse windows under 100 px. */
export function readSize(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 100 || value > 10_000) {
    throw invalidOption(option, 'must be a number of CSS pixels from 100 to 10000.')
  }
  return Math.round(value)
}
