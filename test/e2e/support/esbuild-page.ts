import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * Bundles `source` (TypeScript that imports from `src/…`, paths relative to the repository root)
 * into one classic script for a test page: the modules under test, before the session that will
 * ship them exists. Nothing is written to disk.
 */
export async function bundleForPage(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts', sourcefile: 'page-entry.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}
