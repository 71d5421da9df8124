import type { ResolvedConnectOptions } from '../options'
import type { OpenPresenter, Presenter } from './presenter'

/**
 * Opens the hosted flow in a popup centred on this window. Call it synchronously inside the
 * user's click: popup blockers (Safari above all) only allow `window.open` there.
 * Returns `null` when the popup was blocked.
 */
export const openPopup: OpenPresenter = ({ url, options }) => {
  const popup = globalThis.window.open(url ?? '', '_blank', popupFeatures(options.popup))
  // Some blockers return a window that is closed at once instead of null.
  if (popup === null || popup === undefined || popup.closed) return null
  return createPopupPresenter(popup)
}

function createPopupPresenter(popup: Window): Presenter {
  return {
    mode: 'popup',
    target: popup,
    navigate(url) {
      // replace(): the blank page the popup opened with stays out of its history.
      popup.location.replace(url)
    },
    focus() {
      popup.focus()
    },
    isGone() {
      return popup.closed
    },
    close() {
      if (!popup.closed) popup.close()
    },
  }
}

/** `window.open` features for a popup of `size`, centred on the opener's window. */
export function popupFeatures(size: ResolvedConnectOptions['popup']): string {
  const opener = globalThis.window
  const left = Math.round(opener.screenX + (opener.outerWidth - size.width) / 2)
  const top = Math.round(opener.screenY + (opener.outerHeight - size.height) / 2)
  return `popup=yes,width=${size.width},height=${size.height},left=${left},top=${top}`
}
