// The size budgets, measured the way a user's bundler sees the published package: esbuild bundles a
// one-line app against dist/ (minify, ESM, browser), then gzip -9 counts the bytes. The budget test
// (test/package/size-budget.test.ts) and `npm run size` (scripts/size.js) both read these figures.
import { existsSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

/** The package root (this file lives in scripts/). */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/**
 * Gzipped byte budgets, enforced by `npm test`. The hook's budget is relative: connect-only plus
 * this much. They sit just above the measured figures, so any growth fails and is a decision;
 * docs/performance.md has the figures, the method and why the first targets (`targets`) cannot
 * hold: ky alone is about 5 KB gzipped, and the Connect core has three presentations and three
 * completion channels.
 */
export const budgets = {
  connectOnly: 5300,
  reactHookOverConnect: 1024,
  returnPage: 1360,
  rootEntry: 15360,
  // +512 B for window.Texture (createConnectSession, Texture's former CDN global): docs/migrating-from-texture-sdk.md.
  globalScript: 17536,
}

/** The project's first targets (gzipped bytes), printed beside the budgets, not enforced. */
export const targets = {
  connectOnly: 3072,
  reactHookOverConnect: 1024,
  returnPage: 1024,
  rootEntry: 7168,
  globalScript: 8192,
}

/** Bytes after gzip at level 9, as a CDN would serve them. */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: 9 }).length
}

/**
 * Bundles `code` (an app's entry module) from `root` as a user's bundler would and measures it.
 * Code splitting is on, as in Vite, Rollup or webpack: `minified`/`gzipped` count what the page
 * loads up front (the entry and the chunks it imports statically, each gzipped on its own), and
 * `lazyGzipped` what `import()` would fetch later. `packages` lists the npm packages whose code
 * ended up in any output. It is read from `metafile.outputs[*].inputs`, the modules that
 * contributed bytes, not `metafile.inputs`, which lists every module esbuild scanned.
 */
export async function measureBundle(code, { root = packageRoot, external = [] } = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, sourcefile: 'app.js', loader: 'js' },
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    outdir: 'size-out',
    external,
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const outputs = result.metafile.outputs
  const contents = new Map(result.outputFiles.map((file) => [relativeOutput(root, file.path), file.contents]))
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint !== undefined)
  // Up front: the entry and what it imports statically. Lazy: what those can reach by `import()`
  // (a chunk of a module the app never uses is emitted too, but never fetched).
  const reach = (path, seen, kind) => {
    if (seen.has(path)) return
    seen.add(path)
    for (const imported of outputs[path].imports) if (!imported.external && (imported.kind === 'import-statement' || kind === 'any')) reach(imported.path, seen, kind)
  }
  const upFront = new Set()
  reach(entry, upFront, 'static')
  const reachable = new Set()
  reach(entry, reachable, 'any')
  const inputs = {}
  let minified = 0
  let gzipped = 0
  let lazyGzipped = 0
  for (const [path, output] of Object.entries(outputs)) {
    if (path.endsWith('.map')) continue
    const bytes = contents.get(path)
    if (upFront.has(path)) {
      minified += bytes.length
      gzipped += gzipSize(bytes)
    } else if (reachable.has(path)) {
      lazyGzipped += gzipSize(bytes)
    }
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) inputs[input] = (inputs[input] ?? 0) + bytesInOutput
  }
  return { minified, gzipped, lazyGzipped, inputs, packages: packagesIn(Object.keys(inputs)) }
}

function relativeOutput(root, path) {
  return relative(root, path).split(sep).join('/')
}

/** The npm package names in a list of module paths (`node_modules/ky/…` → `ky`). */
export function packagesIn(paths) {
  const names = new Set()
  for (const path of paths) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)
    if (match) names.add(match[1])
  }
  return [...names].sort()
}

/** An app that imports only the Connect half: `import { TextureConnect } from 'texture-connect'`. */
export function measureConnectOnly(root = packageRoot) {
  return measureBundle(`import { TextureConnect } from 'texture-connect'\nconsole.log(TextureConnect)`, { root })
}

/** A `redirectUrl` page that imports only `handleRedirect`. */
export function measureReturnPage(root = packageRoot) {
  return measureBundle(`import { handleRedirect } from 'texture-connect'\nconsole.log(handleRedirect())`, { root })
}

/** An app that imports everything from the root entry, ky bundled in. */
export function measureRootEntry(root = packageRoot) {
  return measureBundle(`import * as all from 'texture-connect'\nconsole.log(all)`, { root })
}

/**
 * The React hook with react external, or `null` while dist/react.js is not built. Resolved through
 * `texture-connect/react` once package.json exports it, otherwise straight from dist/react.js.
 */
export async function measureReactHook(root = packageRoot) {
  if (!existsSync(join(root, 'dist/react.js'))) return null
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const exported = manifest.exports !== undefined && './react' in manifest.exports
  const specifier = exported ? 'texture-connect/react' : './dist/react.js'
  const measured = await measureBundle(`import { useTextureConnect } from '${specifier}'\nconsole.log(useTextureConnect)`, {
    root,
    external: ['react', 'react/*', 'react-dom', 'react-dom/*'],
  })
  return { ...measured, note: exported ? '' : 'from dist/react.js: package.json has no ./react export yet' }
}

/** The script-tag build as served, no bundler involved. */
export function measureGlobalScript(root = packageRoot) {
  const output = readFileSync(join(root, 'dist/texture-connect.global.js'))
  return { minified: output.length, gzipped: gzipSize(output), lazyGzipped: 0, inputs: {}, packages: [] }
}

/**
 * Every budgeted figure, one row each: `status` is `ok`, `over`, or `pending` (the React hook
 * before dist/react.js exists). Requires a built dist/ (`npm run build`).
 */
export async function measureSizes(root = packageRoot) {
  const [connectOnly, returnPage, rootEntry, reactHook] = await Promise.all([measureConnectOnly(root), measureReturnPage(root), measureRootEntry(root), measureReactHook(root)])
  const globalScript = measureGlobalScript(root)
  const row = (id, label, measured, budget, target, pendingNote = '') => ({
    id,
    label,
    target,
    minified: measured?.minified,
    gzipped: measured?.gzipped,
    lazyGzipped: measured?.lazyGzipped,
    budget,
    packages: measured?.packages ?? [],
    status: measured === null ? 'pending' : measured.gzipped <= budget ? 'ok' : 'over',
    note: measured === null ? pendingNote : (measured.note ?? ''),
  })
  return [
    row('connectOnly', "import { TextureConnect } from 'texture-connect'", connectOnly, budgets.connectOnly, targets.connectOnly),
    row(
      'reactHook',
      "import { useTextureConnect } from 'texture-connect/react'",
      reactHook,
      connectOnly.gzipped + budgets.reactHookOverConnect,
      connectOnly.gzipped + targets.reactHookOverConnect,
      'dist/react.js is not built yet',
    ),
    row('returnPage', "import { handleRedirect } from 'texture-connect'", returnPage, budgets.returnPage, targets.returnPage),
    row('rootEntry', "import * as all from 'texture-connect'", rootEntry, budgets.rootEntry, targets.rootEntry),
    row('globalScript', 'dist/texture-connect.global.js', globalScript, budgets.globalScript, targets.globalScript),
  ]
}
