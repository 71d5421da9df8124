import { TextureError } from '../errors/texture-error'
import { isBrowser } from '../internal/env'
import { isScopedKey } from '../internal/is-scoped-key'
import { optionError } from './option-error'

/**
 * Throws unless `key` is usable here: a non-blank string (else code `invalid-options`), and in a
 * browser a scoped key (else code `invalid-key`). The messages never repeat the key, since errors
 * end up in logs and error trackers.
 */
export function assertUsableKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.trim() === '') {
    throw optionError('`scopedKey` must be a non-empty string: the key Connect returned.')
  }
  if (key !== key.trim() || /[\r\n]/.test(key)) {
    throw optionError('`scopedKey` has surrounding whitespace or a line break; pass it exactly as Connect returned it.')
  }
  const isWorkspaceKey = key.startsWith('api_')
  // Anything on a page can be read by anyone who loads it: only a per-user scoped key belongs there.
  if (isBrowser() && !isScopedKey(key)) {
    throw new TextureError(isWorkspaceKey ? workspaceKeyMessage : otherKeyMessage, { code: 'invalid-key' })
  }
}

const workspaceKeyMessage =
  "createTextureClient refused a workspace key (`api_…`): a secret server key must never reach a browser, where anyone can read it. Keep it on your server (rotate it if it shipped) and pass the user's `scoped_…` key."

const otherKeyMessage = 'createTextureClient: in a browser only scoped keys (`scoped_…`) are accepted; other Texture keys are server secrets.'
