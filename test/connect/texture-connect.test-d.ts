import { describe, expectTypeOf, it } from 'vitest'
import { TextureConnect, handleRedirect, type ConnectError, type ConnectExit, type ConnectSession, type ConnectSuccess, type HandleRedirectOptions, type HandleRedirectResult } from '../../src/index'

describe('TextureConnect.open types', () => {
  it('returns a session whose result and events are typed from one event map', () => {
    const session = TextureConnect.open({ linkUrl: 'https://connect.example.com/link' })
    expectTypeOf(session).toEqualTypeOf<ConnectSession>()
    expectTypeOf(session.result).toEqualTypeOf<Promise<ConnectSuccess>>()
    session.on('success', (success) => expectTypeOf(success.scopedKey).toBeString())
    session.on('exit', (exit) => expectTypeOf(exit).toEqualTypeOf<ConnectExit>())
    session.on('error', (error) => expectTypeOf(error).toEqualTypeOf<ConnectError>())
    expectTypeOf(session.on('close', () => {})).toEqualTypeOf<() => void>()
    // @ts-expect-error: not an event of the session
    session.on('finished', () => {})
  })

  it('rejects options outside the contract', () => {
    // @ts-expect-error: not a mode
    TextureConnect.open({ linkUrl: 'https://connect.example.com/link', mode: 'tab' })
    // @ts-expect-error: a callback must be a function
    TextureConnect.open({ linkUrl: 'https://connect.example.com/link', onSuccess: 'done' })
    TextureConnect.open({ linkUrl: async () => 'https://connect.example.com/link', popup: { width: 480 } })
    TextureConnect.open({ connectKey: 'ck_public', connectOptions: { referenceId: 'user-1', manufacturerFilters: { manufacturers: ['tesla'] } } })
  })
})

describe('handleRedirect types', () => {
  it('stays callable without options and types the unclaimed key like its result', () => {
    expectTypeOf(handleRedirect()).toEqualTypeOf<HandleRedirectResult | null>()
    handleRedirect({ onUnclaimed: (unclaimed) => expectTypeOf(unclaimed).toEqualTypeOf<HandleRedirectResult>() })
    expectTypeOf(TextureConnect.handleRedirect).parameter(0).toEqualTypeOf<HandleRedirectOptions | undefined>()
    // @ts-expect-error: the key comes as { scopedKey }, not as a bare string
    handleRedirect({ onUnclaimed: (scopedKey: number) => scopedKey })
  })
})
