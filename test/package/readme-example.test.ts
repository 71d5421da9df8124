import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The README's testing example runs, as written, as test/testing/readme-example.test.ts (with the
// package's import specifiers pointed at src/). This keeps the two the same, so the README never
// shows a test that does not pass.
describe("the README's testing example", () => {
  it('is test/testing/readme-example.test.ts, imports aside', () => {
    const readme = readFileSync('README.md', 'utf8')
    const section = readme.slice(readme.indexOf('## Testing your app'))
    const block = /```ts\n([\s\S]*?)```\n/.exec(section)?.[1]
    const test = readFileSync('test/testing/readme-example.test.ts', 'utf8')
      .replaceAll("from '../../src/testing/index'", "from 'texture-connect/testing'")
      .replaceAll("from '../../src/index'", "from 'texture-connect'")
    expect(block).toBe(test)
  })
})
