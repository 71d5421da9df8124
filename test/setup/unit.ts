// Every unit test starts from a clean page: no leftover DOM between tests.
import { afterEach } from 'vitest'

afterEach(() => {
  // A test file may run in the node environment (SSR tests): no page to clean there.
  if (typeof document !== 'undefined') document.body.replaceChildren()
})
