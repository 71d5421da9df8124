// Figures and tables for the benchmarks' output.

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = Array.from(values).sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** The value below which `p` percent of `values` fall (nearest rank). */
export function percentile(values, p) {
  const sorted = Array.from(values).sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]
}

export const microseconds = (milliseconds) => `${(milliseconds * 1000).toFixed(1)} µs`
export const mebibytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`

/** The `--expose-gc` collector, or undefined when Node was started without it. */
export const collectGarbage = typeof globalThis.gc === 'function' ? globalThis.gc : undefined

/** Prints `rows` (the first is the header) under `title`: first column left-aligned, others right. */
export function printTable(title, rows) {
  console.log(`\n${title}`)
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => String(cells[column]).length)))
  for (const [index, cells] of rows.entries()) {
    console.log(cells.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  '))
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  }
}
