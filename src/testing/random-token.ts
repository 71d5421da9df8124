/** `prefix` followed by `bytes` random bytes in hex, e.g. a new scoped key or link token. */
export function randomToken(prefix: string, bytes = 12): string {
  const values = globalThis.crypto.getRandomValues(new Uint8Array(bytes))
  return prefix + Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('')
}
