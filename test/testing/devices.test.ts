import { describe, expect, it } from 'vitest'
import type { Alert, Device } from '../../src/client/types/device'
import type { Page } from '../../src/client/types/page'
import { sandboxWorkspaceKey, type FakeErrorBody } from '../../src/testing/index'
import { ada, call, expectJson, grace, katherine, useFakeTexture } from './support'

const texture = useFakeTexture()

const listFor = async (query: string, key = katherine.scopedKey) => expectJson<Page<Device>>(await call(`/devices${query}`, key), 200)

describe('device pages', () => {
  it('default to page 1 of 20', async () => {
    const page = await listFor('')
    expect(page).toMatchObject({ page: 1, perPage: 20, totalItems: 25, totalPages: 2 })
    expect(page.data).toHaveLength(20)
  })

  it('return the remainder on the last page and nothing past it', async () => {
    expect((await listFor('?page=2')).data).toHaveLength(5)
    const past = await listFor('?page=3')
    expect(past).toMatchObject({ data: [], page: 3, totalItems: 25, totalPages: 2 })
  })

  it('split evenly with a chosen perPage and never repeat a device', async () => {
    const pages = await Promise.all([1, 2, 3, 4, 5].map((page) => listFor(`?page=${page}&perPage=6`)))
    expect(pages.map((page) => page.data.length)).toEqual([6, 6, 6, 6, 1])
    expect(pages.every((page) => page.totalPages === 5)).toBe(true)
    expect(new Set(pages.flatMap((page) => page.data.map((device) => device.id))).size).toBe(25)
  })

  it.each(['page=0', 'page=-1', 'page=1.5', 'perPage=0', 'perPage=101', 'perPage=ten'])('reject %s with a 400', async (query) => {
    const error = await expectJson<FakeErrorBody>(await call(`/devices?${query}`, ada.scopedKey), 400)
    expect(error.code).toBe('invalid-parameter')
  })
})

describe('device filters', () => {
  it('select one type', async () => {
    const page = await listFor('?type=battery')
    expect(page.data.map((device) => device.id)).toEqual(['dev_katherine_powerwall'])
    expect(page.totalItems).toBe(1)
  })

  it('select one manufacturer, combined with the scope', async () => {
    const page = await listFor('?manufacturer=ecobee', grace.scopedKey)
    expect(page.data.map((device) => device.id)).toEqual(['dev_grace_ecobee'])
  })

  it('reject an unknown type', async () => {
    expect((await call('/devices?type=toaster', ada.scopedKey)).status).toBe(400)
  })
})

describe('a device', () => {
  it('lists the commands its type accepts', async () => {
    const device = await expectJson<Device>(await call('/devices/dev_ada_model3', ada.scopedKey), 200)
    expect(device.availableCommands?.map((command) => command.slug)).toEqual(['vehicle:set-operating-mode', 'vehicle:set-charge-limit'])
    expect(device.state).toMatchObject({ chargeLimit: 80, chargePercentage: expect.any(Number) })
  })

  it('has its alerts', async () => {
    const { data } = await expectJson<{ data: Alert[] }>(await call('/devices/dev_ada_powerwall/alerts', ada.scopedKey), 200)
    expect(data.map((alert) => alert.id)).toEqual(['alert_ada_outage', 'alert_ada_firmware'])
  })

  it('has its tags', async () => {
    const { data } = await expectJson<{ data: string[] }>(await call('/devices/dev_ada_model3/tags', ada.scopedKey), 200)
    expect(data).toEqual(['home', 'ev'])
  })

  it('answers 405 for a method the path does not take and 404 for an unknown path', async () => {
    // With a server key: a scoped key is refused every write but commands before routing (403).
    expect((await call('/commands/cmd_1', sandboxWorkspaceKey, { method: 'DELETE' })).status).toBe(405)
    expect((await call('/weather', ada.scopedKey)).status).toBe(404)
  })

  it('is not found outside the base path', async () => {
    const response = await texture.handle(new Request('https://api.texturehq.com/v1devices', { headers: { 'Texture-Api-Key': ada.scopedKey } }))
    expect(response.status).toBe(404)
  })
})
