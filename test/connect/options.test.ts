import { describe, expect, it } from 'vitest'
import { resolveConnectOptions, type ConnectOptions } from '../../src/connect/options'
import { ConnectError } from '../../src/index'

const linkUrl = 'https://connect.example.com/link'

function invalidOptionsError(options: unknown): ConnectError {
  try {
    resolveConnectOptions(options as ConnectOptions)
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectError)
    expect((error as ConnectError).code).toBe('invalid-options')
    return error as ConnectError
  }
  throw new Error('expected resolveConnectOptions to throw')
}

describe('resolveConnectOptions', () => {
  it('fills the defaults', () => {
    const resolved = resolveConnectOptions({ linkUrl })
    expect(resolved).toMatchObject({
      link: { kind: 'url', url: linkUrl },
      mode: 'popup',
      fallback: 'none',
      timeout: 30 * 60 * 1000,
      connectOrigin: undefined,
      popup: { width: 500, height: 720 },
    })
  })

  it('needs exactly one of `linkUrl` and `connectKey`', () => {
    expect(invalidOptionsError({}).message).toContain('`linkUrl`')
    expect(invalidOptionsError({ linkUrl, connectKey: 'ck_1' }).message).toContain('`connectKey`')
    expect(invalidOptionsError(undefined).message).toContain('`options`')
  })

  it('accepts https links, and http only on localhost and 127.0.0.1', () => {
    expect(resolveConnectOptions({ linkUrl: 'http://localhost:5173/link' }).link).toEqual({ kind: 'url', url: 'http://localhost:5173/link' })
    expect(resolveConnectOptions({ linkUrl: 'http://127.0.0.1:9000/link' }).link.kind).toBe('url')
    for (const bad of ['http://connect.example.com/link', 'http://localhost.evil.example/link', 'javascript:alert(1)', '/relative', 'not a url', 42]) {
      expect(invalidOptionsError({ linkUrl: bad }).message).toContain('`linkUrl`')
    }
  })

  it('keeps a `linkUrl` function for later', () => {
    const load = async () => linkUrl
    expect(resolveConnectOptions({ linkUrl: load }).link).toEqual({ kind: 'function', load })
  })

  it('rejects callbacks that are not functions', () => {
    for (const name of ['onSuccess', 'onExit', 'onError', 'onEvent']) {
      expect(invalidOptionsError({ linkUrl, [name]: 'nope' }).message).toContain(`\`${name}\``)
    }
  })

  it('rejects unknown modes and fallbacks', () => {
    expect(invalidOptionsError({ linkUrl, mode: 'tab' }).message).toContain('`mode`')
    expect(invalidOptionsError({ linkUrl, fallback: 'popup' }).message).toContain('`fallback`')
  })

  it('requires `redirectUrl` for the redirect mode and fallback', () => {
    expect(invalidOptionsError({ linkUrl, mode: 'redirect' }).message).toContain('`redirectUrl`')
    expect(invalidOptionsError({ linkUrl, fallback: 'redirect' }).message).toContain('`redirectUrl`')
    expect(invalidOptionsError({ linkUrl, redirectUrl: 'done.html' }).message).toContain('`redirectUrl`')
  })

  it('rejects timeouts that are not a positive number a timer can hold', () => {
    for (const timeout of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '1000']) {
      expect(invalidOptionsError({ linkUrl, timeout }).message).toContain('`timeout`')
    }
    expect(resolveConnectOptions({ linkUrl, timeout: 5000 }).timeout).toBe(5000)
  })

  it('accepts an element as `iframe.container` and a non-empty `iframe.title`, nothing else', () => {
    const container = document.createElement('div')
    expect(resolveConnectOptions({ linkUrl, iframe: { container, title: 'Connect' } }).iframe).toEqual({ container, title: 'Connect' })
    expect(invalidOptionsError({ linkUrl, iframe: 'modal' }).message).toContain('`iframe`')
    expect(invalidOptionsError({ linkUrl, iframe: { container: '#panel' } }).message).toContain('`iframe.container`')
    expect(invalidOptionsError({ linkUrl, iframe: { container: document.createTextNode('x') } }).message).toContain('`iframe.container`')
    expect(invalidOptionsError({ linkUrl, iframe: { title: ' ' } }).message).toContain('`iframe.title`')
  })

  it('rejects popup sizes a browser would not honour', () => {
    expect(invalidOptionsError({ linkUrl, popup: 'large' }).message).toContain('`popup`')
    expect(invalidOptionsError({ linkUrl, popup: { width: 50 } }).message).toContain('`popup.width`')
    expect(invalidOptionsError({ linkUrl, popup: { height: Number.NaN } }).message).toContain('`popup.height`')
    expect(resolveConnectOptions({ linkUrl, popup: { width: 600.4 } }).popup).toEqual({ width: 600, height: 720 })
  })

  it('accepts `connectOrigin` only as an exact secure origin', () => {
    expect(resolveConnectOptions({ linkUrl, connectOrigin: 'https://connect.example.com' }).connectOrigin).toBe('https://connect.example.com')
    for (const bad of ['https://connect.example.com/', 'https://connect.example.com/path', 'http://connect.example.com', '*', 'null']) {
      expect(invalidOptionsError({ linkUrl, connectOrigin: bad }).message).toContain('`connectOrigin`')
    }
  })

  describe('with a connect key', () => {
    it('creates links at the Texture API by default, with the body given', () => {
      const resolved = resolveConnectOptions({ connectKey: 'ck_public', connectOptions: { referenceId: 'user-1' } })
      expect(resolved.link).toEqual({ kind: 'connect-key', connectKey: 'ck_public', body: { referenceId: 'user-1' }, apiBaseUrl: 'https://api.texturehq.com/v1' })
    })

    it('sends the top-level `redirectUrl` when the body has none', () => {
      const resolved = resolveConnectOptions({ connectKey: 'ck_public', redirectUrl: 'https://app.example.com/done' })
      expect(resolved.link).toMatchObject({ body: { redirectUrl: 'https://app.example.com/done' } })
    })

    it('refuses secret and scoped keys without repeating them', () => {
      for (const key of ['api_live_secret123', 'scoped_user_key456']) {
        const error = invalidOptionsError({ connectKey: key })
        expect(error.message).toContain('`connectKey`')
        expect(error.message).not.toContain(key)
      }
      expect(invalidOptionsError({ connectKey: '' }).message).toContain('`connectKey`')
    })

    it('refuses an `apiBaseUrl` that would send the key in clear text', () => {
      expect(invalidOptionsError({ connectKey: 'ck_public', apiBaseUrl: 'http://api.example.com' }).message).toContain('`apiBaseUrl`')
    })

    it('refuses `connectOptions` that are not an object', () => {
      expect(invalidOptionsError({ connectKey: 'ck_public', connectOptions: ['x'] }).message).toContain('`connectOptions`')
    })
  })
})
