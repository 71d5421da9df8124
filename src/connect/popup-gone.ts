/**
 * The one place that decides whether the user closed the popup. Today: the handle reads `closed`.
 * A popup whose opener link was cut by Cross-Origin-Opener-Policy also reads `closed`; telling
 * the two apart is refined here (and only here) when the redirect relay lands.
 */
export function isPopupGone(popup: Window): boolean {
  return popup.closed
}
