// The script-tag build (dist/texture-connect.global.js): `window.TextureConnect` is the
// TextureConnect object itself, with every other export of the root entry as its properties,
// so a plain page writes `TextureConnect.open({...})` and `err instanceof TextureConnect.ConnectError`.
import * as api from './index'

type Api = typeof api
type GlobalTextureConnect = Api['TextureConnect'] & Omit<Api, 'TextureConnect'>

const { TextureConnect, ...exports } = api
const globalTextureConnect: GlobalTextureConnect = Object.assign(TextureConnect, exports)
;(globalThis as unknown as { TextureConnect: GlobalTextureConnect }).TextureConnect = globalTextureConnect
