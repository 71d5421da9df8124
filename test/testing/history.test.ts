import { describe, expect, it } from 'vitest'
import type { BatteryState, DeviceHistoryEntry } from '../../src/client/types/device'
import type { Page } from '../../src/client/types/page'
import { historyIntervalMs } from '../../src/testing/index'
import { ada, call, expectJson, useFakeTexture } from './support'

let clock = Date.parse('2026-03-01T12:07:00.000Z')
useFakeTexture({ now: () => clock })

type History = Page<DeviceHistoryEntry<BatteryState>>
const historyOf = async (query: string) => expectJson<History>(await call(`/devices/dev_ada_powerwall/history${query}`, ada.scopedKey), 200)

describe('device history', () => {
  it('covers the last 24 hours by default, one entry per quarter hour, oldest first', async () => {
    const page = await historyOf('?perPage=100')
    expect(page.totalItems).toBe(96)
    expect(page.data[0]!.timestamp).toBe('2026-02-28T12:15:00.000Z')
    const times = page.data.map((entry) => Date.parse(entry.timestamp))
    expect(times.slice(1).map((time, index) => time - times[index]!)).toEqual(Array(95).fill(historyIntervalMs))
    expect(page.data[0]).toMatchObject({ deviceId: 'dev_ada_powerwall', state: { chargePercentage: expect.any(Number), backupReserve: 20 } })
  })

  it('keeps to the from/to window', async () => {
    const page = await historyOf('?from=2026-03-01T00:00:00.000Z&to=2026-03-01T01:00:00.000Z')
    expect(page.data.map((entry) => entry.timestamp)).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2026-03-01T00:15:00.000Z',
      '2026-03-01T00:30:00.000Z',
      '2026-03-01T00:45:00.000Z',
      '2026-03-01T01:00:00.000Z',
    ])
  })

  it('is the same for the same window, and grows as the clock moves', async () => {
    const window = '?from=2026-03-01T06:00:00.000Z&perPage=100'
    const before = await historyOf(window)
    expect(await historyOf(window)).toEqual(before)
    clock += 60 * 60 * 1000
    const after = await historyOf(window)
    expect(after.totalItems).toBe(before.totalItems + 4)
    expect(after.data.slice(0, before.data.length)).toEqual(before.data)
  })

  it('changes over time', async () => {
    const page = await historyOf('?perPage=100')
    expect(new Set(page.data.map((entry) => entry.state.chargePercentage)).size).toBeGreaterThan(20)
  })

  it('pages like every list', async () => {
    const page = await historyOf('?page=2&perPage=10')
    expect(page).toMatchObject({ page: 2, perPage: 10, totalItems: 96, totalPages: 10 })
    expect(page.data).toHaveLength(10)
  })

  it.each(['from=yesterday', 'from=2026-03-01T10:00:00Z&to=2026-03-01T09:00:00Z', 'from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z'])('rejects %s with a 400', async (query) => {
    expect((await call(`/devices/dev_ada_powerwall/history?${query}`, ada.scopedKey)).status).toBe(400)
  })
})
