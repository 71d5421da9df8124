import { ConnectError } from '../../errors/connect-error'
import { assertBrowser } from '../../internal/env'
import { createRelayMessage, popupMarkerKey, type RelayMessage, relayChannelName, stateFromFrameName } from '../messaging/relay-message'
import { isScopedKey } from '../../internal/is-scoped-key'
import { malformedKeyMessage, scopedKeyParam, stripScopedKey } from './strip-scoped-key'

/** What `handleRedirect()` returns on a page that is not inside an SDK popup or iframe. */
export interface HandleRedirectResult {
  scopedKey: string
}

/**
 * Finishes a Connect flow on your `redirectUrl` page (docs/protocol.md#the-relay). Synchronous.
 *
 * - No `texture_scoped_key` in the address: returns `null` and changes nothing.
 * - Otherwise the parameter is first removed from the address bar (`history.replaceState`, other
 *   parameters and the hash kept exactly), so the key stays out of history, referrers and logs.
 * - Inside a popup the SDK opened: relays the key to the opening page (`postMessage` to this
 *   origin, plus a `BroadcastChannel` for openers cut off by Cross-Origin-Opener-Policy), closes
 *   the popup and returns `null`: the opening page's session owns the key, so it is not used twice.
 *   (A browser with neither an opener nor `BroadcastChannel` gets `{ scopedKey }` instead.)
 * - Inside the SDK's iframe: relays the key to the parent page and returns `null`.
 * - Anywhere else (the `'redirect'` mode's return leg): returns `{ scopedKey }`.
 *
 * Throws ConnectError `hosted-error` when the parameter is present but is not a scoped key (it is
 * removed from the address first; inside an SDK popup or iframe the opening page's session is told,
 * without the value, and fails too), and `not-in-browser` outside a browser.
 *
 * @example
 * const result = TextureConnect.handleRedirect()
 * if (result) await saveKey(result.scopedKey)
 */
export function handleRedirect(): HandleRedirectResult | null {
  assertBrowser('handleRedirect()')
  const { location } = globalThis.window
  const params = new URLSearchParams(location.search)
  if (!params.has(scopedKeyParam)) return null

  const value = params.get(scopedKeyParam)
  // Strip before anything else, malformed or not: the value must not stay in history or referrers.
  stripScopedKey(globalThis.window)
  const scopedKey = isScopedKey(value) ? value : null
  const relayed = relay(scopedKey)
  if (scopedKey === null) {
    // The value is not echoed in the message: it might be a secret of another kind.
    throw new ConnectError('hosted-error', malformedKeyMessage)
  }
  return relayed ? null : { scopedKey }
}

/**
 * Inside the SDK's iframe or popup, hands the key (or the invalid-key notice, `null`) to the page
 * whose session opened it and, in a popup, closes it. False when this page is not in one, or a
 * popup has no way to reach its opener (no opener, no BroadcastChannel): the page keeps the key
 * rather than lose it.
 */
function relay(scopedKey: string | null): boolean {
  const frameState = readFrameState()
  if (frameState !== null) {
    // targetOrigin is our own origin, never '*': only the app's own page may receive the key.
    globalThis.window.parent.postMessage(createRelayMessage(frameState, scopedKey), globalThis.window.location.origin)
    return true
  }
  const popupState = takePopupMarker()
  if (popupState === null || !relayToOpener(createRelayMessage(popupState, scopedKey))) return false
  globalThis.window.close()
  return true
}

/** The session `state` when this page runs inside the SDK's iframe (named by `frameName`). */
function readFrameState(): string | null {
  const page = globalThis.window
  if (page.parent === page) return null
  return stateFromFrameName(page.name)
}

/** The session `state` `markSdkPopup` left in this popup's storage, removed as it is read. */
function takePopupMarker(): string | null {
  try {
    const storage = globalThis.window.sessionStorage
    const state = storage.getItem(popupMarkerKey)
    storage.removeItem(popupMarkerKey)
    return state === '' ? null : state
  } catch {
    return null
  }
}

/** Posts the relay to the opener and on the BroadcastChannel; false when neither path exists. */
function relayToOpener(message: RelayMessage): boolean {
  const { opener, location } = globalThis.window as Window & { opener: Window | null }
  let sent = false
  try {
    // targetOrigin is our own origin, never '*': an opener that navigated elsewhere gets nothing.
    opener?.postMessage(message, location.origin)
    sent = opener !== null && opener !== undefined
  } catch {
    // A detached opener: the BroadcastChannel below still reaches a live one.
  }
  if (typeof globalThis.BroadcastChannel !== 'function') return sent
  const channel = new globalThis.BroadcastChannel(relayChannelName)
  channel.postMessage(message)
  channel.close()
  return true
}
