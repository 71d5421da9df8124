import type { OpenPresenter } from './presenter'

/**
 * Sends this page to the hosted link (`mode: 'redirect'`). The flow comes back to `redirectUrl`,
 * where `TextureConnect.handleRedirect()` takes the key (DESIGN §3.3). `assign`, not `replace`:
 * the browser's Back button returns the user to the page they started from.
 */
export const openRedirect: OpenPresenter = ({ url }) => {
  const navigate = (linkUrl: string) => globalThis.location.assign(linkUrl)
  if (url !== undefined) navigate(url)
  return {
    mode: 'redirect',
    target: null,
    navigate,
    focus() {},
    isGone: () => false,
    close() {},
  }
}
