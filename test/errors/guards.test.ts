import { describe, expect, it } from 'vitest'
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
