import type { ConnectError } from '../errors/connect-error'
import type { ConnectLinkOptions } from './link/create-link'
import type { ConnectEvent, ConnectExit, ConnectSuccess } from './session/events'
import { invalidOption, readConnectKeySource, readOrigin, readSecureUrl, readSize, readTimeout, readUrl } from './option-checks'

/** Where the hosted flow is shown. */
export type ConnectMode = 'popup' | 'iframe' | 'redirect'

/** What to do when the browser blocks the popup. */
export type ConnectFallback = 'none' | 'iframe' | 'redirect'

export interface PopupSizeOptions {
  /** @default 500 */
  width?: number
  /** @default 720 */
  height?: number
}

export interface IframeOptions {
  /**
   * Show the flow inside this element of your page instead of a full-page modal overlay. The
   * element should have a size; the SDK adds its own dialog with a close button inside it.
   */
  container?: HTMLElement
  /** The dialog's and the iframe's accessible name. @default 'Connect your device' */
  title?: string
}

/** Options of `TextureConnect.open()`. Give exactly one of `linkUrl` and `connectKey`. */
export interface ConnectOptions {
  /**
   * A hosted Connect link your backend created, or an async function that returns one (the popup
   * opens blank at once and is sent to the link when it arrives). `https:` only, except
   * `http://localhost` and `http://127.0.0.1` for development.
   */
  linkUrl?: string | (() => string | Promise<string>)
  /** A public Connect key: the SDK creates the link itself with `POST {apiBaseUrl}/connections`. */
  connectKey?: string
  /** The body of `POST /v1/connections` when `connectKey` is used. @default {} */
  connectOptions?: ConnectLinkOptions
  /** @default 'popup' */
  mode?: ConnectMode
  /** @default 'none' */
  fallback?: ConnectFallback
  /** A page on your origin the hosted flow returns to; also sent as `connectOptions.redirectUrl` when that is unset. */
  redirectUrl?: string
  /** Milliseconds until the session ends with ConnectError `timeout`. @default 1_800_000 (30 minutes) */
  timeout?: number
  /** The only origin whose messages are accepted. @default the origin of the link URL */
  connectOrigin?: string
  /**
   * The Texture API root, version included, as the client's `baseUrl`: `connectKey` links are
   * created at `{apiBaseUrl}/connections`. A bare origin (`https://api.texturehq.com`, the older
   * spelling) gets `/v1` added.
   * @default 'https://api.texturehq.com/v1'
   */
  apiBaseUrl?: string
  /** Popup size in CSS pixels, centred on the opener. @default { width: 500, height: 720 } */
  popup?: PopupSizeOptions
  /** Where and how `mode: 'iframe'` (or `fallback: 'iframe'`) shows the flow. @default a full-page modal */
  iframe?: IframeOptions
  onSuccess?: (success: ConnectSuccess) => void
  /** The user (or your `session.close()`) ended the flow without a key. */
  onExit?: (exit: ConnectExit) => void
  /** The flow failed; `error.code` says how. */
  onError?: (error: ConnectError) => void
  onEvent?: (event: ConnectEvent) => void
}

/** Where the link URL comes from. */
export type LinkSource =
  | { kind: 'url'; url: string }
  | { kind: 'function'; load: () => string | Promise<string> }
  | { kind: 'connect-key'; connectKey: string; body: ConnectLinkOptions; apiBaseUrl: string }

export interface ResolvedConnectOptions {
  readonly link: LinkSource
  readonly mode: ConnectMode
  readonly fallback: ConnectFallback
  readonly redirectUrl: string | undefined
  readonly timeout: number
  readonly connectOrigin: string | undefined
  readonly popup: { readonly width: number; readonly height: number }
  readonly iframe: { readonly container: HTMLElement | undefined; readonly title: string | undefined }
  readonly onSuccess: ((success: ConnectSuccess) => void) | undefined
  readonly onExit: ((exit: ConnectExit) => void) | undefined
  readonly onError: ((error: ConnectError) => void) | undefined
  readonly onEvent: ((event: ConnectEvent) => void) | undefined
}

const modes: readonly ConnectMode[] = ['popup', 'iframe', 'redirect']
const fallbacks: readonly ConnectFallback[] = ['none', 'iframe', 'redirect']
const callbackNames = ['onSuccess', 'onExit', 'onError', 'onEvent'] as const

/** Validates `open()` options once, fills defaults; throws ConnectError `invalid-options` naming the option. */
export function resolveConnectOptions(options: ConnectOptions | undefined): ResolvedConnectOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalidOption('options', 'must be an object.')
  }
  for (const name of callbackNames) {
    if (options[name] !== undefined && typeof options[name] !== 'function') throw invalidOption(name, 'must be a function.')
  }
  const mode = options.mode ?? 'popup'
  if (!modes.includes(mode)) throw invalidOption('mode', `must be one of ${modes.join(', ')}.`)
  const fallback = options.fallback ?? 'none'
  if (!fallbacks.includes(fallback)) throw invalidOption('fallback', `must be one of ${fallbacks.join(', ')}.`)
  if (options.popup !== undefined && (typeof options.popup !== 'object' || options.popup === null)) {
    throw invalidOption('popup', 'must be an object.')
  }
  const iframe = resolveIframeOptions(options.iframe)
  const redirectUrl = options.redirectUrl === undefined ? undefined : readUrl('redirectUrl', options.redirectUrl)
  if (redirectUrl === undefined && (mode === 'redirect' || fallback === 'redirect')) {
    throw invalidOption('redirectUrl', 'is required for redirect.')
  }
  return {
    link: resolveLinkSource(options, redirectUrl),
    mode,
    fallback,
    redirectUrl,
    timeout: options.timeout === undefined ? 30 * 60 * 1000 : readTimeout(options.timeout),
    connectOrigin: options.connectOrigin === undefined ? undefined : readOrigin('connectOrigin', options.connectOrigin),
    popup: {
      width: readSize('popup.width', options.popup?.width ?? 500),
      height: readSize('popup.height', options.popup?.height ?? 720),
    },
    iframe,
    onSuccess: options.onSuccess,
    onExit: options.onExit,
    onError: options.onError,
    onEvent: options.onEvent,
  }
}

function resolveLinkSource(options: ConnectOptions, redirectUrl: string | undefined): LinkSource {
  const { linkUrl, connectKey } = options
  if ((linkUrl === undefined) === (connectKey === undefined)) {
    throw invalidOption('linkUrl', 'or `connectKey`: give one.')
  }
  if (typeof linkUrl === 'function') return { kind: 'function', load: linkUrl }
  if (linkUrl !== undefined) return { kind: 'url', url: readSecureUrl('linkUrl', linkUrl) }
  return readConnectKeySource('connectKey', connectKey, options.connectOptions ?? {}, options.apiBaseUrl, redirectUrl)
}

function resolveIframeOptions(options: IframeOptions | undefined): ResolvedConnectOptions['iframe'] {
  if (options === undefined) return { container: undefined, title: undefined }
  if (typeof options !== 'object' || options === null) throw invalidOption('iframe', 'must be an object.')
  const { container, title } = options
  // Checked by shape, not `instanceof HTMLElement`: an element from another frame is still an element.
  if (container !== undefined && (typeof container !== 'object' || container === null || container.nodeType !== 1)) {
    throw invalidOption('iframe.container', 'must be an element.')
  }
  if (title !== undefined && (typeof title !== 'string' || title.trim() === '')) throw invalidOption('iframe.title', 'must be a non-empty string.')
  return { container, title }
}
