import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CommandTimeoutError, ServerError, TextureError, TextureNetworkError, TextureTimeoutError, type Command, type CommandStatus } from '../../src/index'
import { baseUrl, createTestClient, rejectionOf, scopedKey, useFakeApi } from './support/api'

const { server, requests } = useFakeApi()

afterEach(() => {
  vi.useRealTimers()
})

function command(status: CommandStatus, extra: Partial<Command> = {}): Command {
  return { id: 'cmd_1', status, deviceId: 'dev_1', command: 'battery:set-reserve', createdAt: '2026-01-01T00:00:00Z', ...extra }
}

/** Answers `GET /commands/cmd_1` with each status in turn, repeating the last. */
function serveStatuses(...statuses: CommandStatus[]) {
  let polls = 0
  server.use(http.get(`${baseUrl}/commands/cmd_1`, () => HttpResponse.json(command(statuses[Math.min(polls++, statuses.length - 1)]!))))
}

describe('commands.send', () => {
  it('POSTs { deviceId, input } to /commands/{type}/{command} with the key', async () => {
    server.use(http.post(`${baseUrl}/commands/battery/set-reserve`, () => HttpResponse.json(command('pending'), { status: 201 })))
    const sent = await createTestClient().commands.send('battery:set-reserve', { deviceId: 'dev_1', input: { chargePercentage: 20 } })
    expect(sent).toMatchObject({ id: 'cmd_1', status: 'pending' })
    expect(requests).toHaveLength(1)
    expect(requests[0]!.method).toBe('POST')
    expect(requests[0]!.headers.get('Texture-Api-Key')).toBe(scopedKey)
    expect(requests[0]!.headers.get('Content-Type')).toBe('application/json')
    expect(await requests[0]!.json()).toEqual({ deviceId: 'dev_1', input: { chargePercentage: 20 } })
  })

  it('sends each slug to its own endpoint', async () => {
    server.use(http.post(`${baseUrl}/commands/:type/:command`, () => HttpResponse.json(command('pending'))))
    await createTestClient().commands.send('thermostat:set-fan-mode', { deviceId: 'dev_2', input: { fanMode: 'circulate' } })
    expect(new URL(requests[0]!.url).pathname).toBe('/v1/commands/thermostat/set-fan-mode')
  })

  it('never retries, even on a 503', async () => {
    server.use(http.post(`${baseUrl}/commands/battery/set-reserve`, () => HttpResponse.json({ code: 'server-error', message: 'Down' }, { status: 503, headers: { 'Retry-After': '0' } })))
    const error = await rejectionOf(createTestClient({ retry: 5 }).commands.send('battery:set-reserve', { deviceId: 'dev_1', input: { chargePercentage: 20 } }))
    expect(error).toBeInstanceOf(ServerError)
    expect(requests).toHaveLength(1)
  })

  it('never retries on a network failure', async () => {
    server.use(http.post(`${baseUrl}/commands/battery/set-reserve`, () => HttpResponse.error()))
    const error = await rejectionOf(createTestClient({ retry: 5 }).commands.send('battery:set-reserve', { deviceId: 'dev_1', input: { chargePercentage: 20 } }))
    expect(error).toBeInstanceOf(TextureNetworkError)
    expect((error as Error).message).toMatch(/^POST \/commands\/battery\/set-reserve failed/)
    expect(requests).toHaveLength(1)
  })

  it('never retries on a 429', async () => {
    server.use(http.post(`${baseUrl}/commands/vehicle/set-charge-limit`, () => HttpResponse.json({ code: 'rate-limited', message: 'Slow down', retryAfter: 0 }, { status: 429 })))
    await rejectionOf(createTestClient().commands.send('vehicle:set-charge-limit', { deviceId: 'dev_1', input: { chargeLimit: 80 } }))
    expect(requests).toHaveLength(1)
  })

  it.each([
    ['a slug without a colon', 'battery-set-reserve', { deviceId: 'dev_1', input: {} }],
    ['a slug with two colons', 'a:b:c', { deviceId: 'dev_1', input: {} }],
    ['a missing deviceId', 'battery:set-reserve', { input: { chargePercentage: 20 } }],
    ['an input that is not an object', 'battery:set-reserve', { deviceId: 'dev_1', input: 20 }],
    ['a slug segment of ..', '..:set-reserve', { deviceId: 'dev_1', input: {} }],
  ])('refuses %s before any request', async (_, slug, params) => {
    const error = await rejectionOf(createTestClient().commands.send(slug as never, params as never))
    expect(error).toBeInstanceOf(TextureError)
    expect(requests).toHaveLength(0)
  })
})

describe('commands.retrieve', () => {
  it('GETs /commands/{id}', async () => {
    serveStatuses('success')
    expect(await createTestClient().commands.retrieve('cmd_1')).toMatchObject({ id: 'cmd_1', status: 'success' })
    expect(new URL(requests[0]!.url).pathname).toBe('/v1/commands/cmd_1')
  })
})

describe('commands.waitFor', () => {
  it.each(['success', 'completed', 'failed'] as const)('polls until the command is %s and resolves with it', async (terminal) => {
    serveStatuses('pending', 'scheduled', terminal)
    const done = await createTestClient().commands.waitFor('cmd_1', { interval: 1 })
    expect(done.status).toBe(terminal)
    expect(requests).toHaveLength(3)
  })

  it('waits `interval` ms between polls', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    serveStatuses('pending', 'success')
    const done = createTestClient().commands.waitFor('cmd_1', { interval: 500 })
    await vi.advanceTimersByTimeAsync(0)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(499)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests).toHaveLength(2)
    await expect(done).resolves.toMatchObject({ status: 'success' })
  })

  it('rejects with a CommandTimeoutError carrying the last status when `timeout` passes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    serveStatuses('pending')
    const waiting = rejectionOf(createTestClient().commands.waitFor('cmd_1', { timeout: 3_000, interval: 1_000 }))
    await vi.advanceTimersByTimeAsync(3_000)
    const error = await waiting
    expect(error).toBeInstanceOf(CommandTimeoutError)
    expect(error).toBeInstanceOf(TextureTimeoutError)
    expect((error as CommandTimeoutError).command.status).toBe('pending')
    expect((error as Error).message).toContain('cmd_1')
    expect((error as Error).message).toContain('3000 ms')
    // Polls at 0, 1, 2 and 3 s: the last one right at the deadline.
    expect(requests).toHaveLength(4)
  })

  it('stops polling at once when the signal aborts, even mid-wait', async () => {
    serveStatuses('pending')
    const controller = new AbortController()
    // A wait far longer than the test's own timeout: only an abort that cuts the wait ends it.
    const waiting = rejectionOf(createTestClient().commands.waitFor('cmd_1', { interval: 600_000, timeout: 900_000, signal: controller.signal }))
    await vi.waitFor(() => expect(requests).toHaveLength(1))
    controller.abort(new Error('navigated away'))
    expect(await waiting).toEqual(new Error('navigated away'))
    expect(requests).toHaveLength(1)
  })

  it('passes an API error straight through', async () => {
    server.use(http.get(`${baseUrl}/commands/cmd_1`, () => HttpResponse.json({ code: 'not-found', message: 'No such command' }, { status: 404 })))
    const error = await rejectionOf(createTestClient().commands.waitFor('cmd_1'))
    expect((error as { status?: number }).status).toBe(404)
  })

  it('refuses a timeout or interval that is not a positive number', async () => {
    await expect(createTestClient().commands.waitFor('cmd_1', { timeout: 0 })).rejects.toThrow(/`timeout`/)
    await expect(createTestClient().commands.waitFor('cmd_1', { interval: -5 })).rejects.toThrow(/`interval`/)
    expect(requests).toHaveLength(0)
  })
})
