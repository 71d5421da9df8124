import type { FakeCaller } from './keys'
import { errorResponse } from './responses'
import type { RouteContext } from './route-context'
import type { Device } from './shapes'

// Paths a scoped key may never touch, whatever the method (docs/sandbox.md#scoped-key-rules).
const offLimits = ['/sites', '/customers', '/programs']

/**
 * The key-type rules that do not depend on a route: a Connect key only creates links; a scoped
 * key only reads devices and sends commands. `undefined` lets the request through to its route.
 */
export function checkKeyScope(caller: FakeCaller, method: string, path: string): Response | undefined {
  const creatingLink = method === 'POST' && path === '/connections'
  if (caller.kind === 'connect') {
    return creatingLink ? undefined : forbidden('A Connect key can only create Connect links (`POST /v1/connections`).')
  }
  const outOfBounds = offLimits.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
  const writingDevices = (path === '/devices' || path.startsWith('/devices/')) && method !== 'GET'
  const sendingCommand = method === 'POST' && /^\/commands\/[^/]+\/[^/]+$/.test(path)
  if (caller.kind === 'scoped') {
    if (creatingLink) return forbidden('A scoped key cannot create Connect links; use a Connect key or a server key.')
    if (outOfBounds) return forbidden('A scoped key cannot read or change sites, customers or programs.')
    if (writingDevices) return forbidden('A scoped key cannot create, update or delete devices; it may only read them and send commands.')
    // Sending a command is a scoped key's only write: any other, on any path, is refused.
    if (method !== 'GET' && method !== 'HEAD' && !sendingCommand) return forbidden('A scoped key may only read and send commands (`POST /v1/commands/{type}/{command}`).')
    return undefined
  }
  if (outOfBounds || writingDevices) {
    return errorResponse(501, { code: 'not-implemented', message: 'The fake Texture API implements only what a scoped key may do, plus `POST /v1/connections`.' })
  }
  return undefined
}

/** The device `id` if this caller may see it: 404 when it does not exist, 403 when it is someone else's. */
export function findVisibleDevice(context: RouteContext, id: string): Device | Response {
  const device = context.store.findDevice(id)
  if (device === undefined) return errorResponse(404, { code: 'not-found', message: `No device with id \`${id}\`.` })
  if (!canSee(context.caller, device)) return forbidden('This key may not access that device: it belongs to another user.')
  return device
}

/** True when `caller` may see `device`: a workspace key sees all, a scoped key its user's only. */
export function canSee(caller: FakeCaller, device: Device): boolean {
  if (caller.kind === 'workspace') return true
  return caller.kind === 'scoped' && device.referenceId === caller.user.referenceId
}

export function forbidden(message: string): Response {
  return errorResponse(403, { code: 'forbidden', message })
}
