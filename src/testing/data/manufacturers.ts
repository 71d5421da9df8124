import type { DeviceType } from '../shapes'

/** A manufacturer the hosted Connect page offers, and the devices a new connection brings. */
export interface FakeManufacturer {
  slug: string
  name: string
  deviceTypes: DeviceType[]
  /** What the hosted page says will be shared. */
  shares: string[]
}

export const sandboxManufacturers: readonly FakeManufacturer[] = [
  {
    slug: 'tesla',
    name: 'Tesla',
    deviceTypes: ['battery', 'vehicle', 'charger'],
    shares: ['Powerwall charge and backup reserve', 'Vehicle battery, range and charge limit', 'Wall Connector charging state'],
  },
  { slug: 'enphase', name: 'Enphase', deviceTypes: ['inverter', 'battery'], shares: ['Solar production', 'IQ Battery charge and reserve'] },
  { slug: 'ecobee', name: 'ecobee', deviceTypes: ['thermostat'], shares: ['Indoor temperature', 'Heating and cooling set points, mode and fan'] },
  { slug: 'chargepoint', name: 'ChargePoint', deviceTypes: ['charger'], shares: ['Charger plug and charging state', 'Charging power'] },
  { slug: 'solaredge', name: 'SolarEdge', deviceTypes: ['inverter'], shares: ['Solar production'] },
  // The two Texture's published Connect examples filter for (`manufacturerFilters`).
  { slug: 'honeywell', name: 'Honeywell', deviceTypes: ['thermostat'], shares: ['Indoor temperature', 'Heating and cooling set points, mode and fan'] },
  { slug: 'daikin', name: 'Daikin', deviceTypes: ['thermostat'], shares: ['Indoor temperature', 'Heating and cooling set points, mode and fan'] },
]
