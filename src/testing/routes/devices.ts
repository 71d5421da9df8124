import { canSee, findVisibleDevice } from '../access'
import { deviceHistory, readHistoryWindow } from '../history'
import { paginate, readPageRequest } from '../paging'
import { errorResponse, isResponse, jsonResponse } from '../responses'
import type { Route } from '../router'
import type { RouteContext } from '../route-context'
import type { CommandStatus, DeviceType } from '../shapes'

const deviceTypes: readonly DeviceType[] = ['battery', 'charger', 'inverter', 'thermostat', 'vehicle']
const commandStatuses: readonly CommandStatus[] = ['pending', 'scheduled', 'success', 'completed', 'failed']

/** The read-only device endpoints a scoped key may call. */
export const deviceRoutes: Array<Route<RouteContext>> = [
  {
    method: 'GET',
    pattern: '/devices',
    handle(context) {
      const pageRequest = readPageRequest(context.url)
      if (isResponse(pageRequest)) return pageRequest
      const type = context.url.searchParams.get('type')
      if (type !== null && !deviceTypes.includes(type as DeviceType)) {
        return errorResponse(400, { code: 'invalid-parameter', message: `\`type\` must be one of ${deviceTypes.join(', ')}.`, details: { parameter: 'type' } })
      }
      const manufacturer = context.url.searchParams.get('manufacturer')
      const devices = context.store
        .devices()
        .filter((device) => canSee(context.caller, device))
        .filter((device) => type === null || device.type === type)
        .filter((device) => manufacturer === null || device.manufacturer === manufacturer)
      return jsonResponse(paginate(devices, pageRequest))
    },
  },
  {
    method: 'GET',
    pattern: '/devices/:id',
    handle: (context, { id }) => {
      const device = findVisibleDevice(context, id!)
      return isResponse(device) ? device : jsonResponse(device)
    },
  },
  {
    method: 'GET',
    pattern: '/devices/:id/history',
    handle(context, { id }) {
      const device = findVisibleDevice(context, id!)
      if (isResponse(device)) return device
      const window = readHistoryWindow(context.url, context.now)
      if (isResponse(window)) return window
      const pageRequest = readPageRequest(context.url)
      if (isResponse(pageRequest)) return pageRequest
      return jsonResponse(paginate(deviceHistory(device, window), pageRequest))
    },
  },
  {
    method: 'GET',
    pattern: '/devices/:id/alerts',
    handle(context, { id }) {
      const device = findVisibleDevice(context, id!)
      return isResponse(device) ? device : jsonResponse({ data: context.store.alerts(device.id) })
    },
  },
  {
    method: 'GET',
    pattern: '/devices/:id/tags',
    handle(context, { id }) {
      const device = findVisibleDevice(context, id!)
      return isResponse(device) ? device : jsonResponse({ data: device.tags ?? [] })
    },
  },
  {
    method: 'GET',
    pattern: '/devices/:id/commands',
    handle(context, { id }) {
      const device = findVisibleDevice(context, id!)
      if (isResponse(device)) return device
      const pageRequest = readPageRequest(context.url)
      if (isResponse(pageRequest)) return pageRequest
      // `status=a&status=b` and `status=a,b` both select several statuses.
      const statuses = context.url.searchParams
        .getAll('status')
        .flatMap((value) => value.split(','))
        .filter((value) => value !== '')
      const unknown = statuses.find((status) => !commandStatuses.includes(status as CommandStatus))
      if (unknown !== undefined) {
        return errorResponse(400, { code: 'invalid-parameter', message: `\`status\` must be one of ${commandStatuses.join(', ')}.`, details: { parameter: 'status' } })
      }
      const commands = context.commands.forDevice(device.id).filter((command) => statuses.length === 0 || statuses.includes(command.status))
      return jsonResponse(paginate(commands, pageRequest))
    },
  },
]
