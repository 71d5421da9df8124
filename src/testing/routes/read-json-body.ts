import { errorResponse } from '../responses'

/** The request's JSON object body, or a 400 when it is missing, unreadable or not an object. */
export async function readJsonBody(request: Request): Promise<Record<string, unknown> | Response> {
  let body: unknown
  try {
    body = await request.json()
  } catch {
    return errorResponse(400, { code: 'invalid-body', message: 'The body must be JSON.' })
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return errorResponse(400, { code: 'invalid-body', message: 'The body must be a JSON object.' })
  }
  return body as Record<string, unknown>
}
