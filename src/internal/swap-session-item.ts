/**
 * Replaces this tab's `sessionStorage` item `key` with `value` (removes it when `value` is
 * `null`) and returns what it held before, `null` for nothing. Never throws: with storage
 * disabled or out of reach it does nothing and returns `null`. Only ever used for markers, never
 * for a key.
 *
 * @example
 * const state = swapSessionItem('texture-connect:popup', null) // read and remove
 */
export function swapSessionItem(key: string, value: string | null): string | null {
  try {
    const storage = globalThis.sessionStorage
    const previous = storage.getItem(key)
    if (value === null) storage.removeItem(key)
    else storage.setItem(key, value)
    return previous
  } catch {
    return null
  }
}
