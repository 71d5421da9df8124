import { hasEnvelope } from './protocol'
import { isScopedKey } from '../../internal/is-scoped-key'

/**
 * What a `redirectUrl` page inside an SDK popup or iframe sends back to the page that opened it:
 * the key, or (`relay-invalid-key`) word that the flow came back with a value that is not a scoped
 * key, so the session fails at once instead of waiting. The bad value itself is never sent.
 */
export type RelayMessage = KeyRelayMessage | InvalidKeyRelayMessage

export interface KeyRelayMessage {
  source: 'texture-connect'
  version: 1
  type: 'relay'
  state: string
  scopedKey: string
}

export interface InvalidKeyRelayMessage {
  source: 'texture-connect'
  version: 1
  type: 'relay-invalid-key'
  state: string
}

/** The `BroadcastChannel` the relay also uses, for openers cut off by Cross-Origin-Opener-Policy. */
export const relayChannelName = 'texture-connect'

/** Opens the relay's `BroadcastChannel`, or `null` in a browser without one. Close it when done. */
export function openRelayChannel(): BroadcastChannel | null {
  return typeof globalThis.BroadcastChannel === 'function' ? new globalThis.BroadcastChannel(relayChannelName) : null
}

/** The popup's `sessionStorage` entry holding the session `state` (never the key). */
export const popupMarkerKey = 'texture-connect:popup'

/**
 * This tab's `sessionStorage` entry saying `handleRedirect()` returned a key on a top-level page
 * (never the key): a page of the tab that Back restores then knows its redirect finished.
 */
export const returnedNoteKey = 'texture-connect:returned'

const framePrefix = 'texture-connect:'

/** The relay for `scopedKey`, or the invalid-key notice when it is `null`. */
export function createRelayMessage(state: string, scopedKey: string | null): RelayMessage {
  const envelope = { source: 'texture-connect', version: 1, state } as const
  return scopedKey === null ? { ...envelope, type: 'relay-invalid-key' } : { ...envelope, type: 'relay', scopedKey }
}

/** The one guard a relay passes before any field is used: tag, version, this `state`, then a scoped key or the invalid-key notice. */
export function isRelayMessage(data: unknown, state: string): data is RelayMessage {
  // hasEnvelope checks this session's `state`: a relay without it belongs to another session (or a forger).
  return hasEnvelope(data, state) && ((data.type === 'relay' && isScopedKey(data.scopedKey)) || data.type === 'relay-invalid-key')
}

/** The browsing-context `name` of the SDK's iframe for `state`: it survives the frame's navigations. */
export function frameName(state: string): string {
  return `${framePrefix}${state}`
}

/** The `state` in an SDK iframe's `name`, or `null` for any other name. */
export function stateFromFrameName(name: string): string | null {
  if (!name.startsWith(framePrefix)) return null
  const state = name.slice(framePrefix.length)
  return state === '' ? null : state
}
