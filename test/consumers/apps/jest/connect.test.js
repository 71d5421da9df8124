// A Jest 30 + jsdom project as `npx jest --init` leaves it: CommonJS, no transform of node_modules,
// no polyfills. Everything here must work with no configuration beyond `testEnvironment: 'jsdom'`.
const { TextureConnect, ConnectError, createTextureClient } = require('texture-connect')

const linkUrl = 'https://connect.example.com/link?token=jest'

function fakePopup() {
  const popup = {
    closed: false,
    close: jest.fn(() => {
      popup.closed = true
    }),
    focus: jest.fn(),
    location: { replace: jest.fn() },
  }
  return popup
}

afterEach(() => {
  jest.restoreAllMocks()
})

test('opens a popup session and ends it with close()', async () => {
  const popup = fakePopup()
  const open = jest.spyOn(window, 'open').mockImplementation(() => popup)
  const onExit = jest.fn()
  const session = TextureConnect.open({ linkUrl, onExit })
  expect(open).toHaveBeenCalledTimes(1)
  expect(String(open.mock.calls[0][0])).toContain('texture_mode=popup')
  session.close()
  await expect(session.result).rejects.toBeInstanceOf(ConnectError)
  expect(popup.close).toHaveBeenCalled()
})

test('opens an iframe session and removes the iframe on close()', async () => {
  const errors = jest.spyOn(console, 'error')
  const session = TextureConnect.open({ linkUrl, mode: 'iframe' })
  await new Promise((resolve) => session.on('open', resolve))
  const iframe = document.querySelector('[role="dialog"] iframe')
  expect(iframe).not.toBeNull()
  expect(iframe.getAttribute('src')).toContain('texture_mode=iframe')
  session.close()
  await session.result.catch(() => {})
  expect(document.querySelector('iframe')).toBeNull()
  // jsdom reports what it does not implement (window.scrollTo, for one) through console.error.
  expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([])
})

test('lists devices through createTextureClient with an injected fetch', async () => {
  const page = { data: [{ id: 'dev_1', name: 'Home battery' }], page: 1, perPage: 50, totalItems: 1, totalPages: 1 }
  const requests = []
  const fetch = jest.fn(async (input, init) => {
    requests.push({ input, init })
    return { ok: true, status: 200, statusText: 'OK', headers: new Headers({ 'content-type': 'application/json' }), text: async () => JSON.stringify(page) }
  })
  const client = createTextureClient({ scopedKey: 'scoped_jest_key', fetch })
  const result = await client.devices.list({ perPage: 50 })
  expect(result.data[0].id).toBe('dev_1')
  expect(fetch).toHaveBeenCalledTimes(1)
})
