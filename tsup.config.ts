import { fileURLToPath } from 'node:url'
import { defineConfig } from 'tsup'
import type { Plugin } from 'esbuild'

/**
 * ESM keeps the iframe modal a chunk of its own (`import()` in src/connect/presenters/load-iframe-modal.ts);
 * every other format gets load-iframe-modal-bundled.ts, with the modal inside. tsup builds CJS
 * through esbuild's ESM output, so the format is read from the TSUP_FORMAT it defines.
 */
const iframeModalLoader: Plugin = {
  name: 'iframe-modal-loader',
  setup(build) {
    if (build.initialOptions.define?.TSUP_FORMAT === '"esm"') return
    const bundled = fileURLToPath(new URL('./src/connect/presenters/load-iframe-modal-bundled.ts', import.meta.url))
    build.onResolve({ filter: /^\.\/load-iframe-modal$/ }, () => ({ path: bundled }))
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
    esbuildPlugins: [iframeModalLoader],
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
    esbuildPlugins: [iframeModalLoader],
  },
])
