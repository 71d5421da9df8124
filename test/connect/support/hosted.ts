/** The hosted Connect flow of the unit tests: its origin, a link on it, and messages it would send. */
export const hostedOrigin = 'https://connect.example.com'
export const linkUrl = `${hostedOrigin}/link?token=link_123`

/** The `texture_state` the SDK put on the popup's URL. */
export function stateOf(popupUrl: string): string {
  const state = new URL(popupUrl).searchParams.get('texture_state')
  if (state === null) throw new Error(`no texture_state on ${popupUrl}`)
  return state
}

/** A valid protocol v1 message of `type` for `state`, with extra fields. */
export function protocolMessage(state: string, type: string, fields: Record<string, unknown> = {}) {
  return { source: 'texture-connect', version: 1, state, type, ...fields }
}

/** Dispatches a `message` event on this window as if `source` had posted `data` from `origin`. */
export function postMessageFrom(options: { source: Window | null; origin: string; data: unknown }): void {
  window.dispatchEvent(new MessageEvent('message', { data: options.data, origin: options.origin, source: options.source as never }))
}
