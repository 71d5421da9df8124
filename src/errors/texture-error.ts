/**
 * The base of every error this SDK throws or rejects with.
 *
 * Errors can cross realms (an iframe, a test runner's VM), where `instanceof` fails, so every
 * subclass sets a distinct `name` and the `is…` guards match by `instanceof` or by `name`.
 *
 * @example
 * try { createTextureClient({ scopedKey }) } catch (error) {
 *   if (isTextureError(error)) console.error(error.message)
 * }
 */
export class TextureError extends Error {
  override name = 'TextureError'

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}
