import type { CommandSlug } from './command'
import type { PageParams } from './page'

/** The kinds of device Texture models; `Device['type']` discriminates the {@link Device} union. */
export type DeviceType = 'battery' | 'charger' | 'inverter' | 'thermostat' | 'vehicle'

/** Whether a battery or vehicle is taking or giving energy. The API may add values. */
export type ChargingState = 'charging' | 'discharging' | 'idle' | (string & {})

// Every object below is open: the API adds fields over time and the client passes them through
// untouched, so each type ends with an index signature rather than pretending to be complete.

/** Fields every state snapshot may carry. */
export interface DeviceStateBase {
  id?: string
  /** ISO 8601 time the snapshot was taken. */
  createdAt?: string
  [field: string]: unknown
}

export interface BatteryState extends DeviceStateBase {
  /** Stored energy in Wh. */
  charge?: number | null
  /** Stored energy as a percentage of capacity, 0–100. */
  chargePercentage?: number | null
  chargingState?: ChargingState | null
  /** Power in W; negative while discharging. */
  chargeRate?: number | null
  /** Percentage kept for outages, 0–100. */
  backupReserve?: number | null
  gridStatus?: 'importing' | 'exporting' | 'idle' | (string & {}) | null
  gridPower?: number | null
  gridEnergy?: number | null
  whConsumed?: number | null
  /** The operating strategy, e.g. `self_consumption`. */
  strategy?: string | null
  isStormModeEnabled?: boolean | null
}

export interface ChargerState extends DeviceStateBase {
  chargingState?: ChargingState | null
  isPluggedIn?: boolean | null
  chargerVoltage?: number | null
  chargerCurrent?: number | null
  chargerWattage?: number | null
}

export interface InverterState extends DeviceStateBase {
  /** Current production in W. */
  power?: number | null
  /** Energy produced today in Wh. */
  energyToday?: number | null
  /** Lifetime production in Wh. */
  lifetimeEnergy?: number | null
  isProducing?: boolean | null
}

/** Thermostat operating modes; the API may report others. */
export type ThermostatOperatingMode = 'off' | 'heat' | 'cool' | 'auto' | 'eco'
export type ThermostatFanMode = 'auto' | 'on' | 'circulate'

export interface ThermostatState extends DeviceStateBase {
  ambientTemperature?: number | null
  operatingMode?: ThermostatOperatingMode | (string & {}) | null
  heatTarget?: number | null
  coolTarget?: number | null
  fanMode?: ThermostatFanMode | (string & {}) | null
}

export interface VehicleState extends DeviceStateBase {
  charge?: number | null
  chargingState?: ChargingState | null
  chargePercentage?: number | null
  /** Percentage the vehicle stops charging at, 0–100. */
  chargeLimit?: number | null
  chargeCompletionDate?: string | null
  chargeCompletedAt?: string | null
  isPluggedIn?: boolean | null
  chargerVoltage?: number | null
  chargerCurrent?: number | null
  chargerWattage?: number | null
  /** Remaining range as the manufacturer reports it. */
  range?: number | null
  latitude?: number | null
  longitude?: number | null
}

/** The state type for each device type. */
export interface DeviceStateByType {
  battery: BatteryState
  charger: ChargerState
  inverter: InverterState
  thermostat: ThermostatState
  vehicle: VehicleState
}

export type DeviceState = DeviceStateByType[DeviceType]

/** A command the device accepts, as listed in `availableCommands`. */
export interface AvailableCommand {
  slug: CommandSlug | (string & {})
  description?: string
  [field: string]: unknown
}

export interface DeviceLocation {
  address?: {
    streetOne?: string | null
    streetTwo?: string | null
    city?: string | null
    state?: string | null
    postalCode?: string | null
    country?: string | null
  } | null
  coordinates?: { latitude: number; longitude: number } | null
  [field: string]: unknown
}

/** A tag your app attached to a device at connection time, e.g. `'upstairs'`. */
export type Tag = string

/** Fields every device has, whatever its type. */
export interface DeviceBase<Type extends DeviceType> {
  id: string
  type: Type
  /** The name the user gave it at the manufacturer, if any. */
  name?: string | null
  manufacturer: string
  model?: string | null
  modelYear?: number | null
  serialNumber?: string | null
  manufacturerDeviceId?: string | null
  /** Your identifier for the end user, given when they connected. */
  referenceId?: string | null
  /** The latest state; `null` until the device first reports. */
  state?: DeviceStateByType[Type] | null
  availableCommands?: AvailableCommand[]
  tags?: Tag[]
  location?: DeviceLocation | null
  createdAt?: string
  updatedAt?: string
  [field: string]: unknown
}

export type BatteryDevice = DeviceBase<'battery'>
export type ChargerDevice = DeviceBase<'charger'>
export type InverterDevice = DeviceBase<'inverter'>
export type ThermostatDevice = DeviceBase<'thermostat'>
export type VehicleDevice = DeviceBase<'vehicle'>

/**
 * A device the scoped key may see. Narrow on `type` to reach the state fields of that kind:
 *
 * @example
 * if (device.type === 'battery') console.log(device.state?.chargePercentage)
 */
export type Device = BatteryDevice | ChargerDevice | InverterDevice | ThermostatDevice | VehicleDevice

/** Filters for `devices.list()` and `devices.iterate()`, sent as query parameters. */
export interface DeviceListParams extends PageParams {
  /** Only devices of this type. */
  type?: DeviceType
  /** Only devices of this manufacturer, e.g. `'tesla'`. */
  manufacturer?: string
}

/** `GET /devices/{id}/history` query: a time window (ISO 8601 strings or `Date`s) and a page. */
export interface DeviceHistoryParams extends PageParams {
  from?: string | Date
  to?: string | Date
}

/** One state snapshot in a device's history. */
export interface DeviceHistoryEntry<State extends DeviceStateBase = DeviceState> {
  /** ISO 8601 time of the snapshot. */
  timestamp: string
  deviceId?: string
  state: State
  [field: string]: unknown
}

export type AlertSeverity = 'info' | 'warning' | 'critical'

/** Something the device or Texture flagged, e.g. a lost connection or a fault code. */
export interface Alert {
  id: string
  deviceId?: string
  /** Machine-readable kind, e.g. `'device-offline'`. */
  type?: string
  severity?: AlertSeverity | (string & {})
  message: string
  createdAt: string
  /** When it cleared; `null` while active. */
  resolvedAt?: string | null
  [field: string]: unknown
}

/** The body of `GET /devices/{id}/alerts` (the client returns `data`). */
export interface DeviceAlertsResponse {
  data: Alert[]
}

/** The body of `GET /devices/{id}/tags` (the client returns `data`). */
export interface DeviceTagsResponse {
  data: Tag[]
}
