export { isScopedKey } from '../internal/is-scoped-key'

/** The query parameter Texture's hosted flow adds to `redirectUrl` when it succeeds. */
export const scopedKeyParam = 'texture_scoped_key'
