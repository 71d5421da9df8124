import { removeQueryParam } from './remove-query-param'
import { scopedKeyParam } from './scoped-key'

/**
 * Removes `texture_scoped_key` from `page`'s address with `history.replaceState`, keeping every
 * other parameter and the hash exactly: the key must not stay in history, referrers or logs.
 */
export function stripScopedKey(page: Window): void {
  const { location, history } = page
  history.replaceState(history.state, '', `${location.pathname}${removeQueryParam(location.search, scopedKeyParam)}${location.hash}`)
}
