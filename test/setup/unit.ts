// Every unit and Node test starts from a clean page (no leftover DOM, where there is a page), and
// every one is watched for key leaks: the SDK must never log a scoped key, store it, put it in a
// cookie or in a URL it builds (SECURITY.md). See test/security/support/key-spy.ts.
import { afterEach, beforeEach } from 'vitest'
import { checkKeySpy, installKeySpy } from '../security/support/key-spy'

beforeEach(() => {
  installKeySpy()
})

afterEach(() => {
  try {
    checkKeySpy()
  } finally {
    // A test file may run in the node environment (SSR tests): no page to clean there.
    if (typeof document !== 'undefined') document.body.replaceChildren()
  }
})
