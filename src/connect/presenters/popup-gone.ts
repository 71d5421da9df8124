/** How long this page must hold focus, with the popup's handle reading `closed`, before a popup that may only be cut off by COOP counts as closed. */
export const coopGracePeriod = 5000

export interface PopupGoneRuleOptions {
  /** How often the rule is asked, in ms. */
  interval: number
  /**
   * True while a `closed` handle may only mean that Cross-Origin-Opener-Policy cut the popup off:
   * the link has loaded and a `redirectUrl` page can still relay the key by `BroadcastChannel`.
   * A hosted page that spoke the protocol can still be cut off later, by a COOP page it goes to
   * (a manufacturer's login), so having heard from it proves nothing.
   */
  mayBeCutOff: () => boolean
}

/**
 * The one place that decides whether the user closed the popup (README, "Closed popups and COOP").
 *
 * A popup whose hosted page is served with `Cross-Origin-Opener-Policy` loses its link to this
 * page, and its handle then reads `closed` although the user is still in it. So:
 * - `closed` while the popup cannot be cut off (no `redirectUrl`, so no relay can come, or the
 *   link has not loaded yet) means closed: it is reported at the next check.
 * - `closed` while it may be cut off counts only once this page has had the focus for
 *   `coopGracePeriod` in a row: a person who closed the popup is back on this page, while one who is
 *   still in a cut-off popup has the focus there.
 *
 * Returns the check, to be called every `interval` ms with the handle's `closed`.
 */
export function createPopupGoneRule(options: PopupGoneRuleOptions): (closed: boolean) => boolean {
  let focusedFor = 0
  return (closed) => {
    if (!closed) return false
    if (!options.mayBeCutOff()) return true
    focusedFor = globalThis.document.hasFocus() ? focusedFor + options.interval : 0
    return focusedFor >= coopGracePeriod
  }
}
