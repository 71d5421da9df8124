import { beforeAll, describe, expect, it } from 'vitest'
import { measureSizes, type SizeRow } from '../../scripts/measure-size.js'

// Runs after `npm run build`: each budget bundles a one-line app against dist/ with esbuild
// (minify, ESM, browser) and counts gzip -9 bytes. `npm run size` prints the same figures.
let rows: Record<SizeRow['id'], SizeRow>

beforeAll(async () => {
  rows = Object.fromEntries((await measureSizes()).map((row) => [row.id, row])) as typeof rows
}, 30_000)

function verdict(row: SizeRow): string {
  const gzipped = row.gzipped ?? 0
  return `${row.label}: ${gzipped} B gzipped, budget ${row.budget} B (${gzipped - row.budget} B over). Run \`npm run size\` for the table.`
}

describe('size budgets (gzip -9 after an esbuild minified browser bundle)', () => {
  it('keeps an app that imports only TextureConnect within its budget up front', () => {
    expect(rows.connectOnly.gzipped, verdict(rows.connectOnly)).toBeLessThanOrEqual(rows.connectOnly.budget)
  })

  it('bundles no ky into an app that imports only TextureConnect', () => {
    expect(rows.connectOnly.packages, 'npm packages with bytes in the connect-only bundle').not.toContain('ky')
  })

  it('keeps the React hook within 1 KB over the connect-only app (react external)', () => {
    expect(rows.reactHook.gzipped, verdict(rows.reactHook)).toBeLessThanOrEqual(rows.reactHook.budget)
  })

  it('keeps a return page that imports only handleRedirect within its budget', () => {
    expect(rows.returnPage.gzipped, verdict(rows.returnPage)).toBeLessThanOrEqual(rows.returnPage.budget)
  })

  it('keeps the whole root entry, ky included, within its budget', () => {
    expect(rows.rootEntry.gzipped, verdict(rows.rootEntry)).toBeLessThanOrEqual(rows.rootEntry.budget)
  })

  it('keeps the script-tag build within its budget', () => {
    expect(rows.globalScript.gzipped, verdict(rows.globalScript)).toBeLessThanOrEqual(rows.globalScript.budget)
  })
})
