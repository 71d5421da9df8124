import { isScopedKey } from '../../internal/is-scoped-key'
import { scopedKeyParam, stripScopedKey } from './strip-scoped-key'

/** What a landed window's address held: the key, or a value in its place that is not a scoped key. */
export type Landing = { scopedKey: string } | { malformed: true }

/**
 * The scoped key in the address of a popup or iframe that has come back to the app's origin
 * (docs/protocol.md#landing: "landing" on `redirectUrl`, with no SDK code needed on that page), else `null`.
 * A value found is removed from that window's address and history entry before it is returned, so
 * it stays out of the tab's history even when the window lives on (an iframe's joint history);
 * one that is not a `scoped_` key is removed too, and reported as `malformed`, never returned.
 * Safe to poll: reading a cross-origin window's location throws, which here means "not yet".
 *
 * @example
 * const landing = takeLandedKey(popup, location.origin)
 */
export function takeLandedKey(target: Window, appOrigin: string): Landing | null {
  try {
    if (target.closed) return null
    // Exact origin equality: only the app's own page may hand over a key.
    if (target.location.origin !== appOrigin) return null
    const params = new URLSearchParams(target.location.search)
    if (!params.has(scopedKeyParam)) return null
    const scopedKey = params.get(scopedKeyParam)
    // Malformed or not, the value leaves the address: it might be a secret of another kind.
    stripScopedKey(target)
    return isScopedKey(scopedKey) ? { scopedKey } : { malformed: true }
  } catch {
    // SecurityError while the window shows the hosted origin, or a window already torn down.
    return null
  }
}
