import type { CommandSlug, Device, DeviceType } from './shapes'

/** Why an input is wrong, or `undefined` when it is fine. */
type InputCheck = (input: Record<string, unknown>) => string | undefined

export interface CommandDefinition {
  /** `type:command`, e.g. `battery:set-reserve`. */
  slug: CommandSlug
  deviceType: DeviceType
  description: string
  check: InputCheck
  /** The device after the command succeeded. */
  apply(device: Device, input: Record<string, unknown>): Device
}

const oneOf =
  (field: string, values: readonly string[]): InputCheck =>
  (input) =>
    typeof input[field] === 'string' && values.includes(input[field] as string) ? undefined : `\`input.${field}\` must be one of ${values.join(', ')}.`

const between =
  (field: string, low: number, high: number): InputCheck =>
  (input) => {
    const value = input[field]
    return typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high ? undefined : `\`input.${field}\` must be a number from ${low} to ${high}.`
  }

const optionalBetween =
  (field: string, low: number, high: number): InputCheck =>
  (input) =>
    input[field] === undefined ? undefined : between(field, low, high)(input)

function pickDefined(input: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]))
}

function withState(device: Device, changes: Record<string, unknown>): Device {
  return { ...device, state: { ...device.state, ...changes } } as Device
}

// One entry per slug the typed client declares: a slug added there and not here fails to compile.
const definitions: { [Slug in CommandSlug]: Omit<CommandDefinition, 'slug'> } = {
  'battery:set-reserve': {
    deviceType: 'battery',
    description: 'Sets the reserve percentage of the battery.',
    check: between('chargePercentage', 0, 100),
    apply: (device, input) => withState(device, { backupReserve: input.chargePercentage }),
  },
  'battery:set-operating-mode': {
    deviceType: 'battery',
    description: 'Sets the operating mode of the battery.',
    check: oneOf('operatingMode', ['self_consumption', 'time_of_use', 'backup']),
    apply: (device, input) => withState(device, { strategy: input.operatingMode }),
  },
  'thermostat:set-operating-mode': {
    deviceType: 'thermostat',
    description: 'Sets the operating mode of the thermostat.',
    check: (input) => oneOf('operatingMode', ['off', 'heat', 'cool', 'auto', 'eco'])(input) ?? optionalBetween('heatTarget', 45, 90)(input) ?? optionalBetween('coolTarget', 50, 95)(input),
    apply: (device, input) => withState(device, pickDefined(input, ['operatingMode', 'heatTarget', 'coolTarget'])),
  },
  'thermostat:set-fan-mode': {
    deviceType: 'thermostat',
    description: 'Sets the fan mode of the thermostat.',
    check: oneOf('fanMode', ['auto', 'on', 'circulate']),
    apply: (device, input) => withState(device, { fanMode: input.fanMode }),
  },
  'charger:set-operating-mode': {
    deviceType: 'charger',
    description: 'Starts or stops charging.',
    check: oneOf('operatingMode', ['charging', 'idle']),
    apply: (device, input) => withState(device, { chargingState: input.operatingMode }),
  },
  'vehicle:set-operating-mode': {
    deviceType: 'vehicle',
    description: 'Starts or stops charging the vehicle.',
    check: oneOf('operatingMode', ['charging', 'idle']),
    apply: (device, input) => withState(device, { chargingState: input.operatingMode }),
  },
  'vehicle:set-charge-limit': {
    deviceType: 'vehicle',
    description: 'Sets the charge limit of the vehicle.',
    check: between('chargeLimit', 50, 100),
    apply: (device, input) => withState(device, { chargeLimit: input.chargeLimit }),
  },
}

/** Every command the fake knows, keyed by slug: exactly the slugs the typed client sends. */
export const commandCatalog: Readonly<Record<string, CommandDefinition>> = Object.fromEntries(
  Object.entries(definitions).map(([slug, definition]) => [slug, { ...definition, slug: slug as CommandSlug }]),
)

/** The `availableCommands` a device of `type` lists. */
export function availableCommandsFor(type: DeviceType): Array<{ slug: CommandSlug; description: string }> {
  return Object.values(commandCatalog)
    .filter((definition) => definition.deviceType === type)
    .map(({ slug, description }) => ({ slug, description }))
}

/** The definition for `slug`, or `undefined` for a command the fake does not know. */
export function findCommandDefinition(slug: string): CommandDefinition | undefined {
  return Object.hasOwn(commandCatalog, slug) ? commandCatalog[slug] : undefined
}
