import { availableCommandsFor } from '../command-catalog'
import { initialState } from '../device-state'
import type { Device, DeviceType } from '../shapes'

/** What a test gives to make a device; the rest (commands, state, dates) is filled in. */
export interface DeviceSeed {
  id: string
  type: DeviceType
  referenceId: string
  manufacturer: string
  model: string
  name?: string | null
  serialNumber?: string | null
  modelYear?: number | null
  tags?: string[]
}

const day = 24 * 60 * 60 * 1000

/** A complete device of the seed's type, with the state it has at `now`. */
export function buildDevice(seed: DeviceSeed, now: number): Device {
  const connectedAt = new Date(now - 90 * day).toISOString()
  const device: Device = {
    id: seed.id,
    type: seed.type,
    name: seed.name ?? null,
    manufacturer: seed.manufacturer,
    model: seed.model,
    modelYear: seed.modelYear ?? null,
    serialNumber: seed.serialNumber ?? null,
    referenceId: seed.referenceId,
    tags: seed.tags ?? [],
    availableCommands: availableCommandsFor(seed.type),
    state: initialState(seed.type, seed.id, now),
    createdAt: connectedAt,
    updatedAt: new Date(now).toISOString(),
  }
  return device
}

/** The devices of the sandbox users: every type, several manufacturers. */
export const sandboxDeviceSeeds: readonly DeviceSeed[] = [
  { id: 'dev_ada_powerwall', type: 'battery', referenceId: 'user_ada', manufacturer: 'tesla', model: 'tesla:powerwall-3', name: 'Powerwall', serialNumber: 'TG1230000A1B2C', tags: ['home'] },
  {
    id: 'dev_ada_model3',
    type: 'vehicle',
    referenceId: 'user_ada',
    manufacturer: 'tesla',
    model: 'tesla:model-3',
    name: 'Model 3',
    modelYear: 2023,
    serialNumber: '5YJ3E1EA7PF000001',
    tags: ['home', 'ev'],
  },
  {
    id: 'dev_ada_wall_connector',
    type: 'charger',
    referenceId: 'user_ada',
    manufacturer: 'tesla',
    model: 'tesla:wall-connector-gen-3',
    name: 'Garage charger',
    serialNumber: 'PGT23000001',
    tags: ['home', 'ev'],
  },
  { id: 'dev_ada_iq8', type: 'inverter', referenceId: 'user_ada', manufacturer: 'enphase', model: 'enphase:iq8plus', name: 'Roof array', serialNumber: '122300000001', tags: ['home', 'solar'] },
  {
    id: 'dev_ada_ecobee',
    type: 'thermostat',
    referenceId: 'user_ada',
    manufacturer: 'ecobee',
    model: 'ecobee:smart-thermostat-premium',
    name: 'Hallway',
    serialNumber: '421900000001',
    tags: ['home'],
  },
  {
    id: 'dev_grace_iq_battery',
    type: 'battery',
    referenceId: 'user_grace',
    manufacturer: 'enphase',
    model: 'enphase:iq-battery-5p',
    name: 'IQ Battery',
    serialNumber: '482300000002',
    tags: ['cabin'],
  },
  {
    id: 'dev_grace_solaredge',
    type: 'inverter',
    referenceId: 'user_grace',
    manufacturer: 'solaredge',
    model: 'solaredge:se7600h',
    name: 'Barn roof',
    serialNumber: '7F0000A2',
    tags: ['cabin', 'solar'],
  },
  {
    id: 'dev_grace_chargepoint',
    type: 'charger',
    referenceId: 'user_grace',
    manufacturer: 'chargepoint',
    model: 'chargepoint:home-flex',
    name: 'Driveway',
    serialNumber: 'CPH50-000002',
    tags: ['cabin', 'ev'],
  },
  {
    id: 'dev_grace_ecobee',
    type: 'thermostat',
    referenceId: 'user_grace',
    manufacturer: 'ecobee',
    model: 'ecobee:smart-thermostat-enhanced',
    name: 'Living room',
    serialNumber: '421900000002',
    tags: ['cabin'],
  },
  {
    id: 'dev_katherine_powerwall',
    type: 'battery',
    referenceId: 'user_katherine',
    manufacturer: 'tesla',
    model: 'tesla:powerwall-2',
    name: 'Basement battery',
    serialNumber: 'TG1190000K1',
    tags: ['building'],
  },
  ...Array.from({ length: 24 }, (_, index): DeviceSeed => {
    const unit = `${Math.floor(index / 6) + 1}0${(index % 6) + 1}`
    return {
      id: `dev_katherine_unit_${unit}`,
      type: 'thermostat',
      referenceId: 'user_katherine',
      manufacturer: 'ecobee',
      model: 'ecobee:smart-thermostat-enhanced',
      name: `Unit ${unit}`,
      serialNumber: `4219${unit.padStart(8, '0')}`,
      tags: ['building', `floor-${unit[0]}`],
    }
  }),
]

/** The devices a new connection to `manufacturer` brings for a user the fake has not seen. */
export function devicesForNewConnection(referenceId: string, manufacturer: { slug: string; name: string; deviceTypes: DeviceType[] }, suffix: string): DeviceSeed[] {
  return manufacturer.deviceTypes.map((type) => ({
    id: `dev_${suffix}_${manufacturer.slug}_${type}`,
    type,
    referenceId,
    manufacturer: manufacturer.slug,
    model: `${manufacturer.slug}:${type}`,
    name: `${manufacturer.name} ${type}`,
    tags: [],
  }))
}
