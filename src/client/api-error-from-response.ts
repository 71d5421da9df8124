import { apiErrorClassFor, type TextureApiError } from '../errors/api-error'
import { parseRetryAfter } from './retry-after'
import { redact } from '../internal/redact'

interface FailedRequest {
  method: string
  path: string
  /** Removed from anything the server said, in case it echoes the key back. */
  key: string
}

interface ErrorBody {
  code?: string
  message?: string
  details?: unknown
  retryAfter?: unknown
}

/**
 * The {@link TextureApiError} subclass for an error response. Reads both body shapes Texture
 * uses — `{ code, message, details?, retryAfter? }` and the older `{ message, error? }` — and
 * falls back to the status text (plus a snippet of the body) when it is not JSON.
 */
export async function apiErrorFromResponse(response: Response, request: FailedRequest): Promise<TextureApiError> {
  const text = redact(await readText(response), request.key)
  const body = parseErrorBody(text)
  const status = response.status
  const said = body.message ?? (snippet(text) || response.statusText || 'no explanation')
  const code = body.code === undefined ? '' : ` (${body.code})`
  const ErrorClass = apiErrorClassFor(status)
  return new ErrorClass(`${request.method} ${request.path} failed with HTTP ${status}: ${said}${code}`, {
    method: request.method,
    path: request.path,
    status,
    code: body.code,
    details: body.details,
    requestId: response.headers.get('x-request-id') ?? response.headers.get('request-id') ?? undefined,
    retryAfter: parseRetryAfter(body.retryAfter) ?? parseRetryAfter(response.headers.get('retry-after')),
  })
}

async function readText(response: Response): Promise<string> {
  try {
    return await response.text()
  } catch {
    return ''
  }
}

function parseErrorBody(text: string): ErrorBody {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return {}
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
  const body = parsed as Record<string, unknown>
  const legacyError = typeof body.error === 'string' ? body.error : undefined
  return {
    code: typeof body.code === 'string' ? body.code : legacyError,
    message: typeof body.message === 'string' && body.message !== '' ? body.message : legacyError,
    details: body.details,
    retryAfter: body.retryAfter,
  }
}

/** The start of a non-JSON body (an HTML error page, a proxy's text), on one line. */
function snippet(text: string): string {
  const oneLine = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine
}
