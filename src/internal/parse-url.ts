/** `value` parsed as an absolute URL, or `undefined` (not a string, relative, malformed). */
export function parseUrl(value: unknown): URL | undefined {
  try {
    return typeof value === 'string' ? new URL(value) : undefined
  } catch {
    return undefined
  }
}
