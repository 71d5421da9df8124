import type { Random } from './prng'

/**
 * Generators of hostile `message` data for the fuzzers (unit and Chromium). Pure data, no DOM and
 * no imports but the PRNG, so the browser test bundles this same file into its pages.
 *
 * `hostileData` is wrong however it arrives (right origin, right window): it must be dropped.
 * `validMessage` / `validRelay` are right in themselves: the fuzzers send them from a wrong origin
 * or window, where they must be dropped too.
 */
export interface HostileCase {
  /** Which rule the case breaks: the row of the printed table. */
  kind: string
  data: unknown
}

export const protocolTypes = ['ready', 'event', 'success', 'exit', 'error'] as const

const hex = '0123456789abcdef'

export function randomState(random: Random): string {
  let state = ''
  for (let index = 0; index < 32; index++) state += hex[random.int(16)]
  return state
}

/** A protocol v1 message of a random type that the SDK would accept from the right origin and window. */
export function validMessage(random: Random, state: string, type = random.pick(protocolTypes)): Record<string, unknown> {
  const base = { source: 'texture-connect', version: 1, state, type }
  switch (type) {
    case 'event':
      return { ...base, name: 'FORGED_EVENT', metadata: { step: random.int(10) } }
    case 'success':
      return { ...base, scopedKey: `scoped_forged_${random.int(1e9)}`, metadata: { referenceId: 'attacker' } }
    case 'exit':
      return { ...base, reason: 'user-cancelled' }
    case 'error':
      return { ...base, error: { code: 'FORGED', message: 'forged failure' } }
    default:
      return base
  }
}

/** A relay (docs/protocol.md#the-relay) with this state and a scoped key: valid on the app origin from the session's window, or on the BroadcastChannel. */
export function validRelay(random: Random, state: string): Record<string, unknown> {
  return { source: 'texture-connect', version: 1, type: 'relay', state, scopedKey: `scoped_relayed_${random.int(1e9)}` }
}

const badScopedKeys = (): unknown[] => [
  undefined,
  null,
  42,
  true,
  ['scoped_array'],
  { toString: 'scoped_object' },
  'api_live_secret_1234',
  'Scoped_capital',
  'SCOPED_UPPER',
  ' scoped_leading_space',
  'scoped_',
  'scoped-dash',
  'sk_scoped_inside',
  'xscoped_prefix',
  '',
  'scoped',
  new String('scoped_boxed'),
]
const badMetadata = (): unknown[] => [null, [], ['a'], 'metadata', 7, false]
const badStates = (state: string): unknown[] => [
  undefined,
  '',
  state.slice(0, 16),
  state.slice(0, 31),
  `${state}0`,
  ` ${state}`,
  state.toUpperCase(),
  [state],
  { state },
  Number.parseInt(state.slice(0, 8), 16),
  null,
  'undefined',
  state.replace(/.$/, (last) => (last === '0' ? '1' : '0')),
]
const badVersions: unknown[] = [undefined, 0, 2, -1, 1.5, '1', 'v1', true, null, [1], { version: 1 }, Number.NaN, Number.POSITIVE_INFINITY]
const badSources: unknown[] = [undefined, '', 'Texture-Connect', 'texture-connect ', 'texture', 'plaid-link', null, ['texture-connect'], 1]
const badTypes: unknown[] = [
  undefined,
  '',
  'SUCCESS',
  'success ',
  'Success',
  'relay',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  1,
  null,
  ['success'],
  { type: 'success' },
]

/** Replaces `field` (deleting it when the value is undefined). */
function withField(message: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const copy = { ...message }
  if (value === undefined) delete copy[field]
  else copy[field] = value
  return copy
}

/** The type-specific payload broken: the right envelope, an invalid body. */
function badPayload(random: Random, state: string): Record<string, unknown> {
  const type = random.pick(['event', 'success', 'exit', 'error'] as const)
  const message = validMessage(random, state, type)
  switch (type) {
    case 'success':
      return random.chance(0.7) ? withField(message, 'scopedKey', random.pick(badScopedKeys())) : withField(message, 'metadata', random.pick(badMetadata()))
    case 'event':
      return random.chance(0.6) ? withField(message, 'name', random.pick([undefined, '', 0, null, ['NAME'], { name: 'X' }])) : withField(message, 'metadata', random.pick(badMetadata()))
    case 'exit':
      return random.chance(0.5) ? withField(message, 'reason', random.pick([0, null, ['x'], { reason: 'x' }, true])) : withField(message, 'metadata', random.pick(badMetadata()))
    default:
      return withField(message, 'error', random.pick<unknown>([undefined, null, 'boom', ['boom'], 5, { code: 'X' }, { message: 5 }, { message: 'x', code: 5 }, { message: null }]))
  }
}

/** Messages whose only copy of a needed field sits under a `__proto__` or `constructor` key. */
function prototypeTricks(random: Random, state: string): unknown {
  const valid = validMessage(random, state, 'success')
  const json = JSON.stringify(valid)
  const choice = random.int(6)
  if (choice === 0) return JSON.parse(`{"__proto__": ${json}}`)
  if (choice === 1) return JSON.parse(`{"source":"texture-connect","version":1,"type":"success","scopedKey":"scoped_proto","__proto__":{"state":"${state}"}}`)
  if (choice === 2) return JSON.parse(`{"constructor":{"prototype":${json}},"source":"texture-connect","version":1,"state":"${state}","type":"constructor"}`)
  if (choice === 3) return JSON.parse(`{"source":"texture-connect","version":1,"state":"${state}","type":"__proto__","__proto__":{"polluted":"yes"}}`)
  // Otherwise invalid, with a polluting metadata object riding along.
  const broken = withField(valid, random.pick(['state', 'version', 'source', 'scopedKey']), undefined)
  return { ...broken, metadata: JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}') }
}

/** Anything that is not a plain object, including the valid message wrapped or serialised. */
function nonObject(random: Random, state: string): unknown {
  const valid = validMessage(random, state, 'success')
  return random.pick<() => unknown>([
    () => null,
    () => undefined,
    () => 0,
    () => -1,
    () => Number.NaN,
    () => true,
    () => '',
    () => 'texture-connect',
    () => JSON.stringify(valid),
    () => [valid],
    () => [],
    () => Object.values(valid),
    () => new Date(0),
    () => /texture-connect/,
    () => new Map(Object.entries(valid)),
    () => new Set([valid]),
    () => new Uint8Array(16),
    () => new ArrayBuffer(8),
    () => BigInt(7),
    () => new Error('texture-connect'),
    () => new String(JSON.stringify(valid)),
  ])()
}

function hugeString(random: Random): string {
  // 64 KiB to 1 MiB: large enough to hurt a regex or a logger, small enough to keep the run short.
  return 'x'.repeat(65_536 << random.int(5))
}

function deepValue(random: Random): unknown {
  const depth = 200 + random.int(1800)
  let value: unknown = { bottom: true }
  for (let level = 0; level < depth; level++) value = random.chance(0.5) ? { nested: value } : [value]
  return value
}

/** Breaks the message with a huge string where the SDK compares (state, type, source) or reads (key, name). */
function hugeField(random: Random, state: string): Record<string, unknown> {
  const valid = validMessage(random, state, 'success')
  const field = random.pick(['state', 'type', 'source', 'scopedKey', 'version'])
  const huge = hugeString(random)
  return withField(valid, field, field === 'scopedKey' ? `api_${huge}` : huge)
}

/** Breaks the message and buries deep nesting in it (metadata, error, or the key itself). */
function deepField(random: Random, state: string): Record<string, unknown> {
  const valid = validMessage(random, state, random.pick(['success', 'event', 'error'] as const))
  const broken = withField(valid, random.pick(['state', 'version', 'source']), random.pick(badVersions))
  return withField(broken, random.pick(['metadata', 'error', 'scopedKey', 'name']), deepValue(random))
}

const generators: Record<string, (random: Random, state: string) => unknown> = {
  'wrong/missing/partial state': (random, state) => withField(validMessage(random, state), 'state', random.pick(badStates(state))),
  'another session state': (random) => validMessage(random, randomState(random)),
  'wrong version': (random, state) => withField(validMessage(random, state), 'version', random.pick(badVersions)),
  'wrong namespace tag': (random, state) => withField(validMessage(random, state), 'source', random.pick(badSources)),
  'unknown or tricky type': (random, state) => withField(validMessage(random, state), 'type', random.pick(badTypes)),
  'bad payload / key type or prefix': badPayload,
  'non-object data': nonObject,
  '__proto__ / constructor keys': prototypeTricks,
  'huge strings': hugeField,
  'deep nesting': deepField,
}

/** Weights: huge and deep cases are costlier to clone, so they come less often. */
const weights: Record<string, number> = { 'huge strings': 0.25, 'deep nesting': 0.5 }

/** One hostile message: wrong in itself, so it must be dropped even from the right origin and window. */
export function hostileData(random: Random, state: string): HostileCase {
  const kinds = Object.keys(generators)
  for (;;) {
    const kind = random.pick(kinds)
    if (random.next() < (weights[kind] ?? 1)) return { kind, data: generators[kind]!(random, state) }
  }
}

/** A relay that must be dropped on any channel: another state, no state, not a scoped key, wrong tag. */
export function forgedRelay(random: Random, state: string): HostileCase {
  const valid = validRelay(random, state)
  const field = random.pick(['state', 'state', 'scopedKey', 'scopedKey', 'version', 'type', 'source'] as const)
  const value =
    field === 'state'
      ? random.pick([randomState(random), ...badStates(state)])
      : field === 'scopedKey'
        ? random.pick(badScopedKeys())
        : field === 'version'
          ? random.pick(badVersions)
          : field === 'type'
            ? random.pick(['Relay', 'success', 'relay ', undefined, null])
            : random.pick(badSources)
  return { kind: `relay: bad ${field}`, data: withField(valid, field, value) }
}
