import { moveFocus, trapFocus } from './focus'
import { lockPageScroll } from './scroll-lock'

/** Why the user asked the modal to close; the session decides what that means. */
export type IframeModalCloseReason = 'close-button' | 'escape'

export interface IframeModalOptions {
  /** The hosted link. Omit it to open on a blank frame and `navigate()` once the link is known. */
  url?: string
  /** The dialog's and the iframe's accessible name. @default 'Connect your device' */
  title?: string
  /** Render inside this element of the app instead of a full-page overlay (no scroll lock, no focus trap). */
  container?: HTMLElement
  /** The iframe's browsing-context name (`frameName(state)`, read by `handleRedirect()`). */
  name?: string
  /** The user pressed Escape or the close button. The modal stays until `remove()`. */
  onCloseRequest: (reason: IframeModalCloseReason) => void
}

export interface IframeModal {
  readonly iframe: HTMLIFrameElement
  /** The iframe's window: the only accepted `event.source` for its messages. */
  readonly window: Window | null
  /** Sends the iframe to `url` without adding an entry to the page's history. */
  navigate(url: string): void
  focus(): void
  /** Removes every node and listener, restores focus, scroll and `<html>`/`<body>` styles. Idempotent. */
  remove(): void
}

const defaultTitle = 'Connect your device'

/**
 * Shows the hosted flow in an iframe inside an accessible modal dialog, built with DOM and CSSOM
 * calls only (no `<style>`, no `innerHTML`, no style strings), so it works under a CSP without
 * `'unsafe-inline'`. Every side effect is undone by `remove()`.
 *
 * @example
 * const modal = createIframeModal({ url: linkUrl, name: frameName(state), onCloseRequest: () => session.close() })
 */
export function createIframeModal(options: IframeModalOptions): IframeModal {
  const document = globalThis.document
  // Its own undo list, not internal/cleanup: a module shared with the session would become a chunk
  // that every Connect-only app loads up front.
  const undos: Array<() => void> = []
  const title = options.title ?? defaultTitle
  const isOverlay = options.container === undefined

  const dialog = createDialog(title, isOverlay)
  const closeButton = createCloseButton()
  const iframe = createFrame(title, options)
  const header = document.createElement('div')
  setStyles(header, { display: 'flex', 'justify-content': 'flex-end', padding: '4px', 'flex-shrink': '0' })
  header.append(closeButton)
  dialog.append(header, iframe)
  const root = isOverlay ? createOverlay(dialog) : dialog

  if (isOverlay) undos.push(lockPageScroll())
  ;(options.container ?? document.body).append(root)
  undos.push(() => root.remove())
  undos.push(moveFocus(iframe))
  if (isOverlay) undos.push(trapFocus(dialog, closeButton, iframe))

  const handleClick = () => options.onCloseRequest('close-button')
  closeButton.addEventListener('click', handleClick)
  undos.push(() => closeButton.removeEventListener('click', handleClick))
  const handleKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    options.onCloseRequest('escape')
  }
  // The overlay owns the page, so Escape anywhere closes it; inline in a container the rest of the
  // page is the app's, and its own Escape (a menu, another dialog) must not end the flow.
  const keyTarget: Document | HTMLElement = isOverlay ? document : dialog
  keyTarget.addEventListener('keydown', handleKeydown as EventListener, true)
  undos.push(() => keyTarget.removeEventListener('keydown', handleKeydown as EventListener, true))

  let removed = false
  return {
    iframe,
    get window() {
      return iframe.contentWindow
    },
    navigate(url) {
      if (!removed) navigateFrame(iframe, url)
    },
    focus() {
      if (!removed) iframe.focus()
    },
    remove() {
      if (removed) return
      removed = true
      for (const undo of undos.reverse()) {
        try {
          undo()
        } catch {
          // One failing undo (focus on an element already gone) must not keep the others from running.
        }
      }
    },
  }
}

function createOverlay(dialog: HTMLElement): HTMLElement {
  const overlay = globalThis.document.createElement('div')
  setStyles(overlay, {
    position: 'fixed',
    top: '0',
    right: '0',
    bottom: '0',
    left: '0',
    'z-index': '2147483647',
    display: 'flex',
    'align-items': 'center',
    'justify-content': 'center',
    background: 'rgba(0, 0, 0, 0.5)',
  })
  overlay.append(dialog)
  return overlay
}

function createDialog(title: string, isOverlay: boolean): HTMLElement {
  const dialog = globalThis.document.createElement('div')
  dialog.setAttribute('role', 'dialog')
  // Inline in the app's container the rest of the page stays usable, so it is not modal there.
  dialog.setAttribute('aria-modal', String(isOverlay))
  dialog.setAttribute('aria-label', title)
  setStyles(dialog, {
    display: 'flex',
    'flex-direction': 'column',
    'box-sizing': 'border-box',
    background: '#fff',
    overflow: 'hidden',
    ...(isOverlay ? { width: 'min(500px, 100vw)', height: 'min(720px, 100vh)', 'border-radius': '12px', 'box-shadow': '0 8px 32px rgba(0, 0, 0, 0.3)' } : { width: '100%', height: '100%' }),
  })
  return dialog
}

function createCloseButton(): HTMLButtonElement {
  const button = globalThis.document.createElement('button')
  button.type = 'button'
  button.setAttribute('aria-label', 'Close')
  button.textContent = '\u00d7'
  setStyles(button, {
    width: '32px',
    height: '32px',
    border: '0',
    'border-radius': '16px',
    background: 'transparent',
    color: '#333',
    cursor: 'pointer',
    'font-size': '24px',
    'line-height': '1',
  })
  return button
}

function createFrame(title: string, options: IframeModalOptions): HTMLIFrameElement {
  const iframe = globalThis.document.createElement('iframe')
  iframe.title = title
  if (options.name !== undefined) iframe.name = options.name
  // The app's path and query (which may hold its own tokens) never reach Texture; the origin it
  // needs is already in `texture_origin`.
  iframe.referrerPolicy = 'strict-origin'
  // No `allow`: the flow needs no camera, payment or credential features from the app's page.
  if (options.url !== undefined) iframe.src = options.url
  setStyles(iframe, { display: 'block', width: '100%', border: '0', 'flex-grow': '1', 'min-height': '0' })
  return iframe
}

function navigateFrame(iframe: HTMLIFrameElement, url: string): void {
  try {
    // replace(): the blank first document stays out of the app page's joint history.
    iframe.contentWindow!.location.replace(url)
  } catch {
    iframe.src = url
  }
}

/**
 * Sets inline styles one property at a time through the CSSOM. A CSP without `'unsafe-inline'`
 * blocks `<style>` elements and `style="…"` strings but allows these property sets.
 */
function setStyles(element: HTMLElement, styles: Readonly<Record<string, string>>): void {
  for (const [property, value] of Object.entries(styles)) element.style.setProperty(property, value)
}
