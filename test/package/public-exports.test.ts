import { describe, expect, it } from 'vitest'

// The runtime names each published entry exports (dist/, as npm users get it). Adding or removing
// one is a change to the public API: this list makes it a reviewed diff.
const exportNames = async (entry: string) => Object.keys(await import(entry)).sort()

describe('public export names', () => {
  it('texture-connect', async () => {
    expect(await exportNames('../../dist/index.js')).toEqual([
      'AuthenticationError',
      'BadRequestError',
      'CommandTimeoutError',
      'ConnectError',
      'ForbiddenError',
      'NotFoundError',
      'RateLimitError',
      'ServerError',
      'TextureApiError',
      'TextureConnect',
      'TextureError',
      'TextureNetworkError',
      'TextureTimeoutError',
      'createConnectSession',
      'createTextureClient',
      'handleRedirect',
      'isConnectError',
      'isTextureApiError',
      'isTextureError',
      'isTextureNetworkError',
      'isTextureTimeoutError',
    ])
  })

  it('TextureConnect itself', async () => {
    const { TextureConnect } = await import('../../dist/index.js')
    expect(Object.keys(TextureConnect).sort()).toEqual(['handleRedirect', 'open'])
  })

  it('texture-connect/react', async () => {
    expect(await exportNames('../../dist/react.js')).toEqual(['useCreateConnectSession', 'useTextureConnect'])
  })

  it('texture-connect/testing', async () => {
    expect(await exportNames('../../dist/testing.js')).toEqual([
      'ConnectFlowError',
      'commandCatalog',
      'createFakeTexture',
      'createFakeTextureApi',
      'fakeTexture',
      'fakeTextureHandlers',
      'historyIntervalMs',
      'sandboxAlerts',
      'sandboxConnectKey',
      'sandboxDeviceSeeds',
      'sandboxManufacturers',
      'sandboxUsers',
      'sandboxWorkspaceKey',
    ])
  })
})
