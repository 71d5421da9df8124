import { describe, expect, it } from 'vitest'
import { buildLinkUrl } from '../../../src/connect/link/link-url'

const parameters = { state: 'f'.repeat(32), origin: 'https://app.example.com', mode: 'popup' } as const

describe('buildLinkUrl', () => {
  it('adds the state, the app origin, the mode and the SDK version', () => {
    const url = new URL(buildLinkUrl('https://connect.example.com/link', parameters))
    expect(url.searchParams.get('texture_state')).toBe(parameters.state)
    expect(url.searchParams.get('texture_origin')).toBe('https://app.example.com')
    expect(url.searchParams.get('texture_mode')).toBe('popup')
    expect(url.searchParams.get('texture_sdk')).toBe('1')
  })

  it("keeps the link's own parameters, path and hash", () => {
    const url = new URL(buildLinkUrl('https://connect.example.com/a/b?token=abc&step=2#start', parameters))
    expect(url.origin + url.pathname).toBe('https://connect.example.com/a/b')
    expect(url.searchParams.get('token')).toBe('abc')
    expect(url.searchParams.get('step')).toBe('2')
    expect(url.hash).toBe('#start')
  })

  it('replaces texture_ parameters already on the link instead of adding a second copy', () => {
    const url = new URL(buildLinkUrl('https://connect.example.com/?texture_state=old&texture_origin=https://evil.example', parameters))
    expect(url.searchParams.getAll('texture_state')).toEqual([parameters.state])
    expect(url.searchParams.getAll('texture_origin')).toEqual(['https://app.example.com'])
  })

  it('encodes the app origin as a query value', () => {
    const url = buildLinkUrl('https://connect.example.com/', parameters)
    expect(url).toContain('texture_origin=https%3A%2F%2Fapp.example.com')
  })
})
