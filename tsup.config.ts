import { join } from 'node:path'
import { defineConfig, type Options } from 'tsup'
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
    build.onResolve({ filter: /^\.\.?\/(?:.*\/)?load-(iframe-modal|create-link|session-runtime)$/ }, ({ path, resolveDir }) => ({ path: join(resolveDir, `${path}-bundled.ts`) }))
  },
}

/**
 * ky sizes a form boundary with `new TextEncoder()` at module scope. Bundled into the CommonJS
 * build, that line would run at `require()` time, and Jest's jsdom environment has no
 * `TextEncoder`: the byte length of an ASCII literal is written in its place. The build fails if
 * a ky release moves it, rather than shipping a CommonJS build that Jest cannot load.
 */
const kyWithoutModuleScopeTextEncoder: Plugin = {
  name: 'ky-without-module-scope-text-encoder',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]ky[\\/].*[\\/]constants\.js$/ }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises')
      const source = await readFile(path, 'utf8')
      const pattern = /new TextEncoder\(\)\.encode\('([\x20-\x7e]*)'\)\.length/g
      const contents = source.replace(pattern, (_, ascii: string) => String(ascii.length))
      if (/\bTextEncoder\b/.test(contents)) throw new Error(`${path}: ky uses TextEncoder at module scope in a way this build does not rewrite`)
      return { contents, loader: 'js' }
    })
  },
}

// The npm entries: ESM + CJS + .d.ts for each, unminified so users' bundlers tree-shake them.
const npmEntries: Options = {
  entry: {
    index: 'src/index.ts',
    react: 'src/react/index.ts',
    testing: 'src/testing/index.ts',
  },
  dts: true,
  sourcemap: true,
  // ky is ES2022 already; class fields left as they are cost no helpers in every chunk.
  target: 'es2022',
  platform: 'neutral',
  // react and testing import the root entry's modules; splitting keeps one copy of shared code.
  splitting: true,
  treeshake: true,
  esbuildPlugins: [bundleLazyChunks],
}

export default defineConfig([
  {
    ...npmEntries,
    format: ['esm'],
    external: ['react', 'msw', 'ky'],
  },
  {
    ...npmEntries,
    // ky ships ESM only, which `require()` cannot load under Jest or Node 20 before 20.19: the
    // CommonJS build carries its own copy.
    format: ['cjs'],
    external: ['react', 'msw'],
    noExternal: ['ky'],
    esbuildPlugins: [bundleLazyChunks, kyWithoutModuleScopeTextEncoder],
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
