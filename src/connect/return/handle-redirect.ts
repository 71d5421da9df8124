import { ConnectError } from '../../errors/connect-error'
import { assertBrowser } from '../../internal/env'
import { createRelayMessage, popupMarkerKey, returnedNoteKey, stateFromFrameName } from '../messaging/relay-message'
import { swapSessionItem } from '../../internal/swap-session-item'
import { isScopedKey } from '../../internal/is-scoped-key'
import { relayToOpener } from './relay-to-opener'
import { malformedKeyMessage, scopedKeyParam, stripScopedKey } from './strip-scoped-key'

/** What `handleRedirect()` returns on a page that is not inside an SDK popup or iframe. */
export interface HandleRedirectResult {
  scopedKey: string
}

/** Options of `handleRedirect()`. */
export interface HandleRedirectOptions {
  /**
   * Called with the key when this page runs in an SDK popup and no session of the opening page
   * acknowledged the relay within about 1.5 s: the app tab reloaded or closed, or its session had
   * already ended. The popup then stays open and this page owns the key (store it as you would
   * `handleRedirect()`'s result). Without it such a key is lost when the popup closes.
   * @default undefined
   */
  onUnclaimed?: (result: HandleRedirectResult) => void
}

/**
 * Finishes a Connect flow on your `redirectUrl` page (docs/protocol.md#the-relay, docs/key-delivery.md). Synchronous.
 *
 * - No `texture_scoped_key` in the address: returns `null` and changes nothing.
 * - Otherwise the parameter is first removed from the address bar (`history.replaceState`, other
 *   parameters and the hash kept exactly), so the key stays out of history, referrers and logs.
 * - Inside a popup the SDK opened: relays the key to the opening page (`postMessage` to this
 *   origin, plus a `BroadcastChannel` for openers cut off by Cross-Origin-Opener-Policy) and
 *   returns `null`. Once the opening page's session acknowledges, the popup closes: that session
 *   owns the key. Unacknowledged after about 1.5 s, the popup stays open and `onUnclaimed` gets
 *   the key, so exactly one side has it. (A browser with neither an opener nor `BroadcastChannel`
 *   gets `{ scopedKey }` at once instead.)
 * - Inside the SDK's iframe: relays the key to the parent page and returns `null`.
 * - Anywhere else (the `'redirect'` mode's return leg): returns `{ scopedKey }`.
 *
 * Throws ConnectError `hosted-error` when the parameter is present but is not a scoped key (it is
 * removed from the address first; inside an SDK popup or iframe the opening page's session is told,
 * without the value, and fails too), and `not-in-browser` outside a browser.
 *
 * @example
 * const onKey = ({ scopedKey }) => saveKey(scopedKey)
 * const result = TextureConnect.handleRedirect({ onUnclaimed: onKey })
 * if (result) onKey(result)
 */
export function handleRedirect(options: HandleRedirectOptions = {}): HandleRedirectResult | null {
  assertBrowser('handleRedirect()')
  const { location } = globalThis.window
  const params = new URLSearchParams(location.search)
  if (!params.has(scopedKeyParam)) return null

  const value = params.get(scopedKeyParam)
  // Strip before anything else, malformed or not: the value must not stay in history or referrers.
  stripScopedKey(globalThis.window)
  const scopedKey = isScopedKey(value) ? value : null
  const relayed = relay(scopedKey, options.onUnclaimed)
  if (scopedKey === null) {
    // The value is not echoed in the message: it might be a secret of another kind.
    throw new ConnectError('hosted-error', malformedKeyMessage)
  }
  if (relayed) return null
  // For the page Back restores: its redirect finished here (docs/key-delivery.md).
  swapSessionItem(returnedNoteKey, '1')
  return { scopedKey }
}

/**
 * Inside the SDK's iframe or popup, hands the key (or the invalid-key notice, `null`) to the page
 * whose session opened it. A popup closes once that session acknowledges; unacknowledged, it stays
 * open and `onUnclaimed` gets the key. False when this page is not in one, or a popup has no way
 * to reach its opener (no opener, no BroadcastChannel): the page keeps the key rather than lose it.
 */
function relay(scopedKey: string | null, onUnclaimed: HandleRedirectOptions['onUnclaimed']): boolean {
  const frameState = readFrameState()
  if (frameState !== null) {
    // targetOrigin is our own origin, never '*': only the app's own page may receive the key.
    globalThis.window.parent.postMessage(createRelayMessage(frameState, scopedKey), globalThis.window.location.origin)
    return true
  }
  const popupState = takePopupMarker()
  return (
    popupState !== null &&
    relayToOpener(createRelayMessage(popupState, scopedKey), (acknowledged) => {
      // Unacknowledged, the key is nobody's yet: the popup must not close holding it.
      if (acknowledged || scopedKey === null) globalThis.window.close()
      // Runs in a timer: a handler that throws is reported as uncaught, like any other.
      else onUnclaimed?.({ scopedKey })
    })
  )
}

/** The session `state` when this page runs inside the SDK's iframe (named by `frameName`). */
function readFrameState(): string | null {
  const page = globalThis.window
  if (page.parent === page) return null
  return stateFromFrameName(page.name)
}

/** The session `state` `markSdkPopup` left in this popup's storage, removed as it is read. */
function takePopupMarker(): string | null {
  const state = swapSessionItem(popupMarkerKey, null)
  return state === '' ? null : state
}
