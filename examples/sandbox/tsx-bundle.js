import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * A request for `/<example>/<name>.js` whose folder holds `<name>.tsx` or `<name>.jsx` instead
 * (examples/react/app.tsx): that file bundled for the browser with esbuild, React included, or
 * `null`. As Vite does, `import.meta.env.<NAME>` is replaced by the value `env` gives it.
 *
 * `texture-connect` and `texture-connect/react` resolve through the package's own `exports`, to the
 * built dist/ — the code users install. React is its development build, so `<StrictMode>` really
 * mounts, unmounts and remounts effects, as it does in a user's dev server. Built on each request:
 * a reload picks up an edit or a new `npm run build`.
 *
 * @param {string} examplesRoot  the absolute examples/ folder
 * @param {string} path  the URL path, e.g. `/react/app.js`
 * @param {Record<string, string>} [env]  what `import.meta.env` holds, e.g. `{ VITE_CONNECT_API_KEY: '…' }`
 * @returns {Promise<string | null>}
 */
export async function bundleTsxExample(examplesRoot, path, env = {}) {
  const match = /^\/([\w-]+)\/([\w-]+)\.js$/.exec(path)
  if (match === null || match[1] === 'sandbox') return null
  const entry = ['tsx', 'jsx'].map((extension) => join(examplesRoot, match[1], `${match[2]}.${extension}`)).find((file) => existsSync(file))
  if (entry === undefined) return null
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"', ...Object.fromEntries(Object.entries(env).map(([name, value]) => [`import.meta.env.${name}`, JSON.stringify(value)])) },
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0].text
}
