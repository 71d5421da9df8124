import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : entry.name.endsWith('.ts') ? [join(directory, entry.name)] : [],
  )
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]!)
}

describe('the client half', () => {
  const files = sourceFiles('src/client')

  it('never imports the Connect half', () => {
    const offenders = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => /(^|\/)connect(\/|$)/.test(specifier))
        .map((specifier) => `${relative('.', file)} → ${specifier}`),
    )
    expect(offenders).toEqual([])
  })

  it('reaches ky from one module only, so there is one configured instance', () => {
    const kyImporters = files.filter((file) => importsOf(file).some((specifier) => specifier === 'ky' || specifier.startsWith('ky/')))
    const valueImporters = kyImporters.filter((file) => /^import ky\b/m.test(readFileSync(file, 'utf8')))
    expect(valueImporters.map((file) => relative('src/client', file))).toEqual(['http.ts'])
  })
})
