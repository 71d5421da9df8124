import { describe, expect, it } from 'vitest'
import { isProtocolMessage } from '../../../src/connect/messaging/protocol'
import { protocolMessage } from '../support/hosted'

const state = 'a'.repeat(32)

describe('isProtocolMessage', () => {
  it.each([
    ['ready', {}],
    ['event', { name: 'MANUFACTURER_SELECTED', metadata: { manufacturer: 'tesla' } }],
    ['event', { name: 'STEP' }],
    ['success', { scopedKey: 'scoped_abc', metadata: { referenceId: 'user-1' } }],
    ['success', { scopedKey: 'scoped_abc' }],
    ['exit', { reason: 'user-cancelled' }],
    ['exit', {}],
    ['error', { error: { code: 'MANUFACTURER_DOWN', message: 'Tesla is unavailable' } }],
    ['error', { error: { message: 'Something failed' } }],
  ])('accepts a well-formed %s message', (type, fields) => {
    expect(isProtocolMessage(protocolMessage(state, type, fields), state)).toBe(true)
  })

  it('rejects values that are not objects', () => {
    for (const value of [null, undefined, 'texture-connect', 1, [protocolMessage(state, 'ready')]]) {
      expect(isProtocolMessage(value, state)).toBe(false)
    }
  })

  it('rejects another namespace tag', () => {
    expect(isProtocolMessage({ ...protocolMessage(state, 'ready'), source: 'plaid-link' }, state)).toBe(false)
  })

  it('rejects another protocol version', () => {
    expect(isProtocolMessage({ ...protocolMessage(state, 'ready'), version: 2 }, state)).toBe(false)
    expect(isProtocolMessage({ ...protocolMessage(state, 'ready'), version: '1' }, state)).toBe(false)
  })

  it("rejects another session's state, and a missing state", () => {
    expect(isProtocolMessage(protocolMessage('b'.repeat(32), 'ready'), state)).toBe(false)
    const { state: _removed, ...withoutState } = protocolMessage(state, 'ready')
    expect(isProtocolMessage(withoutState, state)).toBe(false)
  })

  it('rejects unknown types, including names inherited from Object.prototype', () => {
    expect(isProtocolMessage(protocolMessage(state, 'resize'), state)).toBe(false)
    expect(isProtocolMessage(protocolMessage(state, 'toString'), state)).toBe(false)
    expect(isProtocolMessage(protocolMessage(state, 'constructor'), state)).toBe(false)
  })

  it('rejects a success whose key is not a scoped key', () => {
    for (const scopedKey of ['api_secret', 'SCOPED_abc', ' scoped_abc', 'scoped_', 42, undefined]) {
      expect(isProtocolMessage(protocolMessage(state, 'success', { scopedKey }), state)).toBe(false)
    }
  })

  it('rejects payloads that do not match their type', () => {
    expect(isProtocolMessage(protocolMessage(state, 'event', {}), state)).toBe(false)
    expect(isProtocolMessage(protocolMessage(state, 'event', { name: '' }), state)).toBe(false)
    expect(isProtocolMessage(protocolMessage(state, 'event', { name: 'STEP', metadata: 'x' }), state)).toBe(false)
    expect(isProtocolMessage(protocolMessage(state, 'success', { scopedKey: 'scoped_abc', metadata: [] }), state)).toBe(false)
    expect(isProtocolMessage(protocolMessage(state, 'exit', { reason: 3 }), state)).toBe(false)
    expect(isProtocolMessage(protocolMessage(state, 'error', { error: 'boom' }), state)).toBe(false)
    expect(isProtocolMessage(protocolMessage(state, 'error', { error: { code: 'X' } }), state)).toBe(false)
    expect(isProtocolMessage(protocolMessage(state, 'error', { error: { message: 'x', code: 5 } }), state)).toBe(false)
  })
})
