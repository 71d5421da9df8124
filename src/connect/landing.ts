import { isScopedKey, scopedKeyParam } from './scoped-key'

/**
 * The scoped key in the address of a popup or iframe that has come back to the app's origin
 * (DESIGN §3.2: "landing" on `redirectUrl`, with no SDK code needed on that page), else `null`.
 * Safe to poll: reading a cross-origin window's location throws, which here means "not yet".
 *
 * @example
 * const scopedKey = readLandedKey(popup, location.origin)
 */
export function readLandedKey(target: Window, appOrigin: string): string | null {
  try {
    if (target.closed) return null
    const url = new URL(target.location.href)
    // Exact origin equality: only the app's own page may hand over a key.
    if (url.origin !== appOrigin) return null
    const scopedKey = url.searchParams.get(scopedKeyParam)
    return isScopedKey(scopedKey) ? scopedKey : null
  } catch {
    // SecurityError while the window shows the hosted origin, or a window already torn down.
    return null
  }
}
