import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import vm from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import * as here from '../../src/index'

// The published CommonJS build, evaluated in a second realm (a `node:vm` context has its own
// `Error`, `Object` and `Array`, as an iframe has): errors made there fail `instanceof` here.

type Realm = typeof here
const entry = resolve('dist/index.cjs')
let there: Realm

/** Loads `file` and the package files it requires inside `context`; npm packages come from here. */
function loadIn(context: vm.Context, file: string, cache = new Map<string, { exports: unknown }>()): unknown {
  const cached = cache.get(file)
  if (cached !== undefined) return cached.exports
  const module = { exports: {} }
  cache.set(file, module)
  const source = `(function (exports, require, module) {${readFileSync(file, 'utf8')}\n})`
  const evaluate = vm.runInContext(source, context, { filename: file }) as (exports: unknown, require: (specifier: string) => unknown, module: unknown) => void
  const hostRequire = createRequire(file)
  evaluate(module.exports, (specifier) => (specifier.startsWith('.') ? loadIn(context, resolve(dirname(file), specifier), cache) : hostRequire(specifier)), module)
  return module.exports
}

beforeAll(() => {
  if (!existsSync(entry)) throw new Error('dist/index.cjs is missing: run `npm run build` first.')
  there = loadIn(vm.createContext({}), entry) as Realm
})

const request = { method: 'GET', path: '/devices/dev_1' }
const command = { id: 'cmd_1', status: 'pending', deviceId: 'dev_1', command: 'battery:set-reserve', createdAt: '' } as const

function thrownBy(call: () => unknown): unknown {
  try {
    call()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('errors from another realm', () => {
  it('are really foreign: instanceof fails across the realms', () => {
    const error = new there.ConnectError('timeout', 'took too long')
    expect(there.ConnectError).not.toBe(here.ConnectError)
    expect(error).not.toBeInstanceOf(here.TextureError)
    expect(error).not.toBeInstanceOf(Error)
  })

  it('are recognised by every guard of this realm', () => {
    const connect = new there.ConnectError('cancelled', 'the user left')
    expect(here.isConnectError(connect)).toBe(true)
    expect(here.isTextureError(connect)).toBe(true)
    const api = new there.TextureApiError('teapot', { ...request, status: 418 })
    expect(here.isTextureApiError(api)).toBe(true)
    expect(here.isTextureError(api)).toBe(true)
    expect(here.isTextureNetworkError(new there.TextureNetworkError('down'))).toBe(true)
    expect(here.isTextureTimeoutError(new there.TextureTimeoutError('slow'))).toBe(true)
    expect(here.isTextureError(new there.TextureError('x'))).toBe(true)
  })

  it('are recognised by their parents’ guards through the brand, though no guard knows their names', () => {
    const forbidden = new there.ForbiddenError('not yours', { ...request, status: 403 })
    expect(here.isTextureApiError(forbidden)).toBe(true)
    expect(here.isTextureError(forbidden)).toBe(true)
    const waited = new there.CommandTimeoutError('still pending', command)
    expect(here.isTextureTimeoutError(waited)).toBe(true)
    expect(here.isTextureError(waited)).toBe(true)
    // The brand, not the name, did it: the same names on unbranded errors are not matched.
    expect(here.isTextureTimeoutError(Object.assign(new Error('x'), { name: 'CommandTimeoutError' }))).toBe(false)
  })

  it('are kept to their own family', () => {
    const forbidden = new there.ForbiddenError('not yours', { ...request, status: 403 })
    const network = new there.TextureNetworkError('down')
    expect(here.isConnectError(forbidden)).toBe(false)
    expect(here.isTextureTimeoutError(forbidden)).toBe(false)
    expect(here.isTextureApiError(network)).toBe(false)
    expect(here.isConnectError(new there.TextureError('x'))).toBe(false)
  })

  it('keep their codes: an option error from the other realm’s client', () => {
    const error = thrownBy(() => there.createTextureClient({ scopedKey: 'scoped_abc', timeout: 0 }))
    expect(error).not.toBeInstanceOf(here.TextureError)
    expect(here.isTextureError(error)).toBe(true)
    expect(here.isConnectError(error)).toBe(false)
    expect((error as here.TextureError).code).toBe('invalid-options')
  })
})
