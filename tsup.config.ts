import { join } from 'node:path'
import { defineConfig } from 'tsup'
import type { Plugin } from 'esbuild'

/**
 * ESM keeps the code loaded on first use as chunks of their own: the iframe modal
 * (src/connect/presenters/load-iframe-modal.ts) and link creation with a Connect key
 * (src/connect/link/load-create-link.ts) are reached through `import()`. Every other format gets
 * the `-bundled` twin of each loader, a static import: Jest loads CommonJS in a vm where `import()`
 * throws, and a script tag has no chunks to fetch. tsup builds CJS through esbuild's ESM output,
 * so the format is read from the TSUP_FORMAT it defines.
 */
const bundleLazyChunks: Plugin = {
  name: 'bundle-lazy-chunks',
  setup(build) {
    if (build.initialOptions.define?.TSUP_FORMAT === '"esm"') return
    build.onResolve({ filter: /^\.\/load-(iframe-modal|create-link)$/ }, ({ path, resolveDir }) => ({ path: join(resolveDir, `${path}-bundled.ts`) }))
  },
}

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
    esbuildPlugins: [bundleLazyChunks],
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
    esbuildPlugins: [bundleLazyChunks],
  },
])
