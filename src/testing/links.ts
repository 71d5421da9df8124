import { randomToken } from './random-token'

/** How the sandbox's hosted page hands the key back: protocol v1 messages, or a redirect. */
export type FakeLinkCompletion = 'message' | 'redirect'

/** A Connect link made by `POST /connections`, as the fake keeps it. */
export interface FakeLink {
  linkToken: string
  linkUrl: string
  redirectUrl?: string
  referenceId?: string
  customerId?: string
  clientName?: string
  tags?: string[]
  manufacturerFilters?: { manufacturers?: string[]; deviceTypes?: string[] }
  /** A sandbox extension of the body; unset lets the hosted page decide (see its docs). */
  completion?: FakeLinkCompletion
  createdAt: string
  /** Set once a person approved it: a link gives out one key. */
  usedAt?: string
}

export interface LinkBook {
  create(body: Record<string, unknown>, now: number): FakeLink
  find(linkToken: string): FakeLink | undefined
  markUsed(linkToken: string, now: number): void
  clear(): void
}

/** The Connect links made so far, keyed by token. `hostedUrl` is the hosted page they point to. */
export function createLinkBook(hostedUrl: string): LinkBook {
  let links = new Map<string, FakeLink>()
  return {
    create(body, now) {
      const linkToken = randomToken('link_')
      const linkUrl = new URL(hostedUrl)
      linkUrl.searchParams.set('link_token', linkToken)
      const link: FakeLink = { ...pickLinkFields(body), linkToken, linkUrl: linkUrl.toString(), createdAt: new Date(now).toISOString() }
      links.set(linkToken, link)
      return structuredClone(link)
    },
    find(linkToken) {
      const link = links.get(linkToken)
      return link === undefined ? undefined : structuredClone(link)
    },
    markUsed(linkToken, now) {
      const link = links.get(linkToken)
      if (link !== undefined) link.usedAt = new Date(now).toISOString()
    },
    clear() {
      links = new Map()
    },
  }
}

/**
 * The body fields the fake keeps, each only when it has the right type, so a stored link never
 * holds something the hosted page would have to distrust.
 */
function pickLinkFields(body: Record<string, unknown>): Partial<FakeLink> {
  const fields: Partial<FakeLink> = {}
  for (const name of ['redirectUrl', 'referenceId', 'customerId', 'clientName'] as const) {
    if (typeof body[name] === 'string') fields[name] = body[name]
  }
  if (Array.isArray(body.tags)) fields.tags = body.tags.filter((tag): tag is string => typeof tag === 'string')
  if (body.completion === 'message' || body.completion === 'redirect') fields.completion = body.completion
  const filters = body.manufacturerFilters
  if (typeof filters === 'object' && filters !== null) {
    const { manufacturers, deviceTypes } = filters as Record<string, unknown>
    fields.manufacturerFilters = {
      ...(Array.isArray(manufacturers) ? { manufacturers: manufacturers.filter((item): item is string => typeof item === 'string') } : {}),
      ...(Array.isArray(deviceTypes) ? { deviceTypes: deviceTypes.filter((item): item is string => typeof item === 'string') } : {}),
    }
  }
  return fields
}
