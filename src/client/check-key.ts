import { TextureError } from '../errors/texture-error'
import { isBrowser } from '../internal/env'

const scopedKeyPrefix = 'scoped_'

/**
 * Throws unless `key` is usable here: a non-blank string, and in a browser a scoped key. The
 * messages never repeat the key, since errors end up in logs and error trackers.
 */
export function assertUsableKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.trim() === '') {
    throw new TextureError('`scopedKey` must be a non-empty string: the scoped key Connect returned for this user.')
  }
  if (key !== key.trim() || /[\r\n]/.test(key)) {
    throw new TextureError('`scopedKey` has leading or trailing whitespace or a line break; pass the key exactly as Connect returned it.')
  }
  // Anything on a page can be read by anyone who loads it: only a per-user scoped key belongs there.
  if (isBrowser() && !key.startsWith(scopedKeyPrefix)) {
    throw new TextureError(key.startsWith('api_') ? workspaceKeyMessage : otherKeyMessage)
  }
}

const workspaceKeyMessage =
  'createTextureClient refused the key: it is a workspace API key (`api_…`), a secret server key that must never reach a browser — anyone who opens the page can read it and act on every device in your workspace. Keep it on your server (rotate it if it has shipped to users) and give the browser the scoped key (`scoped_…`) that Connect returns for the user.'

const otherKeyMessage =
  'createTextureClient refused the key: in a browser only scoped keys (`scoped_…`) are accepted — the per-user key Connect returns. Any other Texture key is a secret that must stay on your server.'
