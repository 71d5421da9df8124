import type { CreateConnectSessionOptions, CreateConnectSessionResult } from './connect-session-options'
import { createSessionController } from './session-controller'

/**
 * Texture's former `createConnectSession` (`@texturehq/connect-sdk`), so code written for it runs
 * with only the package name changed: a thin layer over `TextureConnect.open()`, in a popup, with
 * the same security rules. Nothing happens until `open()`; docs/migrating-from-texture-sdk.md maps
 * every old name and says what differs.
 *
 * `onError({ type, reason })` gets `popup-blocked` and `popup-closed` as Texture documented them, and
 * `cancelled`, `timeout`, `link-failed` or `hosted-error` for the other endings; `close()` by your
 * code calls nothing. Each callback runs at most once per `open()`.
 *
 * @example
 * import { createConnectSession } from 'texture-connect'
 *
 * const texture = createConnectSession({
 *   connectApiKey: 'your-public-connect-key',
 *   connectOptions: { referenceId: currentUser.id, clientName: 'Acme Energy' },
 *   onSuccess: ({ scopedKey }) => saveKeyOnYourServer(scopedKey),
 *   onError: ({ type, reason }) => showMessage(type === 'popup-blocked' ? 'Please allow popups.' : reason),
 * })
 * button.addEventListener('click', () => texture.open({ width: 600, height: 800 }))
 */
export function createConnectSession(options: CreateConnectSessionOptions): CreateConnectSessionResult {
  return createSessionController(() => options)
}
