import { TextureError, branded } from './texture-error'

/**
 * No response arrived: the network was down, DNS failed, CORS refused the request, or the
 * connection dropped. Reads were already retried; commands never are.
 */
export class TextureNetworkError extends TextureError {
  override name = branded(this, 'TextureNetworkError')
}
