// The `texture-connect/react` entry. `react` (>= 18) is an optional peer dependency of this entry only.
export { useTextureConnect } from './use-texture-connect'

export type { UseTextureConnect, UseTextureConnectOptions } from './use-texture-connect'
