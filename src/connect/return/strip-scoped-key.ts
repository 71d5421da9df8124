/** The query parameter Texture's hosted flow adds to `redirectUrl` when it succeeds. */
export const scopedKeyParam = 'texture_scoped_key'

/** What a `texture_scoped_key` that is not a scoped key is told: the value itself is never echoed. */
export const malformedKeyMessage = '`texture_scoped_key` is not a scoped key (`scoped_…`); removed from the address.'

/**
 * Removes `texture_scoped_key` from `page`'s address with `history.replaceState`, keeping every
 * other parameter and the hash exactly: the key must not stay in history, referrers or logs.
 */
export function stripScopedKey(page: Window): void {
  const { location, history } = page
  history.replaceState(history.state, '', `${location.pathname}${removeQueryParam(location.search, scopedKeyParam)}${location.hash}`)
}

/**
 * `search` (as in `location.search`) without every `name=…` pair, other pairs kept byte for byte
 * (no re-encoding, unlike `URLSearchParams.toString()`). Returns `''` when nothing is left.
 */
function removeQueryParam(search: string, name: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search
  const kept = query.split('&').filter((pair) => pair !== '' && decodedName(pair) !== name)
  return kept.length === 0 ? '' : `?${kept.join('&')}`
}

function decodedName(pair: string): string {
  // URLSearchParams decodes the name the way the URL parser does (`+`, percent escapes).
  const first = new URLSearchParams(pair).keys().next()
  return first.done === true ? '' : first.value
}
