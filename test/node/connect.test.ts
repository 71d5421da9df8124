import { describe, expect, it } from 'vitest'

describe('the package in plain Node (server-side rendering)', () => {
  it('imports without a DOM and without touching one', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    const touched: string[] = []
    for (const name of ['window', 'document', 'location']) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(name)
          return undefined
        },
      })
    }
    try {
      const api = await import('../../src/index')
      expect(typeof api.TextureConnect.open).toBe('function')
      expect(touched).toEqual([])
    } finally {
      for (const name of ['window', 'document', 'location']) delete (globalThis as Record<string, unknown>)[name]
    }
  })

  it('throws ConnectError not-in-browser from TextureConnect.open()', async () => {
    const { TextureConnect, ConnectError } = await import('../../src/index')
    let thrown: unknown
    try {
      TextureConnect.open({ linkUrl: 'https://connect.example.com/link' })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ConnectError)
    expect(thrown).toMatchObject({ code: 'not-in-browser' })
    expect((thrown as Error).message).toContain('TextureConnect.open()')
  })

  it('builds the script-tag global without a DOM', async () => {
    await import('../../src/global')
    const global = (globalThis as { TextureConnect?: Record<string, unknown> & { open: unknown } }).TextureConnect
    const { TextureConnect, ConnectError } = await import('../../src/index')
    expect(global).toBe(TextureConnect)
    expect(global?.ConnectError).toBe(ConnectError)
    expect(typeof global?.open).toBe('function')
    delete (globalThis as { TextureConnect?: unknown }).TextureConnect
  })
})
