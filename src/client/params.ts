import { optionError } from './option-error'
import type { CommandStatus } from './types/command'
import type { DeviceType } from './types/device'
import type { PageParams } from './types/page'

// Runtime checks for what the types already say, for callers in plain JavaScript: a bad value
// fails here, before any request, with a message naming the parameter.

const deviceTypes: readonly DeviceType[] = ['battery', 'charger', 'inverter', 'thermostat', 'vehicle']
export const commandStatuses: readonly CommandStatus[] = ['pending', 'scheduled', 'success', 'completed', 'failed']

/** `params` itself when it is an object (or `{}` when absent). */
export function assertParams<T extends object>(params: T | undefined, method: string): T | Record<string, never> {
  if (params === undefined) return {}
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw optionError(`\`${method}\` takes an object of parameters.`)
  }
  return params
}

/** `page` and `perPage`, each a whole number of 1 or more when given. */
export function pageQuery(params: PageParams): { page?: number; perPage?: number } {
  return { page: positiveInteger(params.page, 'page'), perPage: positiveInteger(params.perPage, 'perPage') }
}

export function positiveInteger(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw optionError(`\`${name}\` must be a whole number of 1 or more; got ${JSON.stringify(value) ?? typeof value}.`)
  }
  return value
}

/** A point in time as the API wants it: an ISO 8601 string. */
export function isoTime(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw optionError(`\`${name}\` is an invalid Date.`)
    return value.toISOString()
  }
  if (typeof value !== 'string' || value.trim() === '' || Number.isNaN(Date.parse(value))) {
    throw optionError(`\`${name}\` must be a Date or an ISO 8601 date string.`)
  }
  return value
}

export function deviceType(value: unknown): DeviceType | undefined {
  if (value === undefined) return undefined
  if (!deviceTypes.includes(value as DeviceType)) {
    throw optionError(`\`type\` must be one of ${deviceTypes.join(', ')}.`)
  }
  return value as DeviceType
}

export function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value === '') throw optionError(`\`${name}\` must be a non-empty string.`)
  return value
}

export function commandStatusList(value: unknown): CommandStatus[] | undefined {
  if (value === undefined) return undefined
  const list = Array.isArray(value) ? value : [value]
  for (const status of list) {
    if (!commandStatuses.includes(status as CommandStatus)) {
      throw optionError(`\`status\` must be one of ${commandStatuses.join(', ')} (or an array of them).`)
    }
  }
  return list as CommandStatus[]
}
