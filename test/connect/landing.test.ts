import { describe, expect, it } from 'vitest'
import { readLandedKey } from '../../src/connect/landing'

const appOrigin = 'https://app.example.com'

/** A window whose location reads `href`, or throws like a cross-origin window does. */
function windowAt(href: string | 'cross-origin', closed = false): Window {
  return {
    closed,
    location: {
      get href() {
        if (href === 'cross-origin') throw new DOMException('Blocked a frame with origin', 'SecurityError')
        return href
      },
    },
  } as unknown as Window
}

describe('readLandedKey', () => {
  it('returns the key once the window is back on the app origin with texture_scoped_key', () => {
    expect(readLandedKey(windowAt(`${appOrigin}/done?x=1&texture_scoped_key=scoped_land_1#h`), appOrigin)).toBe('scoped_land_1')
  })

  it('returns null (never throws) while the window shows another origin', () => {
    expect(readLandedKey(windowAt('cross-origin'), appOrigin)).toBeNull()
  })

  it('returns null on the initial blank page and on a page without a key', () => {
    expect(readLandedKey(windowAt('about:blank'), appOrigin)).toBeNull()
    expect(readLandedKey(windowAt(`${appOrigin}/done?x=1`), appOrigin)).toBeNull()
  })

  it('accepts the exact app origin only, not a look-alike', () => {
    for (const href of ['https://app.example.com.evil.example/done', 'http://app.example.com/done', 'https://app.example.com:8443/done', 'https://evil.example/done']) {
      expect(readLandedKey(windowAt(`${href}?texture_scoped_key=scoped_land_1`), appOrigin)).toBeNull()
    }
  })

  it('returns null for a value that is not a scoped key', () => {
    for (const value of ['api_secret', '', 'scoped_']) {
      expect(readLandedKey(windowAt(`${appOrigin}/done?texture_scoped_key=${value}`), appOrigin)).toBeNull()
    }
  })

  it('returns null for a closed window, or one whose location cannot be read at all', () => {
    expect(readLandedKey(windowAt(`${appOrigin}/done?texture_scoped_key=scoped_land_1`, true), appOrigin)).toBeNull()
    expect(readLandedKey({ get closed(): boolean { throw new Error('detached') } } as unknown as Window, appOrigin)).toBeNull()
  })
})
