import { devicesForNewConnection } from './data/devices'
import { sandboxManufacturers, type FakeManufacturer } from './data/manufacturers'
import type { FakeStore } from './fake-store'
import type { FakeUser } from './keys'
import type { FakeLink, FakeLinkCompletion, LinkBook } from './links'

/** What the hosted page shows for a link. */
export interface ConnectFlowDescription {
  clientName: string
  completion: FakeLinkCompletion | undefined
  redirectUrl: string | undefined
  /** The user the link was made for, when its `referenceId` is one the fake knows. */
  connectingAs: Pick<FakeUser, 'name' | 'referenceId'> | undefined
  /** The users to choose from, when the link names none. */
  userChoices: Array<Pick<FakeUser, 'name' | 'referenceId'>>
  manufacturers: FakeManufacturer[]
}

export interface ConnectFlowApproval {
  linkToken: string
  /** A manufacturer `slug` from the description. */
  manufacturer: string
  /** Only for a link without a `referenceId`: one of `userChoices`. */
  referenceId?: string
}

export interface ConnectFlowResult {
  scopedKey: string
  referenceId: string
  customerId: string
  redirectUrl: string | undefined
}

/** The hosted Connect page's steps: what a link shows, and approving it. */
export interface ConnectFlow {
  /** Throws {@link ConnectFlowError} for an unknown or used link. */
  describe(linkToken: string): ConnectFlowDescription
  /** Gives out the scoped key; throws {@link ConnectFlowError} when the choice is not allowed. */
  approve(approval: ConnectFlowApproval): ConnectFlowResult
}

/** A refused step of the hosted flow, with the HTTP status the sandbox answers with. */
export class ConnectFlowError extends Error {
  override name = 'ConnectFlowError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * The hosted Connect flow's rules. The key goes to the link's `referenceId`: a known user gets
 * their key; a new one is created with the chosen manufacturer's devices. A link without one lets
 * the person pick a known user. Each link gives out one key.
 */
export function createConnectFlow(store: FakeStore, links: LinkBook, now: () => number): ConnectFlow {
  function usableLink(linkToken: string): FakeLink {
    const link = links.find(linkToken)
    if (link === undefined) throw new ConnectFlowError(404, 'link-not-found', 'This Connect link does not exist. Ask the app for a new one.')
    if (link.usedAt !== undefined) throw new ConnectFlowError(410, 'link-used', 'This Connect link was already used. Ask the app for a new one.')
    return link
  }

  return {
    describe(linkToken) {
      const link = usableLink(linkToken)
      const known = link.referenceId === undefined ? undefined : store.findUserByReferenceId(link.referenceId)
      return {
        clientName: link.clientName ?? 'Sandbox app',
        completion: link.completion,
        redirectUrl: link.redirectUrl,
        connectingAs: known === undefined ? undefined : { name: known.name, referenceId: known.referenceId },
        userChoices: link.referenceId === undefined ? store.users().map(({ name, referenceId }) => ({ name, referenceId })) : [],
        manufacturers: offeredManufacturers(link),
      }
    },

    approve(approval) {
      const link = usableLink(approval.linkToken)
      const manufacturer = offeredManufacturers(link).find((candidate) => candidate.slug === approval.manufacturer)
      if (manufacturer === undefined) throw new ConnectFlowError(400, 'invalid-manufacturer', 'Choose one of the manufacturers offered.')
      const referenceId = link.referenceId ?? approval.referenceId
      if (referenceId === undefined || (link.referenceId === undefined && store.findUserByReferenceId(referenceId) === undefined)) {
        throw new ConnectFlowError(400, 'invalid-user', 'Choose one of the users offered.')
      }
      let user = store.findUserByReferenceId(referenceId)
      if (user === undefined) {
        user = store.addUser({ referenceId, ...(link.customerId === undefined ? {} : { customerId: link.customerId }) })
        const suffix = referenceId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 24)
        for (const seed of devicesForNewConnection(referenceId, manufacturer, suffix)) store.addDevice({ ...seed, tags: link.tags ?? [] })
      }
      links.markUsed(link.linkToken, now())
      return { scopedKey: user.scopedKey, referenceId: user.referenceId, customerId: user.customerId, redirectUrl: link.redirectUrl }
    },
  }
}

function offeredManufacturers(link: FakeLink): FakeManufacturer[] {
  const filters = link.manufacturerFilters
  return sandboxManufacturers.filter(
    (manufacturer) =>
      (filters?.manufacturers === undefined || filters.manufacturers.length === 0 || filters.manufacturers.includes(manufacturer.slug)) &&
      (filters?.deviceTypes === undefined || filters.deviceTypes.length === 0 || manufacturer.deviceTypes.some((type) => filters.deviceTypes!.includes(type))),
  )
}
