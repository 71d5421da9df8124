import { canSee, findVisibleDevice, forbidden } from '../access'
import { errorResponse, isResponse, jsonResponse } from '../responses'
import type { Route } from '../router'
import type { RouteContext } from '../route-context'
import { readJsonBody } from './read-json-body'

/** Sending a command (a scoped key's only write) and reading one back. */
export const commandRoutes: Array<Route<RouteContext>> = [
  {
    method: 'POST',
    pattern: '/commands/:type/:command',
    async handle(context, { type, command }) {
      const body = await readJsonBody(context.request)
      if (isResponse(body)) return body
      if (typeof body.deviceId !== 'string' || body.deviceId === '') {
        return errorResponse(400, { code: 'invalid-body', message: 'The body needs a `deviceId` string.', details: { field: 'deviceId' } })
      }
      const input = body.input ?? {}
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        return errorResponse(400, { code: 'invalid-body', message: '`input` must be an object.', details: { field: 'input' } })
      }
      const device = findVisibleDevice(context, body.deviceId)
      if (isResponse(device)) return device
      // Accepted, then settled asynchronously: an unsupported command or a bad input fails later,
      // as the real API reports manufacturer-side failures through the command's status.
      const sent = context.commands.send({ device, slug: `${type}:${command}`, input: input as Record<string, unknown>, now: context.now })
      return jsonResponse(sent, 201)
    },
  },
  {
    method: 'GET',
    pattern: '/commands/:id',
    handle(context, { id }) {
      const command = context.commands.find(id!)
      if (command === undefined) return errorResponse(404, { code: 'not-found', message: `No command with id \`${id}\`.` })
      const device = context.store.findDevice(command.deviceId)
      if (device === undefined && context.caller.kind !== 'workspace') return errorResponse(404, { code: 'not-found', message: `No command with id \`${id}\`.` })
      if (device !== undefined && !canSee(context.caller, device)) return forbidden('This key may not access that command: its device belongs to another user.')
      return jsonResponse(command)
    },
  },
]
