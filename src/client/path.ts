import { optionError } from './option-error'

/**
 * Builds a request path, encoding every interpolated value as one path segment:
 * `path\`/devices/${id}/history\``. An id holding `/`, `?`, `#` or `%` cannot change the path;
 * `.` and `..` are refused because URL parsing would resolve them (even percent-encoded).
 */
export function path(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((built, text, index) => {
    if (index === 0) return text
    return built + encodeSegment(values[index - 1]) + text
  }, '')
}

function encodeSegment(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw optionError(`An id must be a non-empty string; got ${describe(value)}.`)
  }
  if (value === '.' || value === '..') {
    throw optionError(`An id cannot be \`${value}\`: it would change the request path.`)
  }
  return encodeURIComponent(value)
}

function describe(value: unknown): string {
  if (typeof value === 'string') return 'an empty string'
  if (value === null) return 'null'
  return typeof value
}
