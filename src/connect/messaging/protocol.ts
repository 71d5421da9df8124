import { isRecord } from '../../internal/is-record'
import { isScopedKey } from '../../internal/is-scoped-key'

/** The fields every protocol v1 message carries (docs/protocol.md#messages). */
interface MessageBase {
  source: 'texture-connect'
  version: 1
  state: string
}

export type ReadyMessage = MessageBase & { type: 'ready' }
export type EventMessage = MessageBase & { type: 'event'; name: string; metadata?: Record<string, unknown> }
export type SuccessMessage = MessageBase & { type: 'success'; scopedKey: string; metadata?: Record<string, unknown> }
export type ExitMessage = MessageBase & { type: 'exit'; reason?: string; metadata?: Record<string, unknown> }
export type ErrorMessage = MessageBase & { type: 'error'; error: { code?: string; message: string } }

/** A message from the hosted page, discriminated on `type`. */
export type ProtocolMessage = ReadyMessage | EventMessage | SuccessMessage | ExitMessage | ErrorMessage

const payloadChecks: Record<ProtocolMessage['type'], (data: Record<string, unknown>) => boolean> = {
  ready: () => true,
  event: (data) => isNonEmptyString(data.name) && isOptionalRecord(data.metadata),
  success: (data) => isScopedKey(data.scopedKey) && isOptionalRecord(data.metadata),
  exit: (data) => (data.reason === undefined || typeof data.reason === 'string') && isOptionalRecord(data.metadata),
  error: (data) => isRecord(data.error) && typeof data.error.message === 'string' && (data.error.code === undefined || typeof data.error.code === 'string'),
}

/**
 * The one guard a message passes before any of its fields is used: the namespace tag, the
 * protocol version, this session's `state`, a known `type` and that type's payload.
 * Origin and `event.source` are checked by the listener, which has the event.
 */
export function isProtocolMessage(data: unknown, state: string): data is ProtocolMessage {
  if (!hasEnvelope(data, state)) return false
  const type = data.type
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(payloadChecks, type)) return false
  return payloadChecks[type as ProtocolMessage['type']](data)
}

/** The envelope every message of a session carries, hosted page or relay: the namespace tag, version 1, this `state`. */
export function hasEnvelope(data: unknown, state: string): data is Record<string, unknown> {
  // The state is a per-session secret: a message without it was not sent by this session's flow (or is forged).
  return isRecord(data) && data.source === 'texture-connect' && data.version === 1 && state !== '' && data.state === state
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

function isOptionalRecord(value: unknown): boolean {
  return value === undefined || isRecord(value)
}
