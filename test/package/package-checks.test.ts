import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { publint } from 'publint'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = resolve('.')
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>
}
const entries = Object.keys(manifest.exports)
  .filter((entry) => entry !== './package.json')
  .map((entry) => (entry === '.' ? 'texture-connect' : `texture-connect/${entry.slice(2)}`))

// Each entry is loaded by plain Node through the package's own name (self-reference through
// `exports`), exactly as a user's server would: no DOM globals exist there.
async function loadInNode(kind: 'import' | 'require', specifier: string): Promise<string[]> {
  const script =
    kind === 'import'
      ? `import(${JSON.stringify(specifier)}).then((m) => console.log(JSON.stringify(Object.keys(m))))`
      : `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: root })
  return JSON.parse(stdout) as string[]
}

describe('the published package', () => {
  it('passes publint with no errors or warnings', async () => {
    const { messages } = await publint({ pkgDir: root, strict: true, level: 'warning' })
    expect(messages.map((message) => `${message.type}: ${message.code} ${JSON.stringify(message.args)}`)).toEqual([])
  }, 60_000)

  it('passes "are the types wrong" for every entry and resolution mode', async () => {
    const attw = resolve(root, 'node_modules/.bin/attw')
    const result = await run(attw, ['--pack', '.', '--format', 'json', '--no-color'], { cwd: root }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }))
    const report = JSON.parse(result.stdout) as { analysis: { problems: unknown[] } }
    expect(report.analysis.problems).toEqual([])
  }, 60_000)

  it('keeps import() out of the CommonJS build: Jest loads CommonJS in a vm that cannot run it', () => {
    const cjsFiles = readdirSync(resolve(root, 'dist')).filter((name) => name.endsWith('.cjs'))
    expect(cjsFiles.length).toBeGreaterThan(0)
    const withImport = cjsFiles.filter((name) => /\bimport\s*\(/.test(readFileSync(resolve(root, 'dist', name), 'utf8')))
    expect(withImport).toEqual([])
  })

  it.each(entries)('%s imports under Node ESM and requires under CJS without a DOM', async (specifier) => {
    const esm = await loadInNode('import', specifier)
    const cjs = await loadInNode('require', specifier)
    expect(esm.length).toBeGreaterThan(0)
    expect(cjs.sort()).toEqual(esm.filter((name) => name !== 'default').sort())
  })
})
