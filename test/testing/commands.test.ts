import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Command } from '../../src/client/types/command'
import type { Device } from '../../src/client/types/device'
import type { Page } from '../../src/client/types/page'
import type { FakeErrorBody } from '../../src/testing/index'
import { ada, call, expectJson, grace, post, useFakeTexture } from './support'

useFakeTexture({ commandDelayMs: 1000 })

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-03-01T12:00:00.000Z'), toFake: ['Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

const send = async (slug: string, deviceId: string, input: unknown) => {
  const [type, command] = slug.split(':')
  return expectJson<Command>(await post(`/commands/${type}/${command}`, ada.scopedKey, { deviceId, input }), 201)
}
const retrieve = async (id: string) => expectJson<Command>(await call(`/commands/${id}`, ada.scopedKey), 200)

describe('a command', () => {
  it('is accepted as pending with the documented fields', async () => {
    const command = await send('battery:set-reserve', 'dev_ada_powerwall', { chargePercentage: 35 })
    expect(command).toMatchObject({ id: expect.stringMatching(/^cmd_/), status: 'pending', deviceId: 'dev_ada_powerwall', command: 'battery:set-reserve', createdAt: '2026-03-01T12:00:00.000Z' })
    expect((await retrieve(command.id)).status).toBe('pending')
  })

  it('succeeds after the delay and changes the device', async () => {
    const command = await send('battery:set-reserve', 'dev_ada_powerwall', { chargePercentage: 35 })
    vi.advanceTimersByTime(999)
    expect((await retrieve(command.id)).status).toBe('pending')
    vi.advanceTimersByTime(1)
    expect(await retrieve(command.id)).toMatchObject({ status: 'success', executedAt: '2026-03-01T12:00:01.000Z', error: null })
    const device = await expectJson<Device>(await call('/devices/dev_ada_powerwall', ada.scopedKey), 200)
    expect(device.state).toMatchObject({ backupReserve: 35 })
  })

  it('fails after the delay when the device type does not support it', async () => {
    const command = await send('vehicle:set-charge-limit', 'dev_ada_powerwall', { chargeLimit: 80 })
    expect(command.status).toBe('pending')
    vi.advanceTimersByTime(1000)
    expect(await retrieve(command.id)).toMatchObject({ status: 'failed', error: { code: 'unsupported-command' } })
  })

  it('fails for an unknown command', async () => {
    const command = await send('battery:self-destruct', 'dev_ada_powerwall', {})
    vi.advanceTimersByTime(1000)
    expect((await retrieve(command.id)).error).toMatchObject({ code: 'unsupported-command' })
  })

  it.each([
    ['battery:set-reserve', 'dev_ada_powerwall', { chargePercentage: 140 }],
    ['battery:set-operating-mode', 'dev_ada_powerwall', { operatingMode: 'turbo' }],
    ['thermostat:set-fan-mode', 'dev_ada_ecobee', {}],
    ['vehicle:set-charge-limit', 'dev_ada_model3', { chargeLimit: '80' }],
  ])('%s to %s fails with invalid input %j and leaves the device alone', async (slug, deviceId, input) => {
    const before = await expectJson<Device>(await call(`/devices/${deviceId}`, ada.scopedKey), 200)
    const command = await send(slug, deviceId, input)
    vi.advanceTimersByTime(1000)
    expect(await retrieve(command.id)).toMatchObject({ status: 'failed', error: { code: 'invalid-input', message: expect.stringContaining('input.') } })
    expect(await expectJson<Device>(await call(`/devices/${deviceId}`, ada.scopedKey), 200)).toEqual(before)
  })

  it('is refused with a 400 without a deviceId and a 404 for an unknown device', async () => {
    expect((await expectJson<FakeErrorBody>(await post('/commands/battery/set-reserve', ada.scopedKey, { input: {} }), 400)).code).toBe('invalid-body')
    expect((await post('/commands/battery/set-reserve', ada.scopedKey, { deviceId: 'dev_nobody', input: { chargePercentage: 5 } })).status).toBe(404)
    expect((await call('/commands/battery/set-reserve', ada.scopedKey, { method: 'POST', body: 'not json' })).status).toBe(400)
  })

  it("cannot be read with another user's key", async () => {
    const command = await send('battery:set-reserve', 'dev_ada_powerwall', { chargePercentage: 35 })
    expect((await call(`/commands/${command.id}`, grace.scopedKey)).status).toBe(403)
    expect((await call('/commands/cmd_999999', ada.scopedKey)).status).toBe(404)
  })
})

describe("a device's command log", () => {
  it('lists its commands newest first, filtered by status, in pages', async () => {
    const first = await send('thermostat:set-fan-mode', 'dev_ada_ecobee', { fanMode: 'on' })
    vi.advanceTimersByTime(1000)
    const second = await send('thermostat:set-operating-mode', 'dev_ada_ecobee', { operatingMode: 'heat', heatTarget: 70 })
    await send('battery:set-reserve', 'dev_ada_powerwall', { chargePercentage: 10 })
    const log = await expectJson<Page<Command>>(await call('/devices/dev_ada_ecobee/commands', ada.scopedKey), 200)
    expect(log.data.map((command) => [command.id, command.status])).toEqual([
      [second.id, 'pending'],
      [first.id, 'success'],
    ])
    const pending = await expectJson<Page<Command>>(await call('/devices/dev_ada_ecobee/commands?status=pending', ada.scopedKey), 200)
    expect(pending.data.map((command) => command.id)).toEqual([second.id])
    const both = await expectJson<Page<Command>>(await call('/devices/dev_ada_ecobee/commands?status=pending&status=success&perPage=1&page=2', ada.scopedKey), 200)
    expect(both).toMatchObject({ data: [{ id: first.id }], totalItems: 2, totalPages: 2 })
    expect((await call('/devices/dev_ada_ecobee/commands?status=done', ada.scopedKey)).status).toBe(400)
  })
})
