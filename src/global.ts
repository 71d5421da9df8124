// The script-tag build (dist/texture-connect.global.js): `window.TextureConnect` is the
// TextureConnect object itself, with every other export of the root entry as its properties,
// so a plain page writes `TextureConnect.open({...})` and `err instanceof TextureConnect.ConnectError`.
// It also defines `window.Texture = { createConnectSession }`, the global of Texture's former CDN
// build, so a page written for that one works by changing the script's `src`
// (docs/migrating-from-texture-sdk.md).
import * as api from './index'

type Api = typeof api
type GlobalTextureConnect = Api['TextureConnect'] & Omit<Api, 'TextureConnect'>
interface Globals {
  TextureConnect: GlobalTextureConnect
  Texture?: unknown
}

const { TextureConnect, ...exports } = api
const globalTextureConnect: GlobalTextureConnect = Object.assign(TextureConnect, exports)
const globals = globalThis as unknown as Globals
globals.TextureConnect = globalTextureConnect
// A page's own `Texture` (another library, or Texture's old build still loaded) is left alone.
if (globals.Texture === undefined) globals.Texture = { createConnectSession: api.createConnectSession }
