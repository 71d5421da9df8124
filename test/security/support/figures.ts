/** Prints a small table of measured figures, so the run shows what was tried and what got through. */
export function printFigures(title: string, rows: Array<Record<string, string | number>>): void {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column] ?? '').length)))
  const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')} |`
  const text = [`[figures] ${title}`, line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map((row) => line(columns.map((column) => String(row[column] ?? ''))))].join('\n')
  console.log(text)
}

/** Tallies per row label. */
export function createTally<Fields extends string>(fields: readonly Fields[]) {
  const rows = new Map<string, Record<Fields, number>>()
  return {
    add(label: string, field: Fields, amount = 1) {
      if (!rows.has(label)) rows.set(label, Object.fromEntries(fields.map((name) => [name, 0])) as Record<Fields, number>)
      rows.get(label)![field] += amount
    },
    rows: (labelColumn = 'case') => [...rows].map(([label, counts]) => ({ [labelColumn]: label, ...counts })),
    total: (field: Fields) => [...rows.values()].reduce((sum, counts) => sum + counts[field], 0),
  }
}
