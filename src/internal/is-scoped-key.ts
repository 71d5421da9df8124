/** True for a non-empty key with the `scoped_` prefix: the only kind a browser may hold. */
export function isScopedKey(value: unknown): value is string {
  // An `api_` workspace secret in a page would be a leak: accept scoped keys only.
  return typeof value === 'string' && value.startsWith('scoped_') && value.length > 'scoped_'.length
}
