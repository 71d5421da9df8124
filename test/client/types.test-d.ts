import { describe, expectTypeOf, it } from 'vitest'
import {
  createTextureClient,
  type Alert,
  type Command,
  type CommandInputs,
  type CommandSlug,
  type Device,
  type DeviceHistoryEntry,
  type Page,
  type Tag,
  type TextureApiError,
  isTextureApiError,
} from '../../src/index'

const client = createTextureClient({ scopedKey: 'scoped_abc' })
const deviceId = 'dev_1'

describe('commands.send', () => {
  it('accepts each slug with its own input', () => {
    void client.commands.send('battery:set-reserve', { deviceId, input: { chargePercentage: 20 } })
    void client.commands.send('battery:set-operating-mode', { deviceId, input: { operatingMode: 'backup' } })
    void client.commands.send('thermostat:set-operating-mode', { deviceId, input: { operatingMode: 'heat', heatTarget: 70 } })
    void client.commands.send('thermostat:set-fan-mode', { deviceId, input: { fanMode: 'auto' } })
    void client.commands.send('charger:set-operating-mode', { deviceId, input: { operatingMode: 'charging' } })
    void client.commands.send('vehicle:set-operating-mode', { deviceId, input: { operatingMode: 'idle' } })
    void client.commands.send('vehicle:set-charge-limit', { deviceId, input: { chargeLimit: 80 } })
  })

  it('rejects a value the command does not take', () => {
    // @ts-expect-error 'sideways' is not a fan mode
    void client.commands.send('thermostat:set-fan-mode', { deviceId, input: { fanMode: 'sideways' } })
    // @ts-expect-error the reserve is a number
    void client.commands.send('battery:set-reserve', { deviceId, input: { chargePercentage: '20' } })
  })

  it("rejects another command's input", () => {
    // @ts-expect-error set-reserve takes chargePercentage, not chargeLimit
    void client.commands.send('battery:set-reserve', { deviceId, input: { chargeLimit: 80 } })
    // @ts-expect-error a thermostat mode is not a battery mode
    void client.commands.send('battery:set-operating-mode', { deviceId, input: { operatingMode: 'heat' } })
  })

  it('rejects unknown slugs, extra fields and missing parts', () => {
    // @ts-expect-error no such command
    void client.commands.send('battery:explode', { deviceId, input: {} })
    // @ts-expect-error extra input field
    void client.commands.send('thermostat:set-fan-mode', { deviceId, input: { fanMode: 'on', speed: 3 } })
    // @ts-expect-error deviceId is required
    void client.commands.send('battery:set-reserve', { input: { chargePercentage: 20 } })
    // @ts-expect-error input is required
    void client.commands.send('battery:set-reserve', { deviceId })
  })

  it('returns a command typed by its slug', () => {
    expectTypeOf(client.commands.send('battery:set-reserve', { deviceId, input: { chargePercentage: 20 } })).resolves.toEqualTypeOf<Command<'battery:set-reserve'>>()
  })

  it('lists exactly the documented slugs', () => {
    expectTypeOf<CommandSlug>().toEqualTypeOf<
      | 'battery:set-reserve'
      | 'battery:set-operating-mode'
      | 'thermostat:set-operating-mode'
      | 'thermostat:set-fan-mode'
      | 'charger:set-operating-mode'
      | 'vehicle:set-operating-mode'
      | 'vehicle:set-charge-limit'
    >()
    expectTypeOf<CommandInputs['battery:set-reserve']>().toEqualTypeOf<{ chargePercentage: number }>()
  })
})

describe('devices', () => {
  it('returns pages, arrays and entries of the right types', () => {
    expectTypeOf(client.devices.list()).resolves.toEqualTypeOf<Page<Device>>()
    expectTypeOf(client.devices.retrieve(deviceId)).resolves.toEqualTypeOf<Device>()
    expectTypeOf(client.devices.history(deviceId, { from: new Date(), perPage: 10 })).resolves.toEqualTypeOf<Page<DeviceHistoryEntry>>()
    expectTypeOf(client.devices.alerts(deviceId)).resolves.toEqualTypeOf<Alert[]>()
    expectTypeOf(client.devices.tags(deviceId)).resolves.toEqualTypeOf<Tag[]>()
    expectTypeOf(client.devices.commandLog(deviceId, { status: ['pending', 'failed'] })).resolves.toEqualTypeOf<Page<Command>>()
    expectTypeOf(client.devices.iterate()).toMatchTypeOf<AsyncIterable<Device>>()
  })

  it('narrows state by device type', async () => {
    const device = await client.devices.retrieve(deviceId)
    if (device.type === 'battery') expectTypeOf(device.state?.backupReserve).toEqualTypeOf<number | null | undefined>()
    if (device.type === 'thermostat') expectTypeOf(device.state?.heatTarget).toEqualTypeOf<number | null | undefined>()
    if (device.type === 'vehicle') expectTypeOf(device.state?.chargeLimit).toEqualTypeOf<number | null | undefined>()
    expectTypeOf<Device['type']>().toEqualTypeOf<'battery' | 'charger' | 'inverter' | 'thermostat' | 'vehicle'>()
  })

  it('rejects bad parameters', () => {
    // @ts-expect-error perPage is a number
    void client.devices.list({ perPage: '10' })
    // @ts-expect-error not a device type
    void client.devices.list({ type: 'toaster' })
    // @ts-expect-error not a command status
    void client.devices.commandLog(deviceId, { status: 'done' })
    // @ts-expect-error an id is a string
    void client.devices.retrieve(42)
  })

  it('exposes only what a scoped key may do', () => {
    // @ts-expect-error no device creation
    void client.devices.create
    // @ts-expect-error no device deletion
    void client.devices.delete
    // @ts-expect-error no sites
    void client.sites
  })
})

describe('errors', () => {
  it('narrows with the guard', () => {
    const error: unknown = new Error('x')
    if (isTextureApiError(error)) {
      expectTypeOf(error).toEqualTypeOf<TextureApiError>()
      expectTypeOf(error.status).toEqualTypeOf<number>()
      expectTypeOf(error.retryAfter).toEqualTypeOf<number | undefined>()
      expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>()
    }
  })

  it('requires a scoped key option', () => {
    // @ts-expect-error scopedKey is required
    createTextureClient({})
    // @ts-expect-error retry is a number or options
    createTextureClient({ scopedKey: 'scoped_x', retry: 'twice' })
  })
})
