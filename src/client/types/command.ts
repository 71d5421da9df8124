import type { ThermostatFanMode, ThermostatOperatingMode } from './device'
import type { PageParams } from './page'

/**
 * Where a command is: `pending`/`scheduled` are in flight; `success`, `completed` and `failed`
 * are terminal (the API has used both `success` and `completed` for a command that worked).
 */
export type CommandStatus = 'pending' | 'scheduled' | 'success' | 'completed' | 'failed'

/** The statuses after which a command never changes again. */
export type TerminalCommandStatus = Extract<CommandStatus, 'success' | 'completed' | 'failed'>

export type BatteryOperatingMode = 'self_consumption' | 'time_of_use' | 'backup'
/** `charging` lets the charger (or vehicle) draw power; `idle` pauses charging. */
export type ChargingOperatingMode = 'charging' | 'idle'

/**
 * The `input` each command takes, keyed by slug (`type:command`). This map drives the types of
 * `commands.send()`: a slug not listed here, or a wrong input, does not compile.
 */
export interface CommandInputs {
  'battery:set-reserve': {
    /** Percentage of capacity kept for outages, 0–100. */
    chargePercentage: number
  }
  'battery:set-operating-mode': {
    operatingMode: BatteryOperatingMode
  }
  'thermostat:set-operating-mode': {
    operatingMode: ThermostatOperatingMode
    /** Heating set point, in the thermostat's unit. */
    heatTarget?: number
    /** Cooling set point, in the thermostat's unit. */
    coolTarget?: number
  }
  'thermostat:set-fan-mode': {
    fanMode: ThermostatFanMode
  }
  'charger:set-operating-mode': {
    operatingMode: ChargingOperatingMode
  }
  'vehicle:set-operating-mode': {
    operatingMode: ChargingOperatingMode
  }
  'vehicle:set-charge-limit': {
    /** Percentage the vehicle stops charging at, 0–100. */
    chargeLimit: number
  }
}

/** Every command the client can send, as `type:command`. */
export type CommandSlug = keyof CommandInputs

/** The body of `commands.send(slug, …)`. */
export interface CommandSendParams<Slug extends CommandSlug> {
  deviceId: string
  input: CommandInputs[Slug]
}

/** A command sent to a device; asynchronous, so track it with `commands.retrieve()` or `waitFor()`. */
export interface Command<Slug extends CommandSlug = CommandSlug> {
  id: string
  status: CommandStatus
  deviceId: string
  /** The slug, e.g. `'battery:set-reserve'`; a command sent by other means may carry another. */
  command: Slug | (string & {})
  createdAt: string
  updatedAt?: string
  input?: CommandInputs[Slug] | Record<string, unknown>
  /** When the manufacturer carried it out, once it has. */
  executedAt?: string | null
  /** Why it failed, when `status` is `failed`. */
  error?: { message: string; code?: string; [field: string]: unknown } | null
  [field: string]: unknown
}

/** `GET /devices/{id}/commands` query. */
export interface CommandLogParams extends PageParams {
  /** Only commands with this status (or any of these). */
  status?: CommandStatus | CommandStatus[]
}
