import type { OpenPresenter } from './presenter'
import { returnedNoteKey } from '../messaging/relay-message'
import { swapSessionItem } from '../../internal/swap-session-item'

/**
 * Sends this page to the hosted link (`mode: 'redirect'`). The flow comes back to `redirectUrl`,
 * where `TextureConnect.handleRedirect()` takes the key (docs/protocol.md#the-relay). `assign`, not `replace`:
 * the browser's Back button returns the user to the page they started from.
 */
export const openRedirect: OpenPresenter = ({ url }) => {
  const navigate = (linkUrl: string) => {
    // A note left by an earlier flow must not make this one look finished when Back restores the page.
    swapSessionItem(returnedNoteKey, null)
    globalThis.location.assign(linkUrl)
  }
  if (url !== undefined) navigate(url)
  return {
    mode: 'redirect',
    target: null,
    navigate,
    focus() {},
    isGone: () => false,
    close() {},
  }
}

/**
 * Calls `handler` when this page is shown again from the back-forward cache after a redirect, so
 * the next `open()` starts afresh rather than hand back a session whose page already left.
 * `finished` is true when the flow came back with a key that `handleRedirect()` took on the
 * `redirectUrl` page (the person pressed Back from there), false when they pressed Back on the
 * hosted flow without finishing it. Returns the undo.
 */
export function onReturnFromRedirect(handler: (finished: boolean) => void): () => void {
  const handlePageShow = (event: PageTransitionEvent) => {
    if (event.persisted) handler(swapSessionItem(returnedNoteKey, null) !== null)
  }
  globalThis.window.addEventListener('pageshow', handlePageShow)
  return () => globalThis.window.removeEventListener('pageshow', handlePageShow)
}
