import { ConnectError } from '../../errors/connect-error'
import type { IframeModal } from './iframe-modal'
import { loadIframeModal } from './load-iframe-modal'
import type { OpenPresenter } from './presenter'
import { frameName } from '../messaging/relay-message'

/**
 * Shows the hosted flow in the SDK's iframe modal, or inside `iframe.container` when the app gives
 * one. The iframe is named after the session so `handleRedirect()` on a `redirectUrl` page inside
 * it knows to relay the key to this page. Never blocked: no user gesture is needed.
 *
 * The modal's code is loaded when the first iframe session starts (`loadIframeModal`), so apps
 * that use only the popup never download it. Until it arrives the presenter has no window: messages
 * cannot come from it yet, and a link that arrives early is kept for the modal.
 */
export const openIframe: OpenPresenter = ({ url, state, options, onDismiss, onFailure }) => {
  let modal: IframeModal | undefined
  let pendingUrl = url
  let closed = false
  const shown = loadIframeModal().then(
    ({ createIframeModal }) => {
      if (closed) return
      modal = createIframeModal({
        url: pendingUrl,
        name: frameName(state),
        title: options.iframe.title,
        container: options.iframe.container,
        onCloseRequest: onDismiss,
      })
    },
    (error: unknown) => {
      if (!closed) onFailure(new ConnectError('link-failed', 'The Connect dialog could not be loaded.', { cause: error }))
    },
  )
  return {
    mode: 'iframe',
    shown,
    get target() {
      return modal?.window ?? null
    },
    navigate(link) {
      if (modal === undefined) pendingUrl = link
      else modal.navigate(link)
    },
    focus: () => modal?.focus(),
    // The app removed the iframe (or its container) from the page: nothing can finish the flow now.
    isGone: () => modal !== undefined && !modal.iframe.isConnected,
    close() {
      closed = true
      modal?.remove()
    },
  }
}
