import type { Device, DeviceType } from './shapes'
import { dailyWave, hashToUnit, round } from './waveform'

type State = Record<string, unknown>

/** Settings a person or a command sets; the fake keeps them while the measured values move. */
const defaultSettings: Record<DeviceType, State> = {
  battery: { backupReserve: 20, strategy: 'self_consumption', isStormModeEnabled: false },
  charger: { isPluggedIn: true },
  inverter: {},
  thermostat: { operatingMode: 'auto', fanMode: 'auto', heatTarget: 68, coolTarget: 76 },
  vehicle: { chargeLimit: 80, isPluggedIn: true },
}

const measured: Record<DeviceType, (seed: string, time: number, settings: State) => State> = {
  battery: (seed, time, settings) => {
    const reserve = Number(settings.backupReserve ?? 20)
    const chargePercentage = round(dailyWave(seed, time, Math.max(reserve, 10), 98))
    const chargeRate = Math.round(dailyWave(`${seed}:rate`, time, -5000, 5000))
    const gridPower = Math.round(dailyWave(`${seed}:grid`, time, -3000, 3000))
    return {
      chargePercentage,
      charge: Math.round(135 * chargePercentage),
      chargeRate,
      chargingState: Math.abs(chargeRate) < 250 ? 'idle' : chargeRate > 0 ? 'charging' : 'discharging',
      gridPower,
      gridStatus: Math.abs(gridPower) < 100 ? 'idle' : gridPower > 0 ? 'importing' : 'exporting',
    }
  },
  charger: (seed, time, settings) => {
    const wattage = settings.isPluggedIn === true && settings.chargingState !== 'idle' ? Math.round(dailyWave(seed, time, 0, 7600)) : 0
    return {
      chargingState: settings.chargingState ?? (wattage > 500 ? 'charging' : 'idle'),
      chargerVoltage: 240,
      chargerCurrent: round(wattage / 240),
      chargerWattage: wattage,
    }
  },
  inverter: (seed, time) => {
    const hour = (time / 3_600_000) % 24
    const sun = Math.max(0, Math.sin(((hour - 6) / 12) * Math.PI))
    const power = Math.round(sun * dailyWave(seed, time, 4200, 6800))
    const daysSinceEpoch = Math.floor(time / 86_400_000)
    return {
      power,
      isProducing: power > 0,
      // The share of the day's sunshine already past, times this device's daily yield.
      energyToday: Math.round(((1 - Math.cos((Math.min(12, Math.max(0, hour - 6)) / 12) * Math.PI)) / 2) * (18_000 + hashToUnit(seed) * 14_000)),
      lifetimeEnergy: 40_000_000 + daysSinceEpoch * 1000 + Math.round(hashToUnit(seed) * 1_000_000),
    }
  },
  thermostat: (seed, time, settings) => ({
    ambientTemperature: round(dailyWave(seed, time, Number(settings.heatTarget ?? 68) - 2, Number(settings.coolTarget ?? 76) + 1)),
  }),
  vehicle: (seed, time, settings) => {
    const chargePercentage = round(dailyWave(seed, time, 35, Number(settings.chargeLimit ?? 80)))
    return {
      chargePercentage,
      range: Math.round(chargePercentage * 3.3),
      chargingState: settings.chargingState ?? (dailyWave(`${seed}:plug`, time, 0, 1) > 0.5 ? 'charging' : 'idle'),
    }
  },
}

/** The state a new device of `type` starts with at `time`: default settings plus measured values. */
export function initialState(type: DeviceType, deviceId: string, time: number): State {
  return stateAt(type, deviceId, defaultSettings[type], time)
}

/**
 * The device's state at `time`: its settings (reserve, modes, targets, limits) kept, its measured
 * values (charge, power, temperature) generated from the clock — the same device and time always
 * give the same state.
 */
export function sampleDeviceState(device: Device, time: number): State {
  return stateAt(device.type, device.id, device.state as unknown as State, time)
}

function stateAt(type: DeviceType, deviceId: string, settings: State, time: number): State {
  return {
    ...settings,
    ...measured[type](deviceId, time, settings),
    id: `${deviceId}_state_${time}`,
    createdAt: new Date(time).toISOString(),
  }
}
