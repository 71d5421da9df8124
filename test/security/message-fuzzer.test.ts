import { afterEach, describe, expect, it, vi } from 'vitest'
import { stubWindowOpen } from '../connect/support/fake-popup'
import { hostedOrigin, linkUrl, postMessageFrom, protocolMessage, stateOf } from '../connect/support/hosted'
import { flushPromises, openSession } from '../connect/support/sessions'
import { createTally, printFigures } from './support/figures'
import { forgedRelay, hostileData, protocolTypes, validMessage, validRelay, type HostileCase } from './support/hostile-messages'
import { callbackSpies, observeSession, prototypeFingerprint, watchEscapes } from './support/observe'
import { createRandom, type Random } from './support/prng'

// FUZZ_SEED=<n> reproduces a run; the seed is printed with the figures.
const seed = Number(process.env.FUZZ_SEED ?? 20_250_601)
const batches = 10
const perBatch = 1_050

/** Origins that are not the Connect origin, however close they look. */
const lookAlikeOrigins = [
  'https://evil.test',
  'https://connect.example.com:8443',
  'https://connect.example.com:443',
  'https://connect.example.com/',
  'https://connect.example.com/link',
  'null',
  '',
  'http://connect.example.com',
  'https://connect.example.com.evil.test',
  'https://evil.test/https://connect.example.com',
  'HTTPS://CONNECT.EXAMPLE.COM',
  'https://connect.example.co',
  'https://xconnect.example.com',
  'https://sub.connect.example.com',
  'https://c\u03bfnnect.example.com',
  'https://xn--cnnect-6ve.example.com',
  'https://connect.example.com\u0000',
  ' https://connect.example.com',
]

type Sender = { source: Window | null; origin: string }

/** Real postMessage hands the listener a structured clone; uncloneable data is dispatched as is. */
function cloned(data: unknown): unknown {
  try {
    return structuredClone(data)
  } catch {
    return data
  }
}

/** One message of the fuzz: which rule it breaks, where it comes from, what it says. */
function nextCase(random: Random, state: string, popup: Window, strangers: Window[]): HostileCase & { from: Sender } {
  const right = { source: popup, origin: hostedOrigin }
  const roll = random.int(100)
  if (roll < 15) return { kind: 'look-alike origin, right window', data: validMessage(random, state), from: { source: popup, origin: random.pick(lookAlikeOrigins) } }
  if (roll < 25) return { kind: 'right origin, wrong window', data: validMessage(random, state), from: { source: random.pick([window, null, ...strangers]), origin: hostedOrigin } }
  if (roll < 30) return { kind: 'app origin (a relay-like path)', data: validMessage(random, state), from: { source: popup, origin: location.origin } }
  if (roll < 34) return { kind: 'relay: right state, hosted origin', data: validRelay(random, state), from: right }
  if (roll < 38) return { kind: 'relay: right state, wrong window', data: validRelay(random, state), from: { source: random.pick([window, null, ...strangers]), origin: location.origin } }
  if (roll < 42) return { ...forgedRelay(random, state), from: { source: popup, origin: location.origin } }
  return { ...hostileData(random, state), from: right }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('message fuzzer: a live popup session in happy-dom', () => {
  it(`drops ${batches * perBatch} generated hostile messages without a callback, an escaped exception or prototype pollution, then settles once on a valid success`, async () => {
    const random = createRandom(seed)
    const windowOpen = stubWindowOpen()
    const escapes = watchEscapes()
    const prototypesBefore = prototypeFingerprint()
    const tally = createTally(['sent', 'callbacks', 'escaped'] as const)
    // Windows that are not the session's popup: another tab of the hosted origin, a look-alike object.
    const strangers = [{ closed: false } as unknown as Window, { ...({} as object), postMessage() {} } as unknown as Window]

    try {
      for (let batch = 0; batch < batches; batch++) {
        const callbacks = callbackSpies()
        const session = openSession({ linkUrl, ...callbacks })
        const popup = windowOpen.latest
        const state = stateOf(popup.url)
        await flushPromises()
        const observed = observeSession(session, callbacks)

        for (let index = 0; index < perBatch; index++) {
          const hostile = nextCase(random, state, popup.window, [...strangers, ...windowOpen.popups.slice(0, -1).map((old) => old.window)])
          const firedBefore = observed.fired()
          const escapedBefore = escapes.seen.length
          postMessageFrom({ ...hostile.from, data: cloned(hostile.data) })
          tally.add(hostile.kind, 'sent')
          tally.add(hostile.kind, 'callbacks', observed.fired() - firedBefore)
          tally.add(hostile.kind, 'escaped', escapes.seen.length - escapedBefore)
        }
        await flushPromises()
        expect(observed.fired(), `batch ${batch} (seed ${seed})`).toBe(0)
        expect(observed.settled).toBeUndefined()
        expect(popup.close).not.toHaveBeenCalled()

        // The real flow still works after the storm, and settles exactly once.
        const scopedKey = `scoped_real_${batch}`
        postMessageFrom({ source: popup.window, origin: hostedOrigin, data: protocolMessage(state, 'success', { scopedKey }) })
        await expect(session.result).resolves.toEqual({ scopedKey, metadata: {} })

        // Terminal messages after settlement, all of them valid: nothing moves.
        for (let index = 0; index < 50; index++) {
          const type = random.pick(protocolTypes)
          postMessageFrom({ source: popup.window, origin: hostedOrigin, data: validMessage(random, state, type) })
          postMessageFrom({ source: popup.window, origin: location.origin, data: validRelay(random, state) })
          tally.add('after settlement (valid, right state)', 'sent', 2)
        }
        await flushPromises()
        expect(callbacks.onSuccess).toHaveBeenCalledTimes(1)
        expect(callbacks.onSuccess).toHaveBeenCalledWith({ scopedKey, metadata: {} })
        expect(observed.events.success).toHaveBeenCalledTimes(1)
        expect(observed.events.close).toHaveBeenCalledTimes(1)
        expect(observed.fired()).toBe(3) // onSuccess, the success event, the close event
        expect(observed.settlements).toBe(1)
        expect(popup.close).toHaveBeenCalled()
      }
    } finally {
      escapes.stop()
    }

    printFigures(`happy-dom message fuzzer, popup session (seed ${seed}; FUZZ_SEED=${seed} reproduces)`, [
      ...tally.rows(),
      { case: 'TOTAL', sent: tally.total('sent'), callbacks: tally.total('callbacks'), escaped: tally.total('escaped') },
    ])
    expect(tally.total('sent')).toBeGreaterThanOrEqual(10_000)
    expect(tally.total('callbacks')).toBe(0)
    expect(escapes.seen).toEqual([])
    expect(prototypeFingerprint()).toBe(prototypesBefore)
  })

  it('drops forged relays on the BroadcastChannel (another state, no state, not a scoped key), then takes the real one once', async () => {
    const random = createRandom(seed + 1)
    const windowOpen = stubWindowOpen()
    const escapes = watchEscapes()
    const callbacks = callbackSpies()
    const session = openSession({ linkUrl, ...callbacks })
    const state = stateOf(windowOpen.latest.url)
    await flushPromises()
    const observed = observeSession(session, callbacks)
    const tally = createTally(['sent', 'callbacks'] as const)

    // A listener of our own tells when every forged relay has been delivered.
    const witness = new BroadcastChannel('texture-connect')
    const sender = new BroadcastChannel('texture-connect')
    // It also hears the session's answers: a forged relay must never be acknowledged.
    let delivered = 0
    let acknowledgements = 0
    witness.onmessage = (event) => (event.data?.type === 'relay-ack' ? acknowledgements++ : delivered++)
    const forged = 500
    for (let index = 0; index < forged; index++) {
      const relay = forgedRelay(random, state)
      // Only what structured clone can carry crosses a BroadcastChannel.
      try {
        sender.postMessage(relay.data)
      } catch {
        sender.postMessage(JSON.parse(JSON.stringify(relay.data ?? null)))
      }
      tally.add(`BroadcastChannel ${relay.kind}`, 'sent')
    }
    await vi.waitFor(() => expect(delivered).toBe(forged))
    await flushPromises()
    tally.add('BroadcastChannel relays', 'callbacks', observed.fired())
    expect(observed.fired()).toBe(0)
    expect(acknowledgements).toBe(0)

    sender.postMessage(validRelay(random, state))
    const result = await session.result
    expect(result.scopedKey).toMatch(/^scoped_relayed_/)
    sender.postMessage(validRelay(random, state))
    await vi.waitFor(() => expect(delivered).toBe(forged + 2))
    await flushPromises()
    expect(callbacks.onSuccess).toHaveBeenCalledTimes(1)
    expect(observed.settlements).toBe(1)
    expect(acknowledgements).toBe(1)
    witness.close()
    sender.close()
    escapes.stop()
    printFigures(`happy-dom BroadcastChannel relay forgeries (seed ${seed + 1})`, tally.rows())
    expect(escapes.seen).toEqual([])
  })
})
