import { TextureError } from './texture-error'

/** A request took longer than the client's `timeout` (per attempt). */
export class TextureTimeoutError extends TextureError {
  override name = 'TextureTimeoutError'
}
