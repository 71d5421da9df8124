import { describe, expect, it } from 'vitest'
import {
  CommandTimeoutError,
  ForbiddenError,
  RateLimitError,
  TextureApiError,
  TextureError,
  TextureNetworkError,
  TextureTimeoutError,
  isConnectError,
  isTextureApiError,
  isTextureError,
  isTextureNetworkError,
  isTextureTimeoutError,
} from '../../src/index'

const request = { method: 'GET', path: '/devices/dev_1' }

describe('client error guards', () => {
  it('recognise client errors made here', () => {
    const forbidden = new ForbiddenError('nope', { ...request, status: 403 })
    expect(isTextureApiError(forbidden)).toBe(true)
    expect(isTextureError(forbidden)).toBe(true)
    expect(isConnectError(forbidden)).toBe(false)
    expect(forbidden).toBeInstanceOf(TextureApiError)
    expect(forbidden.name).toBe('ForbiddenError')
    expect(isTextureNetworkError(new TextureNetworkError('down'))).toBe(true)
    expect(isTextureTimeoutError(new TextureTimeoutError('slow'))).toBe(true)
    const waited = new CommandTimeoutError('still pending', { id: 'cmd_1', status: 'pending', deviceId: 'dev_1', command: 'battery:set-reserve', createdAt: '' })
    expect(isTextureTimeoutError(waited)).toBe(true)
    expect(isTextureError(waited)).toBe(true)
    expect(waited.command.status).toBe('pending')
  })

  it('recognise API errors from another realm by name and fields', () => {
    const foreign = Object.assign(new Error('from an iframe'), { name: 'TextureApiError', status: 429, path: '/devices' })
    expect(isTextureApiError(foreign)).toBe(true)
    expect(isTextureError(foreign)).toBe(true)
    expect(isTextureNetworkError(Object.assign(new Error('x'), { name: 'TextureNetworkError' }))).toBe(true)
    expect(isTextureTimeoutError(Object.assign(new Error('x'), { name: 'TextureTimeoutError' }))).toBe(true)
  })

  it('recognise subclasses from another realm by their brand, which lists every class above them', () => {
    // A copy whose prototype is a plain Error, as `instanceof` sees an error from an iframe.
    const foreign = <T extends Error>(error: T): T => Object.setPrototypeOf(error, Error.prototype) as T
    const limited = foreign(new RateLimitError('slow down', { ...request, status: 429 }))
    expect(limited).not.toBeInstanceOf(TextureApiError)
    expect(isTextureApiError(limited)).toBe(true)
    expect(isTextureError(limited)).toBe(true)
    const waited = foreign(new CommandTimeoutError('still pending', { id: 'cmd_1', status: 'pending', deviceId: 'dev_1', command: 'battery:set-reserve', createdAt: '' }))
    expect(isTextureTimeoutError(waited)).toBe(true)
    expect(isTextureApiError(waited)).toBe(false)
  })

  it('match a bare name exactly: a parent guard does not know the names of its subclasses', () => {
    expect(isTextureTimeoutError(Object.assign(new Error('x'), { name: 'CommandTimeoutError' }))).toBe(false)
    expect(isTextureTimeoutError(new DOMException('The operation timed out.', 'TimeoutError'))).toBe(false)
  })

  it("do not mistake another library's NotFoundError for one of ours", () => {
    const other = Object.assign(new Error('no such file'), { name: 'NotFoundError' })
    expect(isTextureApiError(other)).toBe(false)
    expect(isTextureError(other)).toBe(false)
    expect(isTextureApiError({ name: 'ServerError', status: 500 })).toBe(false)
  })

  it('keep each guard to its own family', () => {
    expect(isTextureApiError(new TextureNetworkError('down'))).toBe(false)
    expect(isTextureNetworkError(new RateLimitError('x', { ...request, status: 429 }))).toBe(false)
    expect(isTextureTimeoutError(new TextureError('x'))).toBe(false)
    expect(isTextureApiError(null)).toBe(false)
  })
})
