// @vitest-environment happy-dom
import { createRequire } from 'node:module'
import { expect, it, vi } from 'vitest'

// The CommonJS build, as Jest or an older bundler loads it: the iframe modal is inside it (no
// import()), so an iframe session shows the modal without fetching anything.
const require = createRequire(import.meta.url)

it('shows and removes the iframe modal from the CommonJS build', async () => {
  // No network here: the iframe must not try to load its hosted page.
  ;(window as unknown as { happyDOM: { settings: { disableIframePageLoading: boolean } } }).happyDOM.settings.disableIframePageLoading = true
  const { TextureConnect } = require('../../dist/index.cjs') as typeof import('../../src/index')
  const onError = vi.fn()
  const session = TextureConnect.open({ linkUrl: 'https://connect.example.com/link?token=cjs', mode: 'iframe', onError })
  await new Promise<void>((resolve) => session.on('open', () => resolve()))
  expect(document.querySelector('[role="dialog"] iframe')?.getAttribute('src')).toContain('texture_mode=iframe')
  session.close()
  expect(document.querySelector('iframe')).toBeNull()
  expect(onError).not.toHaveBeenCalled()
})
