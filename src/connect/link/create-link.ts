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
  /** The API root with its version (`https://api.texturehq.com/v1`; a bare origin gets `/v1`), already checked to be `https:` or local. */
  apiBaseUrl: string
  connectKey: string
  body: ConnectLinkOptions
  signal: AbortSignal
}

/**
 * Why link creation failed, in words that never contain the key, with what the API said
 * (`status`, `code`, `retryAfter` in seconds). `link-source.ts` turns it into ConnectError
 * `link-failed`.
 */
export class LinkFailure extends Error {
  constructor(
    message: string,
    readonly metadata: Record<string, unknown> = {},
    cause?: unknown,
  ) {
    super(message, { cause })
  }
}

/**
 * Creates a hosted Connect link with a public Connect key. Uses the `fetch` found on `globalThis`
 * when called (so msw and polyfills work) and no HTTP library: the Connect half stays small.
 *
 * Loaded on first use (`load-create-link.ts`), so it imports nothing from the rest of the package:
 * whatever it shared would be split into a chunk every Connect-only app loads up front.
 */
export async function createLink(request: CreateLinkRequest): Promise<CreatedLink> {
  // A bare `scheme://host` (the older spelling of `apiBaseUrl`) means its `/v1`.
  const url = `${request.apiBaseUrl.replace(/\/+$/, '').replace(/^[^/]*\/\/[^/]*$/, '$&/v1')}/connections`
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
    throw new LinkFailure(`Could not reach Texture (POST ${url}).`, {}, error)
  }
  const data: Record<string, unknown> = await response.json().then(
    (value: unknown) => (isRecord(value) ? value : {}),
    () => ({}),
  )
  if (!response.ok) {
    // An API that echoes the request would otherwise put the key into an error message users log.
    const apiMessage = (stringField(data, 'message') ?? stringField(data, 'error') ?? response.statusText).split(request.connectKey).join('[connect key]')
    const retryAfter = Number(response.headers.get('Retry-After') ?? data.retryAfter)
    throw new LinkFailure(`Connect link failed (HTTP ${response.status}): ${apiMessage}`, {
      status: response.status,
      ...(typeof data.code === 'string' ? { code: data.code } : {}),
      ...(retryAfter >= 0 ? { retryAfter } : {}),
    })
  }
  if (typeof data.linkUrl !== 'string' || typeof data.linkToken !== 'string') {
    throw new LinkFailure('POST /v1/connections answered without `linkUrl` and `linkToken`.')
  }
  return { linkToken: data.linkToken, linkUrl: data.linkUrl }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A non-empty string field of an error body: `{ code, message }`, or the older `{ message, error }`. */
function stringField(data: Record<string, unknown>, name: string): string | undefined {
  const value = data[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}
