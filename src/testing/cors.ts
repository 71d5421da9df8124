// The API is authenticated by the `Texture-Api-Key` header, never by cookies, so any origin may
// call it: the key, not the origin, is what grants access. Credentials stay disallowed.
const allowedHeaders = 'Texture-Api-Key, Content-Type, Accept'
const exposedHeaders = 'Retry-After, X-Request-Id'
const allowedMethods = 'GET, POST, PUT, PATCH, DELETE, OPTIONS'

/** The CORS headers for a response to `request`: the caller's origin echoed, or `*` without one. */
export function corsHeaders(request: Request): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '*',
    'Access-Control-Expose-Headers': exposedHeaders,
    Vary: 'Origin',
  }
}

/** True for a CORS preflight: `OPTIONS` with `Access-Control-Request-Method`. */
export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('Access-Control-Request-Method')
}

/** The answer to a preflight: every method and the headers the SDK sends, cached for ten minutes. */
export function preflightResponse(request: Request): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(request),
      'Access-Control-Allow-Methods': allowedMethods,
      'Access-Control-Allow-Headers': allowedHeaders,
      'Access-Control-Max-Age': '600',
    },
  })
}

/** `response` with the CORS headers for `request` added. */
export function withCors(response: Response, request: Request): Response {
  for (const [name, value] of Object.entries(corsHeaders(request))) response.headers.set(name, value)
  return response
}
