import { TextureError, branded } from './texture-error'

/** A request took longer than the client's `timeout` (per attempt). */
export class TextureTimeoutError extends TextureError {
  override name = branded(this, 'TextureTimeoutError')
}
