import { sampleDeviceState } from './device-state'
import { errorResponse } from './responses'
import type { Device, DeviceHistoryEntry, DeviceState } from './shapes'

/** History has one snapshot every 15 minutes, on the quarter hour. */
export const historyIntervalMs = 15 * 60 * 1000
const day = 24 * 60 * 60 * 1000
const longestWindowMs = 31 * day

export interface HistoryWindow {
  from: number
  to: number
}

/**
 * Reads `from`/`to` (ISO 8601; default the last 24 hours, `to` at most now). A window that is
 * unreadable, reversed or longer than 31 days is a 400.
 */
export function readHistoryWindow(url: URL, now: number): HistoryWindow | Response {
  const to = readTime(url, 'to', now)
  if (to === undefined) return invalidTime('to')
  const from = readTime(url, 'from', Math.min(to, now) - day)
  if (from === undefined) return invalidTime('from')
  if (from > to) return errorResponse(400, { code: 'invalid-parameter', message: '`from` must not be after `to`.', details: { parameter: 'from' } })
  if (to - from > longestWindowMs) return errorResponse(400, { code: 'invalid-parameter', message: 'The history window may span at most 31 days.', details: { parameter: 'from' } })
  return { from, to: Math.min(to, now) }
}

/**
 * The device's snapshots in the window, oldest first. Generated from the clock: the same device
 * and window always give the same entries, and a later `now` adds new ones at the end.
 */
export function deviceHistory(device: Device, window: HistoryWindow): DeviceHistoryEntry[] {
  const entries: DeviceHistoryEntry[] = []
  // Nothing before the device was connected.
  const connectedAt = Date.parse(device.createdAt ?? '')
  const start = Number.isNaN(connectedAt) ? window.from : Math.max(window.from, connectedAt)
  const first = Math.ceil(start / historyIntervalMs) * historyIntervalMs
  for (let time = first; time <= window.to; time += historyIntervalMs) {
    entries.push({ timestamp: new Date(time).toISOString(), deviceId: device.id, state: sampleDeviceState(device, time) as DeviceState })
  }
  return entries
}

function readTime(url: URL, name: string, fallback: number): number | undefined {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  const time = Date.parse(raw)
  return Number.isNaN(time) ? undefined : time
}

function invalidTime(name: string): Response {
  return errorResponse(400, { code: 'invalid-parameter', message: `\`${name}\` must be an ISO 8601 date-time.`, details: { parameter: name } })
}
