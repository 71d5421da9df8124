import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { TestProject } from 'vitest/node'

const run = promisify(execFile)
const consumers = fileURLToPath(new URL('..', import.meta.url))
const packageRoot = resolve(consumers, '../..')

declare module 'vitest' {
  export interface ProvidedContext {
    workspace: string
  }
}

/**
 * Packs the package as npm would publish it (dist/ must be built), then makes a throwaway
 * workspace: the pinned tools from this folder's lockfile (`npm ci`), the tarball installed beside
 * them (its own dependencies from the npm registry), and a copy of each app in apps/.
 * Install scripts stay off: nothing may download anything but npm packages.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const workspace = mkdtempSync(join(tmpdir(), 'texture-connect-consumers-'))
  const npm = (args: string[]) => run('npm', [...args, '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: workspace, maxBuffer: 1 << 26 })
  try {
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', workspace], { cwd: packageRoot, maxBuffer: 1 << 26 })
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }]
    cpSync(join(consumers, 'package.json'), join(workspace, 'package.json'))
    cpSync(join(consumers, 'package-lock.json'), join(workspace, 'package-lock.json'))
    await npm(['ci'])
    await npm(['install', '--no-save', `./${filename}`])
    for (const app of readdirSync(join(consumers, 'apps'))) cpSync(join(consumers, 'apps', app), join(workspace, app), { recursive: true })
  } catch (error) {
    rmSync(workspace, { recursive: true, force: true })
    throw error
  }
  project.provide('workspace', workspace)
  return () => {
    if (process.env.KEEP_CONSUMERS === undefined) rmSync(workspace, { recursive: true, force: true })
    else console.log(`consumer apps kept in ${workspace}`)
  }
}
