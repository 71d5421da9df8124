import { errorResponse } from './responses'
import type { Page } from './shapes'

export interface PageRequest {
  page: number
  perPage: number
}

/** Largest `perPage` the fake accepts, like the real API's cap. */
export const maximumPerPage = 100
export const defaultPerPage = 20

/**
 * Reads `page` (1-based, default 1) and `perPage` (default 20, at most 100) from the query string;
 * a value that is not a positive whole number (or is above the cap) is a 400.
 */
export function readPageRequest(url: URL): PageRequest | Response {
  const page = readPositiveInteger(url, 'page', 1)
  const perPage = readPositiveInteger(url, 'perPage', defaultPerPage)
  if (page === undefined) return invalidParameter('page', 'a whole number of 1 or more')
  if (perPage === undefined || perPage > maximumPerPage) return invalidParameter('perPage', `a whole number from 1 to ${maximumPerPage}`)
  return { page, perPage }
}

/** The slice of `items` for `request`; a page past the end has empty `data`. */
export function paginate<T>(items: readonly T[], request: PageRequest): Page<T> {
  const start = (request.page - 1) * request.perPage
  return {
    data: items.slice(start, start + request.perPage),
    page: request.page,
    perPage: request.perPage,
    totalItems: items.length,
    totalPages: Math.ceil(items.length / request.perPage),
  }
}

function readPositiveInteger(url: URL, name: string, fallback: number): number | undefined {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  if (!/^\d+$/.test(raw)) return undefined
  const value = Number(raw)
  return value >= 1 ? value : undefined
}

function invalidParameter(name: string, expected: string): Response {
  return errorResponse(400, { code: 'invalid-parameter', message: `\`${name}\` must be ${expected}.`, details: { parameter: name } })
}
