/**
 * Replaces the `sessionStorage` item `key` of `page` (this tab unless given, e.g. a popup the SDK
 * opened) with `value` (removes it when `value` is `null`) and returns what it held before, `null`
 * for nothing. Never throws: with storage disabled or out of reach (a page on another origin) it
 * does nothing and returns `null`. Only ever used for markers, never for a key.
 *
 * @example
 * const state = swapSessionItem('texture-connect:popup', null) // read and remove
 */
export function swapSessionItem(key: string, value: string | null, page: { readonly sessionStorage: Storage } = globalThis): string | null {
  try {
    const storage = page.sessionStorage
    const previous = storage.getItem(key)
    if (value === null) storage.removeItem(key)
    else storage.setItem(key, value)
    return previous
  } catch {
    return null
  }
}
