import { execFile } from 'node:child_process'
import { copyFileSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, inject, it } from 'vitest'

// Each app in apps/ is a copy in the throwaway workspace that support/install.ts made, next to the
// pinned tools and the packed tarball. Each test runs one tool as its user would.
const workspace = inject('workspace')
const execute = promisify(execFile)
const bin = (name: string) => join(workspace, 'node_modules', '.bin', name)
// A string from ky's own code (its TimeoutError message) that survives minifying.
const kyMarker = 'Request timed out'

/** Runs a tool in an app's folder; on failure, the error says which command and shows its output. */
async function run(app: string, command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  try {
    const { stdout, stderr } = await execute(command, args, {
      cwd: join(workspace, app),
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', CI: '1', ...env },
      maxBuffer: 1 << 26,
    })
    return stdout + stderr
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`\`${[command, ...args].join(' ')}\` failed in the ${app} app:\n${stdout}\n${stderr}`.slice(-8000))
  }
}

function builtJavaScript(folder: string): Map<string, string> {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'))
  return new Map(files.map((name) => [name, readFileSync(join(folder, name), 'utf8')]))
}

describe('the packed tarball in real consumer apps', () => {
  it('passes a default Jest 30 + jsdom project: require(), popup and iframe sessions, the client', async () => {
    // Jest sets NODE_ENV=test itself when it is unset, as in a user's shell.
    const output = await run('jest', process.execPath, [bin('jest'), '--ci', '--colors=false'], { NODE_ENV: '' })
    expect(output).toMatch(/Tests:\s+3 passed, 3 total/)
    expect(output, 'jsdom printed "Not implemented" during the Jest run').not.toMatch(/Not implemented/)
  })

  it('type-checks the public API with tsc --strict under moduleResolution node16 (.cts and .mts)', async () => {
    const folder = join(workspace, 'tsc')
    copyFileSync(join(folder, 'usage.ts'), join(folder, 'usage.cts'))
    copyFileSync(join(folder, 'usage.ts'), join(folder, 'usage.mts'))
    await run('tsc', bin('tsc'), ['--noEmit', '--strict', '-p', 'tsconfig.node16.json'])
  })

  it('type-checks the public API with tsc --strict under moduleResolution bundler', async () => {
    await run('tsc', bin('tsc'), ['--noEmit', '--strict', '-p', 'tsconfig.bundler.json'])
  })

  it('builds a webpack 5 production bundle; the TextureConnect-only entry carries no ky', async () => {
    await run('webpack', process.execPath, ['build.js'])
    const dist = join(workspace, 'webpack', 'dist')
    const connect = readFileSync(join(dist, 'connect.js'), 'utf8')
    expect(connect).toContain('texture_mode')
    expect(connect.includes(kyMarker), 'ky code in the bundle of an app that imports only TextureConnect').toBe(false)
    // The control: the marker does find ky where ky must be.
    expect(readFileSync(join(dist, 'client.js'), 'utf8')).toContain(kyMarker)
  })

  it('builds a Vite + React StrictMode app for production, with no ky in it', async () => {
    await run('vite', bin('vite'), ['build'])
    const files = builtJavaScript(join(workspace, 'vite', 'dist'))
    expect(
      [...files.values()].some((code) => code.includes('texture_mode')),
      'the SDK is in the Vite build',
    ).toBe(true)
    expect(
      [...files].filter(([, code]) => code.includes(kyMarker)).map(([name]) => name),
      'Vite output files with ky code',
    ).toEqual([])
  })

  it('builds a Next.js App Router app: server page, client components with the hook and TextureConnect', async () => {
    const output = await run('next', bin('next'), ['build'])
    // Prerendered, not skipped: a window touched during prerender would have failed the build.
    expect(output).toMatch(/○ \//)
    const html = readFileSync(join(workspace, 'next', '.next', 'server', 'app', 'index.html'), 'utf8')
    expect(html).toContain('Connect with the hook')
    expect(html).toContain('Connect with TextureConnect')
  })
})
