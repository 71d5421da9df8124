// The public barrel: values first, then types. Nothing from internal/ is exported.
export { TextureError } from './errors/texture-error'
export { ConnectError } from './errors/connect-error'
export { isTextureError, isConnectError } from './errors/guards'

export type { ConnectErrorCode, ConnectErrorOptions } from './errors/connect-error'
