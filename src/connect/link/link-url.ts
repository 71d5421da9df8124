/** What the SDK appends to the hosted link so the hosted page can answer (docs/protocol.md#link-parameters). */
export interface LinkParameters {
  /** The per-session nonce every message must echo. */
  state: string
  /** The app's origin: the hosted page posts to it, never to `'*'`. */
  origin: string
  mode: 'popup' | 'iframe'
}

/**
 * Returns `linkUrl` with `texture_state`, `texture_origin`, `texture_mode` and `texture_sdk=1` set,
 * keeping every other parameter (and the hash) of the link.
 *
 * @example
 * buildLinkUrl('https://connect.texturehq.com/link?token=abc', { state, origin: location.origin, mode: 'popup' })
 */
export function buildLinkUrl(linkUrl: string, parameters: LinkParameters): string {
  const url = new URL(linkUrl)
  url.searchParams.set('texture_state', parameters.state)
  url.searchParams.set('texture_origin', parameters.origin)
  url.searchParams.set('texture_mode', parameters.mode)
  url.searchParams.set('texture_sdk', '1')
  return url.toString()
}
