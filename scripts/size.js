// `npm run size`: prints the size budgets as a table (after `npm run build`). Exits 1 when a
// budget is exceeded, like the budget test; a pending budget (hook not built yet) does not fail.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { measureSizes, packageRoot } from './measure-size.js'

if (!existsSync(join(packageRoot, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.')
  process.exit(1)
}

const rows = await measureSizes()
const table = [
  ['what the app imports', 'minified', 'gzipped', 'budget', 'headroom', 'lazy (gzipped)', 'first target', 'status', 'packages bundled'],
  ...rows.map((row) => [
    row.label,
    bytes(row.minified),
    bytes(row.gzipped),
    bytes(row.budget),
    row.gzipped === undefined ? '—' : bytes(row.budget - row.gzipped),
    row.lazyGzipped ? bytes(row.lazyGzipped) : '—',
    bytes(row.target),
    row.note ? `${row.status} (${row.note})` : row.status,
    row.packages.join(', ') || '—',
  ]),
]
const widths = table[0].map((_, column) => Math.max(...table.map((cells) => cells[column].length)))
for (const [index, cells] of table.entries()) {
  console.log(
    cells
      .map((cell, column) => (column >= 1 && column <= 6 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd(),
  )
  if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '))
}
console.log('\nesbuild --bundle --minify --splitting --format=esm --platform=browser, then gzip -9 of what loads up front;')
console.log('lazy: chunks fetched later through import(). The hook is measured with react external.')
if (rows.some((row) => row.status === 'over')) process.exitCode = 1

function bytes(value) {
  return value === undefined ? '—' : `${value.toLocaleString('en-US')} B`
}
