import { createIframeModal } from './iframe-modal'
import type { OpenPresenter } from './presenter'
import { frameName } from './relay-message'

/**
 * Shows the hosted flow in the SDK's iframe modal, or inside `iframe.container` when the app gives
 * one. The iframe is named after the session so `handleRedirect()` on a `redirectUrl` page inside
 * it knows to relay the key to this page. Never blocked: no user gesture is needed.
 */
export const openIframe: OpenPresenter = ({ url, state, options, onDismiss }) => {
  const modal = createIframeModal({
    url,
    name: frameName(state),
    title: options.iframe.title,
    container: options.iframe.container,
    onCloseRequest: onDismiss,
  })
  return {
    mode: 'iframe',
    get target() {
      return modal.window
    },
    navigate: modal.navigate,
    focus: modal.focus,
    // The app removed the iframe (or its container) from the page: nothing can finish the flow now.
    isGone: () => !modal.iframe.isConnected,
    close: modal.remove,
  }
}
