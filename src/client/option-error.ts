import { TextureError } from '../errors/texture-error'

/**
 * The error for an option, parameter or id the client cannot use: a `TextureError` with code
 * `'invalid-options'`, the same code as Connect's, thrown before any request is sent.
 */
export function optionError(message: string): TextureError {
  return new TextureError(message, { code: 'invalid-options' })
}
