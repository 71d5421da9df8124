import { stat } from 'node:fs/promises'
import { join } from 'node:path'

let cached

/**
 * dist/index.js imports `ky` by bare name, which a browser cannot resolve without an
 * import map; this bundles them in (esbuild, once per build of dist/index.js) for module pages.
 *
 * @param {string} distRoot
 * @returns {Promise<string>}
 */
export async function bundleForBrowsers(distRoot) {
  const entry = join(distRoot, 'index.js')
  const builtAt = (await stat(entry)).mtimeMs
  if (cached?.builtAt === builtAt) return cached.code
  const { build } = await import('esbuild')
  const result = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2020', write: false, logLevel: 'silent' })
  cached = { builtAt, code: result.outputFiles[0].text }
  return cached.code
}
