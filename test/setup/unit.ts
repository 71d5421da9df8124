// Every unit test starts from a clean page: no leftover DOM between tests.
import { afterEach } from 'vitest'

afterEach(() => {
  document.body.replaceChildren()
})
