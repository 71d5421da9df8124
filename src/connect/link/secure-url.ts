import { parseUrl } from '../../internal/parse-url'

/**
 * Parses `value` as an absolute URL the SDK may trust with a link or a key: `https:` only, except
 * plain `http:` on `localhost` and `127.0.0.1` (any port) for development. Returns `undefined`
 * for anything else.
 */
export function parseSecureUrl(value: unknown): URL | undefined {
  const url = parseUrl(value)
  // Exact host names, never a prefix: `http://localhost.evil.example` is not local.
  const isLocal = url?.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')
  return url?.protocol === 'https:' || isLocal ? url : undefined
}

/** What a URL that fails `parseSecureUrl` is told, after the name of what it is. */
export const secureUrlRule = 'must be https: (http: on localhost only).'
