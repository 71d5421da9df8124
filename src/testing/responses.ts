/** An error body as Texture sends it: `{ code, message, details?, retryAfter? }`. */
export interface FakeErrorBody {
  code: string
  message: string
  details?: unknown
  retryAfter?: number
}

/** A JSON response with the given status (200 unless told). */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

/** A Texture-shaped error response; a `retryAfter` (seconds) also sets the `Retry-After` header. */
export function errorResponse(status: number, body: FakeErrorBody): Response {
  const headers: Record<string, string> = body.retryAfter === undefined ? {} : { 'Retry-After': String(body.retryAfter) }
  return jsonResponse(body, status, headers)
}

/** True for a value this module built as an early answer (auth failure, 403, 404…). */
export function isResponse(value: unknown): value is Response {
  return value instanceof Response
}
