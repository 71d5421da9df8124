import { describe, expect, it } from 'vitest'
import type { Device } from '../../src/client/types/device'
import type { Page } from '../../src/client/types/page'
import { ada, call, expectJson, useFakeTexture } from './support'

const texture = useFakeTexture()

describe('the store', () => {
  it("adds a device from a seed, with a generated state and its type's commands", async () => {
    const added = texture.store.addDevice({ id: 'dev_ada_garage_battery', type: 'battery', referenceId: 'user_ada', manufacturer: 'enphase', model: 'enphase:iq-battery-10t' })
    expect(added.availableCommands?.map((command) => command.slug)).toEqual(['battery:set-reserve', 'battery:set-operating-mode'])
    const device = await expectJson<Device>(await call('/devices/dev_ada_garage_battery', ada.scopedKey), 200)
    expect(device).toMatchObject({ type: 'battery', state: { chargePercentage: expect.any(Number), backupReserve: 20 } })
    expect((await expectJson<Page<Device>>(await call('/devices', ada.scopedKey), 200)).totalItems).toBe(6)
  })

  it('adds a complete device as given', async () => {
    const device = { id: 'dev_exact', type: 'vehicle', manufacturer: 'bmw', referenceId: 'user_ada', availableCommands: [], state: { chargePercentage: 12 } } satisfies Device
    texture.store.addDevice(device)
    expect(await expectJson<Device>(await call('/devices/dev_exact', ada.scopedKey), 200)).toEqual(device)
  })

  it('adds a user whose key sees only their devices', async () => {
    const user = texture.store.addUser({ referenceId: 'user_test', name: 'Test User' })
    expect(user.scopedKey).toMatch(/^scoped_/)
    texture.store.addDevice({ id: 'dev_test_thermostat', type: 'thermostat', referenceId: 'user_test', manufacturer: 'ecobee', model: 'ecobee:lite' })
    const page = await expectJson<Page<Device>>(await call('/devices', user.scopedKey), 200)
    expect(page.data.map((device) => device.id)).toEqual(['dev_test_thermostat'])
    expect((await call('/devices/dev_test_thermostat', ada.scopedKey)).status).toBe(403)
  })

  it('refuses a user key that is not a scoped key', () => {
    expect(() => texture.store.addUser({ referenceId: 'user_bad', scopedKey: 'api_oops' })).toThrow(/scoped_/)
  })

  it('adds alerts and removes devices', async () => {
    texture.store.addAlert({
      id: 'alert_new',
      deviceId: 'dev_ada_model3',
      type: 'charge-complete',
      severity: 'info',
      message: 'Charged to 80%.',
      createdAt: '2026-03-01T00:00:00.000Z',
      resolvedAt: null,
    })
    expect((await expectJson<{ data: unknown[] }>(await call('/devices/dev_ada_model3/alerts', ada.scopedKey), 200)).data).toHaveLength(1)
    expect(texture.store.removeDevice('dev_ada_model3')).toBe(true)
    expect((await call('/devices/dev_ada_model3', ada.scopedKey)).status).toBe(404)
  })

  it('returns copies, so changing one does not change the fake', async () => {
    const device = texture.store.findDevice('dev_ada_powerwall')!
    device.name = 'Changed'
    expect((await expectJson<Device>(await call('/devices/dev_ada_powerwall', ada.scopedKey), 200)).name).toBe('Powerwall')
  })

  it('goes back to the seed on reset()', async () => {
    texture.store.addDevice({ id: 'dev_extra', type: 'charger', referenceId: 'user_ada', manufacturer: 'chargepoint', model: 'chargepoint:home-flex' })
    const user = texture.store.addUser({ referenceId: 'user_temporary' })
    texture.store.removeDevice('dev_ada_powerwall')
    texture.reset()
    expect(texture.store.findDevice('dev_extra')).toBeUndefined()
    expect(texture.store.findDevice('dev_ada_powerwall')).toBeDefined()
    expect((await call('/devices', user.scopedKey)).status).toBe(401)
  })
})
