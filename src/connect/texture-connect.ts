import { assertBrowser } from '../internal/env'
import { handleRedirect } from './return/handle-redirect'
import { resolveConnectOptions, type ConnectMode, type ConnectOptions } from './options'
import { openIframe } from './presenters/iframe'
import { openPopup } from './presenters/popup'
import type { OpenPresenter } from './presenters/presenter'
import { openRedirect } from './presenters/redirect'
import { startSession, type ConnectSession, type SessionHandle } from './session/session'

const openers: Record<ConnectMode, OpenPresenter> = { popup: openPopup, iframe: openIframe, redirect: openRedirect }

// The session in flight: a second open() (a double click) brings it forward instead of a second popup.
let current: SessionHandle | undefined

/**
 * Opens Texture's hosted Connect flow. Call it directly inside a click handler, with no `await`
 * before it: the popup must open during the click or the browser blocks it.
 *
 * Throws ConnectError `invalid-options` for bad options and `not-in-browser` on a server; every
 * other ending arrives through `session.result`, the callbacks and the events.
 *
 * @example
 * button.addEventListener('click', () => {
 *   const session = TextureConnect.open({
 *     linkUrl: () => fetch('/api/texture-link').then((response) => response.text()),
 *     onSuccess: ({ scopedKey }) => startDashboard(scopedKey),
 *   })
 * })
 */
function open(options: ConnectOptions): ConnectSession {
  assertBrowser('TextureConnect.open()')
  const resolved = resolveConnectOptions(options)
  // A session whose popup the user already closed ends here (focus() is false): the click opens a new one.
  if (current?.focus()) return current.session
  const handle = startSession(resolved, openers)
  current = handle
  handle.session.on('close', () => {
    if (current === handle) current = undefined
  })
  return handle.session
}

/**
 * The Connect entry point. In the script-tag build it is `window.TextureConnect`, with the
 * package's other exports (`ConnectError`, `createTextureClient`, …) as its properties.
 */
export const TextureConnect = {
  open,
  handleRedirect,
}
