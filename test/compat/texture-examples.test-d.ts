import { describe, expectTypeOf, it } from 'vitest'
import { createConnectSession, type ConnectError, type CreateConnectSessionErrorType, type PopupSizeOptions } from '../../src/index'
import { useCreateConnectSession } from '../../src/react/index'

// Texture's examples read the key from `import.meta.env`, which Vite types as `any`.
// biome-ignore lint/suspicious/noExplicitAny: the type Texture's example code really gets
declare const connectApiKey: any

describe('Texture’s published examples type-check unchanged (strict, no annotations added)', () => {
  it('the React example: useCreateConnectSession infers { scopedKey } and { type, reason }', () => {
    const { open } = useCreateConnectSession({
      connectApiKey,
      connectOptions: {
        referenceId: 'connect-sdk-example',
        clientName: 'Connect SDK Example',
        tags: ['connect-sdk-example'],
        manufacturerFilters: { manufacturers: ['honeywell', 'daikin'] },
        customerInfo: {
          email: 'example@example.com',
          phone: '5555555555',
          firstName: 'John',
          lastName: 'Doe',
        },
      },
      onSuccess: ({ scopedKey }) => {
        expectTypeOf(scopedKey).toEqualTypeOf<string>()
      },
      onError: ({ type, reason }) => {
        expectTypeOf(type).toEqualTypeOf<CreateConnectSessionErrorType>()
        expectTypeOf(reason).toEqualTypeOf<string>()
      },
    })
    open({ width: 600, height: 800 })
    open()
    expectTypeOf(open).parameter(0).toEqualTypeOf<PopupSizeOptions | undefined>()
  })

  it('the JavaScript example and Texture’s docs: method-shorthand onError, open(), close(), url, scopedKey', () => {
    const texture = createConnectSession({
      connectApiKey: 'your-connect-key',
      connectOptions: { referenceId: 'user-1', redirectUrl: 'http://localhost:8000' },
      onSuccess: (session) => expectTypeOf(session.scopedKey).toBeString(),
      onError({ type, reason, error }) {
        expectTypeOf(type).toEqualTypeOf<'popup-blocked' | 'popup-closed' | 'cancelled' | 'timeout' | 'link-failed' | 'hosted-error'>()
        expectTypeOf(reason).toBeString()
        expectTypeOf(error).toEqualTypeOf<ConnectError | undefined>()
      },
    })
    texture.open({ width: 600, height: 800 })
    texture.close()
    expectTypeOf(texture.url).toEqualTypeOf<string | undefined>()
    expectTypeOf(texture.scopedKey).toEqualTypeOf<string | undefined>()
  })

  it('rejects what Texture’s SDK never took', () => {
    // @ts-expect-error: the key is required
    createConnectSession({ connectOptions: {} })
    // @ts-expect-error: tags are strings
    createConnectSession({ connectApiKey: 'k', connectOptions: { tags: [1] } })
    // @ts-expect-error: not an onError type
    createConnectSession({ connectApiKey: 'k', onError: ({ type }) => type === 'closed' })
  })
})
