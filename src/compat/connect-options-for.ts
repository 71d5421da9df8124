import { ConnectError } from '../errors/connect-error'
import { parseSecureUrl, secureUrlRule } from '../connect/link/secure-url'
import { loadSessionRuntime } from '../connect/session/load-session-runtime'
import { invalidOption, readConnectKeySource } from '../connect/option-checks'
import type { ConnectOptions, PopupSizeOptions } from '../connect/options'
import type { ConnectExit, ConnectSuccess } from '../connect/session/events'
import { parseUrl } from '../internal/parse-url'
import type { CreateConnectSessionOptions } from './connect-session-options'

/** What one `open()` of the drop-in hears back from the flow it starts. */
export interface FlowListeners {
  onUrl(url: string): void
  onSuccess(success: ConnectSuccess): void
  onExit(exit: ConnectExit): void
  onError(error: ConnectError): void
}

/**
 * Turns Texture's `createConnectSession` options into `TextureConnect.open()` options. The link is
 * made here, with the same request a `connectKey` makes, so its URL can be reported (`url`);
 * `signal` aborts that request when the session ends first.
 */
export function connectOptionsFor(options: CreateConnectSessionOptions, size: unknown, signal: AbortSignal, listeners: FlowListeners): ConnectOptions {
  if (typeof options !== 'object' || options === null) throw invalidOption('options', 'must be an object.')
  const { connectOptions = {} } = options
  const source = readConnectKeySource('connectApiKey', options.connectApiKey, connectOptions, options.apiBaseUrl)
  return {
    linkUrl: async () => {
      // Link loading is part of the session's lazily loaded runtime (docs/architecture.md#the-session-runtime).
      const { loadLinkUrl } = await loadSessionRuntime()
      const linkUrl = await loadLinkUrl(source, signal, ConnectError, { parse: parseSecureUrl, rule: secureUrlRule })
      listeners.onUrl(linkUrl)
      return linkUrl
    },
    // Only a return page on this origin can hand the key back (landing or relay), so only then
    // does it count as the session's `redirectUrl` (which makes a closed popup wait for a COOP cut).
    redirectUrl: sameOriginUrl(connectOptions.redirectUrl),
    popup: isSize(size) ? { width: size.width, height: size.height } : undefined,
    onSuccess: listeners.onSuccess,
    onExit: listeners.onExit,
    onError: listeners.onError,
  }
}

function sameOriginUrl(value: unknown): string | undefined {
  return parseUrl(value)?.origin === globalThis.location.origin ? (value as string) : undefined
}

/**
 * `{ width, height }`, but not an event: `button.addEventListener('click', texture.open)` passes
 * the click, whose PointerEvent has a `width` and `height` of 1.
 */
function isSize(value: unknown): value is PopupSizeOptions {
  return typeof value === 'object' && value !== null && !('target' in value)
}
