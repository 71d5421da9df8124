/**
 * One page of a list, exactly as every Texture list endpoint answers.
 *
 * `page` is 1-based; a page past the end has empty `data`.
 */
export interface Page<T> {
  data: T[]
  page: number
  perPage: number
  totalItems: number
  totalPages: number
}

/** Which page of a list to fetch. Both must be whole numbers of 1 or more. */
export interface PageParams {
  /** 1-based page number. @default 1 (the API's default) */
  page?: number
  /** Items per page. @default the API's default (20 at the time of writing) */
  perPage?: number
}
