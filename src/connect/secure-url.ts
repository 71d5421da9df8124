/**
 * Parses `value` as an absolute URL the SDK may trust with a link or a key: `https:` only, except
 * plain `http:` on `localhost` and `127.0.0.1` (any port) for development. Returns `undefined`
 * for anything else.
 */
export function parseSecureUrl(value: string): URL | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol === 'https:') return url
  // Exact host names, never a prefix: `http://localhost.evil.example` is not local.
  if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) return url
  return undefined
}
