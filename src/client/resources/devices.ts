import type { Http } from '../http'
import type { RequestOptions } from '../options'
import { assertParams, commandStatusList, deviceType, isoTime, optionalString, pageQuery } from '../params'
import { path } from '../path'
import type { Command, CommandLogParams } from '../types/command'
import type { Alert, Device, DeviceAlertsResponse, DeviceHistoryEntry, DeviceHistoryParams, DeviceListParams, DeviceTagsResponse, Tag } from '../types/device'
import type { Page } from '../types/page'

/** The user's devices: read-only, as a scoped key allows. */
export class Devices {
  readonly #http: Http

  constructor(http: Http) {
    this.#http = http
  }

  /** One page of the user's devices. `GET /devices` */
  async list(params?: DeviceListParams, options?: RequestOptions): Promise<Page<Device>> {
    return this.#http.get(path`/devices`, { ...options, query: deviceListQuery(params) })
  }

  /**
   * Every device, page after page; the next page is fetched only when the loop reaches it.
   *
   * @example
   * for await (const device of client.devices.iterate({ type: 'battery' })) console.log(device.name)
   */
  iterate(params?: DeviceListParams, options?: RequestOptions): AsyncGenerator<Device, void, undefined> {
    const query = deviceListQuery(params)
    return iteratePages((page) => this.#http.get<Page<Device>>(path`/devices`, { ...options, query: { ...query, page } }), query.page ?? 1)
  }

  /** One device with its latest state. `GET /devices/{id}` */
  async retrieve(id: string, options?: RequestOptions): Promise<Device> {
    return this.#http.get(path`/devices/${id}`, options)
  }

  /** Past state snapshots, optionally in a time window. `GET /devices/{id}/history` */
  async history(id: string, params?: DeviceHistoryParams, options?: RequestOptions): Promise<Page<DeviceHistoryEntry>> {
    const checked = assertParams(params, 'devices.history')
    const query = { from: isoTime(checked.from, 'from'), to: isoTime(checked.to, 'to'), ...pageQuery(checked) }
    return this.#http.get(path`/devices/${id}/history`, { ...options, query })
  }

  /** The device's alerts. `GET /devices/{id}/alerts` */
  async alerts(id: string, options?: RequestOptions): Promise<Alert[]> {
    return unwrapList(await this.#http.get<DeviceAlertsResponse | Alert[]>(path`/devices/${id}/alerts`, options))
  }

  /** The device's tags. `GET /devices/{id}/tags` */
  async tags(id: string, options?: RequestOptions): Promise<Tag[]> {
    return unwrapList(await this.#http.get<DeviceTagsResponse | Tag[]>(path`/devices/${id}/tags`, options))
  }

  /** Commands sent to the device, newest first. `GET /devices/{id}/commands` */
  async commandLog(id: string, params?: CommandLogParams, options?: RequestOptions): Promise<Page<Command>> {
    const checked = assertParams(params, 'devices.commandLog')
    const query = { status: commandStatusList(checked.status), ...pageQuery(checked) }
    return this.#http.get(path`/devices/${id}/commands`, { ...options, query })
  }
}

function deviceListQuery(params: DeviceListParams | undefined) {
  const checked = assertParams(params, 'devices.list')
  return { type: deviceType(checked.type), manufacturer: optionalString(checked.manufacturer, 'manufacturer'), ...pageQuery(checked) }
}

async function* iteratePages<T>(fetchPage: (page: number) => Promise<Page<T>>, firstPage: number): AsyncGenerator<T, void, undefined> {
  for (let page = firstPage; ; page += 1) {
    const result = await fetchPage(page)
    yield* result.data
    // An empty page also ends it, so a server that miscounts cannot loop us forever.
    if (result.data.length === 0 || page >= result.totalPages) return
  }
}

/** The API wraps these lists in `{ data }`; accept a bare array too. */
function unwrapList<T>(body: { data: T[] } | T[]): T[] {
  return Array.isArray(body) ? body : body.data
}
