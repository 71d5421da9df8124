import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Two files at a time even on a 2-core machine (Vitest's default there is one): the browser
    // tests mostly wait on Chromium, so a second file runs in that time. docs/performance.md#the-test-suite
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'happy-dom',
          // No network here: an iframe the SDK shows must not try to load its hosted page.
          environmentOptions: { happyDOM: { settings: { disableIframePageLoading: true } } },
          include: ['test/**/*.test.{ts,tsx}'],
          // test/consumers/ runs on its own: `npm run test:consumers`.
          exclude: ['test/e2e/**', 'test/node/**', 'test/package/**', 'test/consumers/**'],
          setupFiles: ['test/setup/unit.ts'],
          restoreMocks: true,
          unstubGlobals: true,
          // The one type check of `npm test`: tsc over the whole tsconfig (src, test, examples), so a
          // type error anywhere fails the run, and the *.test-d.ts assertions report as tests.
          typecheck: {
            enabled: true,
            include: ['test/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/node/**/*.test.ts', 'test/package/**/*.test.ts'],
          // The same key-hygiene spy as the unit tests: the SDK on a server logs no key either.
          setupFiles: ['test/setup/unit.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
