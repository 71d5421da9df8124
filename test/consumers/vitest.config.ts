import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// `npm run test:consumers`: the packed tarball in throwaway apps (see consumers.test.ts).
export default defineConfig({
  test: {
    name: 'consumers',
    root: fileURLToPath(new URL('.', import.meta.url)),
    environment: 'node',
    include: ['consumers.test.ts'],
    globalSetup: ['support/install.ts'],
    testTimeout: 240_000,
    hookTimeout: 300_000,
  },
})
