/**
 * The base of every error this SDK throws or rejects with.
 *
 * `code` says what went wrong when the class alone does not:
 * - `'invalid-options'`: `createTextureClient` or a method was called with an option, parameter or
 *   id it cannot use; the message names it in backticks. Nothing was sent.
 * - `'invalid-key'`: in a browser, `createTextureClient` refused a key that is not `scoped_…`
 *   (a server key on a page is a leak).
 * - `undefined` otherwise. Subclasses narrow it: {@link ConnectError} always has one of its
 *   codes, {@link TextureApiError} has the API's own code.
 *
 * Errors can cross realms (an iframe, a test runner's VM), where `instanceof` fails, so each one
 * carries a brand (`Symbol.for('texture-connect.error')`, the names of its class and of every
 * class above it) and a distinct `name`; the `is…` guards match by `instanceof`, brand or `name`.
 *
 * @example
 * try { createTextureClient({ scopedKey }) } catch (error) {
 *   if (isTextureError(error) && error.code === 'invalid-options') console.error(error.message)
 * }
 */
export class TextureError extends Error {
  override name = branded(this, 'TextureError')
  /** What went wrong, when the class alone does not say: `'invalid-options'`, `'invalid-key'` or `undefined`. */
  declare readonly code: string | undefined

  constructor(message: string, options?: { cause?: unknown; code?: string | undefined }) {
    super(message, options)
    this.code = options?.code
  }
}

/**
 * Adds `name` to the error's brand and returns it, for each class's `name` field: field
 * initializers run base class first, so the brand lists the whole lineage and a subclass added
 * later is known to its parents' guards without any list to update. Non-enumerable, so it stays
 * out of logs and JSON; `Symbol.for` because the global symbol registry is shared by every realm.
 */
export function branded(error: object, name: string): string {
  const brand = Symbol.for('texture-connect.error')
  const lineage = (error as Record<symbol, string[] | undefined>)[brand] ?? Object.defineProperty(error as Record<symbol, string[]>, brand, { value: [] })[brand]!
  lineage.push(name)
  return name
}
