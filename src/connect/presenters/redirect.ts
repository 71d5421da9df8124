import type { OpenPresenter } from './presenter'

/**
 * Sends this page to the hosted link (`mode: 'redirect'`). The flow comes back to `redirectUrl`,
 * where `TextureConnect.handleRedirect()` takes the key (docs/protocol.md#the-relay). `assign`, not `replace`:
 * the browser's Back button returns the user to the page they started from.
 */
export const openRedirect: OpenPresenter = ({ url }) => {
  const navigate = (linkUrl: string) => globalThis.location.assign(linkUrl)
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
 * Calls `handler` when this page is shown again from the back-forward cache after a redirect: the
 * user pressed Back on the hosted flow, so the redirect session is over and the next `open()` must
 * start afresh rather than hand back a session whose page already left. Returns the undo.
 */
export function onReturnFromRedirect(handler: () => void): () => void {
  const handlePageShow = (event: PageTransitionEvent) => {
    if (event.persisted) handler()
  }
  globalThis.window.addEventListener('pageshow', handlePageShow)
  return () => globalThis.window.removeEventListener('pageshow', handlePageShow)
}
