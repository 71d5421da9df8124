import { ConnectError } from '../../errors/connect-error'
import { redact } from '../../internal/redact'
import { isRecord } from '../../internal/is-record'

/** The body of `POST /v1/connections`: how Texture should set up the hosted Connect link. */
export interface ConnectLinkOptions {
  /** Where the hosted flow returns to, with `texture_scoped_key` added. */
  redirectUrl?: string
  /** Your id for the end user; the scoped key sees only devices with this `referenceId`. */
  referenceId?: string
  tags?: string[]
  /** Your app's name, shown in the hosted flow. */
  clientName?: string
  customerId?: string
  manufacturerFilters?: { manufacturers?: string[]; deviceTypes?: string[] }
  customerInfo?: {
    firstName?: string
    lastName?: string
    email?: string
    phone?: string
    location?: unknown
  }
}

/** What `POST /v1/connections` answers. */
export interface CreatedLink {
  linkToken: string
  linkUrl: string
}

export interface CreateLinkRequest {
  /** The API origin (and optional `/v1`), already checked to be `https:` or local. */
  apiBaseUrl: string
  connectKey: string
  body: ConnectLinkOptions
  signal: AbortSignal
}

/**
 * Creates a hosted Connect link with a public Connect key. Uses the `fetch` found on `globalThis`
 * when called (so msw and polyfills work) and no HTTP library: the Connect half stays small.
 * Every failure is a `link-failed` ConnectError whose message never contains the key.
 */
export async function createLink(request: CreateLinkRequest): Promise<CreatedLink> {
  const url = `${request.apiBaseUrl.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/connections`
  // The key travels only in the header: a URL ends up in logs and referrers.
  const init: RequestInit = {
    method: 'POST',
    headers: { 'Texture-Api-Key': request.connectKey, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(request.body),
    signal: request.signal,
  }
  let response: Response
  try {
    response = await globalThis.fetch(url, init)
  } catch (error) {
    throw new ConnectError('link-failed', `Could not reach Texture (POST ${url}).`, { cause: error })
  }
  const data = await readJson(response)
  if (!response.ok) {
    // An API that echoes the request would otherwise put the key into an error message users log.
    const apiMessage = redact(describeApiError(data) ?? response.statusText, request.connectKey, '[connect key]')
    throw new ConnectError('link-failed', `Connect link failed (HTTP ${response.status}): ${apiMessage}`, {
      metadata: { status: response.status, ...(isRecord(data) && typeof data.code === 'string' ? { code: data.code } : {}) },
    })
  }
  if (!isRecord(data) || typeof data.linkUrl !== 'string' || typeof data.linkToken !== 'string') {
    throw new ConnectError('link-failed', 'POST /v1/connections answered without `linkUrl` and `linkToken`.')
  }
  return { linkToken: data.linkToken, linkUrl: data.linkUrl }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

/** Reads `{ code, message }` and the older `{ message, error }` error bodies. */
function describeApiError(data: unknown): string | undefined {
  if (!isRecord(data)) return undefined
  if (typeof data.message === 'string' && data.message !== '') return data.message
  if (typeof data.error === 'string' && data.error !== '') return data.error
  return undefined
}
