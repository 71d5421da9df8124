import { describe, expect, it } from 'vitest'
import { takeLandedKey } from '../../../src/connect/return/landing'

const appOrigin = 'https://app.example.com'

interface FakeWindow extends Window {
  /** The addresses `history.replaceState` was given. */
  replaced: string[]
}

/** A window whose location reads `href`, or throws like a cross-origin window does. */
function windowAt(href: string | 'cross-origin', closed = false): FakeWindow {
  const replaced: string[] = []
  const url = () => {
    if (href === 'cross-origin') throw new DOMException('Blocked a frame with origin', 'SecurityError')
    return new URL(href)
  }
  return {
    closed,
    replaced,
    location: {
      get origin() {
        return url().origin
      },
      get pathname() {
        return url().pathname
      },
      get search() {
        return url().search
      },
      get hash() {
        return url().hash
      },
    },
    history: { state: null, replaceState: (_state: unknown, _title: string, address: string) => replaced.push(address) },
  } as unknown as FakeWindow
}

describe('takeLandedKey', () => {
  it('returns the key once the window is back on the app origin with texture_scoped_key', () => {
    expect(takeLandedKey(windowAt(`${appOrigin}/done?x=1&texture_scoped_key=scoped_land_1#h`), appOrigin)).toEqual({ scopedKey: 'scoped_land_1' })
  })

  it('removes the key from the landed window address, keeping the rest', () => {
    const landed = windowAt(`${appOrigin}/done?x=1&texture_scoped_key=scoped_land_1#h`)
    takeLandedKey(landed, appOrigin)
    expect(landed.replaced).toEqual(['/done?x=1#h'])
  })

  it('changes nothing in a window without a key', () => {
    const landed = windowAt(`${appOrigin}/done?x=1`)
    takeLandedKey(landed, appOrigin)
    expect(landed.replaced).toEqual([])
  })

  it('returns null (never throws) while the window shows another origin', () => {
    expect(takeLandedKey(windowAt('cross-origin'), appOrigin)).toBeNull()
  })

  it('returns null on the initial blank page and on a page without a key', () => {
    expect(takeLandedKey(windowAt('about:blank'), appOrigin)).toBeNull()
    expect(takeLandedKey(windowAt(`${appOrigin}/done?x=1`), appOrigin)).toBeNull()
  })

  it('accepts the exact app origin only, not a look-alike', () => {
    for (const href of ['https://app.example.com.evil.example/done', 'http://app.example.com/done', 'https://app.example.com:8443/done', 'https://evil.example/done']) {
      expect(takeLandedKey(windowAt(`${href}?texture_scoped_key=scoped_land_1`), appOrigin)).toBeNull()
    }
  })

  it('reports a value that is not a scoped key as malformed, never returns it, and removes it from the address', () => {
    for (const value of ['api_secret', '', 'scoped_']) {
      const landed = windowAt(`${appOrigin}/done?texture_scoped_key=${value}&x=1`)
      expect(takeLandedKey(landed, appOrigin)).toEqual({ malformed: true })
      expect(landed.replaced).toEqual(['/done?x=1'])
    }
  })

  it('returns null for a closed window, or one whose location cannot be read at all', () => {
    expect(takeLandedKey(windowAt(`${appOrigin}/done?texture_scoped_key=scoped_land_1`, true), appOrigin)).toBeNull()
    expect(
      takeLandedKey(
        {
          get closed(): boolean {
            throw new Error('detached')
          },
        } as unknown as Window,
        appOrigin,
      ),
    ).toBeNull()
  })
})
