import { assertUsableKey } from './check-key'
import { createHttp } from './http'
import { optionError } from './option-error'
import { resolveClientOptions, type TextureClientOptions } from './options'
import { Commands } from './resources/commands'
import { Devices } from './resources/devices'

/** Reads and commands one user's devices with their scoped key. */
export class TextureClient {
  /** The user's devices: list, iterate, retrieve, history, alerts, tags, command log. */
  readonly devices: Devices
  /** Send commands and follow them to completion. */
  readonly commands: Commands
  readonly #baseUrl: string

  /** @internal Use {@link createTextureClient}. */
  constructor(options: TextureClientOptions) {
    const { scopedKey, ...rest } = options
    assertUsableKey(scopedKey)
    const resolved = resolveClientOptions(rest)
    const http = createHttp(scopedKey, resolved)
    this.devices = new Devices(http)
    this.commands = new Commands(http)
    this.#baseUrl = resolved.baseUrl
    // Set here rather than as a computed class member, which bundlers would keep as a side effect.
    Object.defineProperty(this, Symbol.for('nodejs.util.inspect.custom'), { value: () => `TextureClient { baseUrl: '${this.#baseUrl}' }` })
  }

  // The key sits in a closure, not a field; this and the inspect hook keep a logged client short and safe.
  toJSON(): { baseUrl: string } {
    return { baseUrl: this.#baseUrl }
  }
}

/**
 * A client for the Texture API that acts as one end user, with the scoped key Connect returned.
 * In a browser only `scoped_` keys are accepted; any other key throws at once, a `TextureError`
 * with code `'invalid-key'`. An option it cannot use throws a `TextureError` with code
 * `'invalid-options'` naming it (as do the methods, for a parameter or id, before any request).
 *
 * @example
 * const { scopedKey } = await TextureConnect.open({ linkUrl }).result
 * const client = createTextureClient({ scopedKey })
 * const { data: devices } = await client.devices.list({ perPage: 50 })
 * await client.commands.send('battery:set-reserve', { deviceId: devices[0].id, input: { chargePercentage: 20 } })
 */
export function createTextureClient(options: TextureClientOptions): TextureClient {
  if (typeof options !== 'object' || options === null) {
    throw optionError('createTextureClient takes an options object: `{ scopedKey }`.')
  }
  return new TextureClient(options)
}
