/** True for a plain data object (not null, not an array): what JSON and postMessage carry. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
