import { describe, expect, it } from 'vitest'
import { branded } from '../../src/errors/texture-error'
import { ConnectError, TextureError, isConnectError, isTextureError } from '../../src/index'

describe('error guards', () => {
  it('recognise errors made here by instanceof', () => {
    const error = new ConnectError('timeout', 'took too long')
    expect(isConnectError(error)).toBe(true)
    expect(isTextureError(error)).toBe(true)
    expect(error).toBeInstanceOf(TextureError)
    expect(error.code).toBe('timeout')
  })

  it('recognise errors from another realm by name', () => {
    const foreign = Object.assign(new Error('from an iframe'), { name: 'ConnectError', code: 'cancelled' })
    expect(isConnectError(foreign)).toBe(true)
    expect(isTextureError(foreign)).toBe(true)
  })

  it('reject plain errors and look-alikes that are not errors of this SDK', () => {
    expect(isTextureError(new Error('x'))).toBe(false)
    expect(isConnectError(new TextureError('x'))).toBe(false)
    expect(isTextureError({ name: 'SomethingElse' })).toBe(false)
    expect(isTextureError(null)).toBe(false)
    expect(isTextureError('ConnectError')).toBe(false)
  })
})

describe('the brand', () => {
  const brand = Symbol.for('texture-connect.error')

  it('lists the class of an error and every class above it, base first', () => {
    expect((new ConnectError('timeout', 'x') as unknown as Record<symbol, unknown>)[brand]).toEqual(['TextureError', 'ConnectError'])
    expect((new TextureError('x') as unknown as Record<symbol, unknown>)[brand]).toEqual(['TextureError'])
  })

  it('stays out of logs and copies: not enumerable', () => {
    const error = new ConnectError('cancelled', 'x')
    expect(Object.getOwnPropertyDescriptor(error, brand)?.enumerable).toBe(false)
    expect(Object.getOwnPropertySymbols({ ...error })).toEqual([])
  })

  it('makes a subclass added later known to its parents’ guards, with no list to update', () => {
    class LaterError extends ConnectError {
      override name = branded(this, 'LaterError')
    }
    const later = Object.setPrototypeOf(new LaterError('timeout', 'x'), Error.prototype) as Error
    expect(later).not.toBeInstanceOf(ConnectError)
    expect(later.name).toBe('LaterError')
    expect(isConnectError(later)).toBe(true)
    expect(isTextureError(later)).toBe(true)
  })
})
