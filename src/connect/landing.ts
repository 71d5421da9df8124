import { isScopedKey, scopedKeyParam } from './scoped-key'
import { stripScopedKey } from './strip-scoped-key'

/**
 * The scoped key in the address of a popup or iframe that has come back to the app's origin
 * (DESIGN §3.2: "landing" on `redirectUrl`, with no SDK code needed on that page), else `null`.
 * A key found is removed from that window's address and history entry before it is returned, so
 * it stays out of the tab's history even when the window lives on (an iframe's joint history).
 * Safe to poll: reading a cross-origin window's location throws, which here means "not yet".
 *
 * @example
 * const scopedKey = takeLandedKey(popup, location.origin)
 */
export function takeLandedKey(target: Window, appOrigin: string): string | null {
  try {
    if (target.closed) return null
    // Exact origin equality: only the app's own page may hand over a key.
    if (target.location.origin !== appOrigin) return null
    const scopedKey = new URLSearchParams(target.location.search).get(scopedKeyParam)
    if (!isScopedKey(scopedKey)) return null
    stripScopedKey(target)
    return scopedKey
  } catch {
    // SecurityError while the window shows the hosted origin, or a window already torn down.
    return null
  }
}
