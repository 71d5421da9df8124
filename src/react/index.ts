// The `texture-connect/react` entry. `react` (>= 18) is an optional peer dependency of this entry only.
export { useTextureConnect } from './use-texture-connect'
export { useCreateConnectSession } from './use-create-connect-session'

export type { UseTextureConnect, UseTextureConnectOptions } from './use-texture-connect'
export type { UseCreateConnectSession, UseCreateConnectSessionOptions } from './use-create-connect-session'
export type { CreateConnectSessionError, CreateConnectSessionErrorType } from '../compat/connect-session-options'
