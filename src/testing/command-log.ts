import { findCommandDefinition } from './command-catalog'
import type { Command, Device } from './shapes'

/** A command as the fake keeps it: what it answers, plus when and how it will settle. */
interface CommandRecord {
  command: Command
  settlesAt: number
  outcome: { status: 'success' } | { status: 'failed'; error: { code: string; message: string } }
}

export interface SendCommandRequest {
  device: Device
  slug: string
  input: Record<string, unknown>
  now: number
}

export interface CommandLog {
  /** Records a `pending` command; it settles `delayMs` later, when the fake is next asked. */
  send(request: SendCommandRequest): Command
  /** Settles every command due at `now`: `success` applies its effect to the device. */
  settle(now: number, applyToDevice: (deviceId: string, change: (device: Device) => Device) => void): void
  find(id: string): Command | undefined
  /** The device's commands, newest first. */
  forDevice(deviceId: string): Command[]
  clear(): void
}

/**
 * The fake's commands. They settle lazily (on the next request after their delay), never by a
 * timer: nothing keeps running after a test, and fake timers move them along by moving the clock.
 */
export function createCommandLog(delayMs: number): CommandLog {
  let records: CommandRecord[] = []
  let counter = 0
  return {
    send({ device, slug, input, now }) {
      counter += 1
      const command: Command = {
        id: `cmd_${String(counter).padStart(6, '0')}`,
        status: 'pending',
        deviceId: device.id,
        command: slug,
        input,
        createdAt: new Date(now).toISOString(),
        updatedAt: new Date(now).toISOString(),
        executedAt: null,
        error: null,
      }
      records.push({ command, settlesAt: now + delayMs, outcome: decideOutcome(device, slug, input) })
      return { ...command }
    },
    settle(now, applyToDevice) {
      for (const record of records) {
        if (record.command.status !== 'pending' || record.settlesAt > now) continue
        const settledAt = new Date(record.settlesAt).toISOString()
        record.command = { ...record.command, status: record.outcome.status, updatedAt: settledAt }
        if (record.outcome.status === 'failed') {
          record.command.error = record.outcome.error
          continue
        }
        record.command.executedAt = settledAt
        const definition = findCommandDefinition(String(record.command.command))!
        const input = record.command.input as Record<string, unknown>
        applyToDevice(record.command.deviceId, (device) => ({ ...definition.apply(device, input), updatedAt: settledAt }))
      }
    },
    find(id) {
      const record = records.find((candidate) => candidate.command.id === id)
      return record === undefined ? undefined : { ...record.command }
    },
    forDevice(deviceId) {
      return records
        .filter((record) => record.command.deviceId === deviceId)
        .map((record) => ({ ...record.command }))
        .reverse()
    },
    clear() {
      records = []
      counter = 0
    },
  }
}

function decideOutcome(device: Device, slug: string, input: Record<string, unknown>): CommandRecord['outcome'] {
  const definition = findCommandDefinition(slug)
  if (definition === undefined || definition.deviceType !== device.type) {
    return { status: 'failed', error: { code: 'unsupported-command', message: `A ${device.type} does not support \`${slug}\`.` } }
  }
  const problem = definition.check(input)
  if (problem !== undefined) return { status: 'failed', error: { code: 'invalid-input', message: problem } }
  return { status: 'success' }
}
