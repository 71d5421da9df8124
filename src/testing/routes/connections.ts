import { errorResponse, isResponse, jsonResponse } from '../responses'
import type { Route } from '../router'
import type { RouteContext } from '../route-context'
import { readJsonBody } from './read-json-body'

/** `POST /connections`: a Connect key (or a server key) makes a hosted Connect link. */
export const connectionRoutes: Array<Route<RouteContext>> = [
  {
    method: 'POST',
    pattern: '/connections',
    async handle(context) {
      const body = await readJsonBody(context.request)
      if (isResponse(body)) return body
      if (body.redirectUrl !== undefined && !isWebUrl(body.redirectUrl)) {
        return errorResponse(400, { code: 'invalid-body', message: '`redirectUrl` must be an absolute http(s) URL.', details: { field: 'redirectUrl' } })
      }
      if (body.referenceId !== undefined && (typeof body.referenceId !== 'string' || body.referenceId === '')) {
        return errorResponse(400, { code: 'invalid-body', message: '`referenceId` must be a non-empty string.', details: { field: 'referenceId' } })
      }
      const { linkToken, linkUrl } = context.links.create(body, context.now)
      return jsonResponse({ linkToken, linkUrl }, 201)
    },
  },
]

function isWebUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
