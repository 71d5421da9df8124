import { defineConfig } from 'tsup'

export default defineConfig([
  {
    // The npm entries: ESM + CJS + .d.ts for each, unminified so users' bundlers tree-shake them.
    entry: {
      index: 'src/index.ts',
      react: 'src/react/index.ts',
      testing: 'src/testing/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // ky is ES2022 already; class fields left as they are cost no helpers in every chunk.
    target: 'es2022',
    platform: 'neutral',
    external: ['react', 'msw', 'ky'],
    // react and testing import the root entry's modules; splitting keeps one copy of shared code.
    splitting: true,
    treeshake: true,
  },
  {
    // The script-tag build: window.TextureConnect.
    entry: { 'texture-connect': 'src/global.ts' },
    format: ['iife'],
    minify: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'browser',
    noExternal: ['ky'],
  },
])
