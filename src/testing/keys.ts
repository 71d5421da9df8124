import { errorResponse } from './responses'

/** An end user of the fake: their devices carry their `referenceId`; their scoped key sees only those. */
export interface FakeUser {
  /** Shown in the sandbox's hosted page. */
  name: string
  referenceId: string
  customerId: string
  /** Starts with `scoped_`. */
  scopedKey: string
}

/** Who is calling, decided from the `Texture-Api-Key` header. */
export type FakeCaller =
  | { kind: 'scoped'; user: FakeUser }
  /** An `api_` workspace (server) key: reads every device and sends any command. */
  | { kind: 'workspace' }
  /** A public Connect key: may only create Connect links. */
  | { kind: 'connect' }

export interface KnownKeys {
  connectKey: string
  workspaceKey: string
  findUserByKey(scopedKey: string): FakeUser | undefined
}

/**
 * Reads and checks the `Texture-Api-Key` header. A missing, malformed or unknown key is a 401;
 * the prefix alone never grants anything — the whole key must be one the fake issued.
 */
export function authenticate(request: Request, keys: KnownKeys): FakeCaller | Response {
  const key = request.headers.get('Texture-Api-Key')?.trim() ?? ''
  if (key === '') {
    return errorResponse(401, { code: 'missing-api-key', message: 'Send your API key in the `Texture-Api-Key` header.' })
  }
  if (key.startsWith('scoped_')) {
    const user = keys.findUserByKey(key)
    if (user !== undefined) return { kind: 'scoped', user }
  } else if (key.startsWith('api_')) {
    if (key === keys.workspaceKey) return { kind: 'workspace' }
  } else if (key.startsWith('connect_')) {
    if (key === keys.connectKey) return { kind: 'connect' }
  } else {
    return errorResponse(401, { code: 'invalid-api-key', message: 'The API key is malformed: it must start with `scoped_`, `api_` or `connect_`.' })
  }
  // Never echo the key back: error bodies end up in logs.
  return errorResponse(401, { code: 'invalid-api-key', message: 'The API key is not valid (unknown or revoked).' })
}
