import { hasEnvelope } from './protocol'

/**
 * The two answers that tell a sender its message was taken (docs/key-delivery.md#acknowledgements):
 * `ack` goes from the SDK's session to the hosted page after it accepts a terminal message, and
 * `relay-ack` from the session to the `redirectUrl` page whose relay it accepted. Different types,
 * so a hosted page's `ack` can never pass for a relay's.
 */
export type AckType = 'ack' | 'relay-ack'

export interface AckMessage {
  source: 'texture-connect'
  version: 1
  state: string
  type: AckType
}

/** The acknowledgement of `type` for the session `state`. */
export function createAck(state: string, type: AckType): AckMessage {
  return { source: 'texture-connect', version: 1, state, type }
}

/** True for an acknowledgement of `type` carrying this session's `state`; origin and window are the caller's to check. */
export function isAck(data: unknown, state: string, type: AckType): data is AckMessage {
  return hasEnvelope(data, state) && data.type === type
}
