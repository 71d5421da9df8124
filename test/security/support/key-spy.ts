import { inspect } from 'node:util'

/**
 * The key-hygiene spy of the unit suite (SECURITY.md: the SDK never logs a key, never writes one to
 * storage or cookies, never puts one in a URL it builds). `installKeySpy()` runs before every unit
 * test (test/setup/unit.ts) and wraps the places a key could leak to; `checkKeySpy()` runs after
 * it and throws, failing the test, if the SDK wrote a scoped key to any of them.
 *
 * Who wrote it: each wrapped call looks at its own stack. The innermost frame that is neither a
 * library nor this file decides: a frame under `src/` is the SDK (a violation); a frame under
 * `test/` is the test itself putting a key somewhere on purpose (a handleRedirect test landing on
 * `?texture_scoped_key=`), which is allowed; no such frame at all (a library's async callback)
 * counts as the SDK, to be safe. What can only be read after the fact (the calls a test's own
 * `vi.fn()` stand-in for `window.open` or `fetch` received, storage and cookie contents) has no
 * stack and always counts. `allowScopedKeys()` is the escape hatch for a test that deliberately
 * puts a key in one of those; it needs a reason.
 */
export type KeyChannel = 'console' | 'storage' | 'cookie' | 'window.open' | 'iframe src' | 'location' | 'history' | 'fetch'

export interface KeySighting {
  channel: KeyChannel
  /** What was seen, with the key masked. */
  text: string
  /** The frame that did it (file:line), or `after the fact`. */
  by: string
}

// "scoped_" then key characters, but not the parameter name `texture_scoped_key` itself.
const keyPattern = /(?<!texture_)scoped_[A-Za-z0-9_\-.~%]+/

/** True when `text` contains a scoped key. */
export function containsScopedKey(text: string): boolean {
  return keyPattern.test(text)
}

interface Registry {
  sightings: KeySighting[]
  allowed: Set<KeyChannel>
  undos: Array<() => void>
}

// On globalThis: the setup file and a test importing this module may hold two module instances.
const registryKey = Symbol.for('texture-connect.test.key-spy')
function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>
  holder[registryKey] ??= { sightings: [], allowed: new Set(), undos: [] }
  return holder[registryKey]
}

/** Lets the current test put a scoped key in `channel` itself; say why. Reset after each test. */
export function allowScopedKeys(channel: KeyChannel, because: string): void {
  if (because.trim() === '') throw new Error('allowScopedKeys() needs a reason')
  registry().allowed.add(channel)
}

/**
 * The SDK sightings so far in this test, removed from the record (for tests of the spy itself).
 * With `afterTheFact`, first reads what stand-ins, storage and cookies hold, as the check after the test does.
 */
export function takeKeySightings(afterTheFact = false): KeySighting[] {
  if (afterTheFact) seeAfterTheFact()
  return registry().sightings.splice(0)
}

// ---------------------------------------------------------------------------------------------

const wrapped = Symbol.for('texture-connect.test.key-spy.original')
type Wrapped = { [wrapped]?: unknown }

function unwrap<Value>(value: Value): Value {
  let current: unknown = value
  while (typeof current === 'function' && (current as Wrapped)[wrapped] !== undefined) current = (current as Wrapped)[wrapped]
  return current as Value
}

const thisFile = 'test/security/support/key-spy'
const setupFile = 'test/setup/'

/** `sdk` when the innermost own-code frame is under src/ (or there is none), else `test`. */
function writer(): { who: 'sdk' | 'test'; frame: string } {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 200
  const stack = new Error().stack ?? ''
  Error.stackTraceLimit = limit
  for (const line of stack.split('\n').slice(1)) {
    if (line.includes('node_modules') || line.includes('node:') || line.includes(thisFile) || line.includes(setupFile)) continue
    const frame = line.trim().replace(/^at /, '')
    if (/[\\/]src[\\/]/.test(line)) return { who: 'sdk', frame }
    if (/[\\/]test[\\/]/.test(line)) return { who: 'test', frame }
  }
  return { who: 'sdk', frame: '(no own-code frame: a library callback)' }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (value instanceof URL) return value.href
  if (typeof Request === 'function' && value instanceof Request) return value.url
  try {
    return inspect(value, { depth: 6, breakLength: Number.POSITIVE_INFINITY, maxStringLength: 10_000 })
  } catch {
    return String(value)
  }
}

function mask(text: string): string {
  return text.replace(new RegExp(keyPattern.source, 'g'), 'scoped_…').slice(0, 200)
}

/** Records a key in `values`, written to `channel` by whoever the stack says (or `after the fact`). */
function see(channel: KeyChannel, values: unknown[], by: 'stack' | 'after the fact'): void {
  const text = values.map(describeValue).join(' ')
  if (!containsScopedKey(text)) return
  if (by === 'after the fact') {
    registry().sightings.push({ channel, text: mask(text), by })
    return
  }
  const { who, frame } = writer()
  if (who === 'sdk') registry().sightings.push({ channel, text: mask(text), by: frame })
}

/** Replaces `target[name]` with a wrapper that reports its arguments; the undo puts the original back. */
function wrapMethod(target: object, name: string, channel: KeyChannel, pick: (args: unknown[]) => unknown[] = (args) => args): void {
  const ownBefore = Object.getOwnPropertyDescriptor(target, name)
  const original = unwrap((target as Record<string, unknown>)[name])
  if (typeof original !== 'function') return
  // A read-only, non-configurable property (msw's patched fetch) cannot be wrapped: it is read after the fact instead.
  if (ownBefore !== undefined && (ownBefore.get !== undefined || (!ownBefore.configurable && !ownBefore.writable))) return
  const wrapper = function (this: unknown, ...args: unknown[]) {
    see(channel, pick(args), 'stack')
    return (original as (...args: unknown[]) => unknown).apply(this, args)
  }
  ;(wrapper as Wrapped)[wrapped] = original
  if (ownBefore !== undefined && !ownBefore.configurable) (target as Record<string, unknown>)[name] = wrapper
  else Object.defineProperty(target, name, { configurable: true, enumerable: ownBefore?.enumerable ?? false, writable: true, value: wrapper })
  registry().undos.push(() => {
    if (ownBefore === undefined) delete (target as Record<string, unknown>)[name]
    else if (ownBefore.configurable) Object.defineProperty(target, name, { ...ownBefore, value: original })
    else (target as Record<string, unknown>)[name] = original
  })
}

/** Wraps the setter of accessor `name` found on `prototype` (or its chain) by defining it on `prototype`. */
function wrapSetter(prototype: object, name: string, channel: KeyChannel): void {
  let holder: object | null = prototype
  let descriptor: PropertyDescriptor | undefined
  while (holder !== null && descriptor === undefined) {
    descriptor = Object.getOwnPropertyDescriptor(holder, name)
    holder = Object.getPrototypeOf(holder) as object | null
  }
  if (descriptor?.set === undefined) return
  const original = descriptor
  const hadOwn = Object.prototype.hasOwnProperty.call(prototype, name)
  const ownBefore = Object.getOwnPropertyDescriptor(prototype, name)
  Object.defineProperty(prototype, name, {
    configurable: true,
    enumerable: original.enumerable ?? false,
    get: original.get,
    set(this: unknown, value: unknown) {
      see(channel, [value], 'stack')
      original.set!.call(this, value)
    },
  })
  registry().undos.push(() => {
    if (hadOwn) Object.defineProperty(prototype, name, ownBefore!)
    else delete (prototype as Record<string, unknown>)[name]
  })
}

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'assert', 'count', 'timeLog']

/** Wraps every place a key could leak to. Run before each unit test. */
export function installKeySpy(): void {
  const state = registry()
  state.sightings.length = 0
  state.allowed.clear()
  for (const method of consoleMethods) wrapMethod(console, method, 'console')
  if (typeof Storage === 'function') wrapMethod(Storage.prototype, 'setItem', 'storage')
  if (typeof document !== 'undefined') wrapSetter(Object.getPrototypeOf(document) as object, 'cookie', 'cookie')
  if (typeof window !== 'undefined') {
    wrapMethod(window, 'open', 'window.open', (args) => args.slice(0, 1))
    wrapSetter(HTMLIFrameElement.prototype, 'src', 'iframe src')
    wrapSetter(HTMLAnchorElement.prototype, 'href', 'location')
    wrapMethod(Element.prototype, 'setAttribute', 'iframe src', (args) => (['src', 'href', 'action', 'srcdoc'].includes(String(args[0]).toLowerCase()) ? [args[1]] : []))
    const LocationClass = Object.getPrototypeOf(window.location) as object
    wrapMethod(LocationClass, 'assign', 'location')
    wrapMethod(LocationClass, 'replace', 'location')
    wrapSetter(LocationClass, 'href', 'location')
    wrapSetter(LocationClass, 'search', 'location')
    wrapSetter(LocationClass, 'hash', 'location')
    const HistoryClass = Object.getPrototypeOf(window.history) as object
    wrapMethod(HistoryClass, 'pushState', 'history', (args) => args.slice(2))
    wrapMethod(HistoryClass, 'replaceState', 'history', (args) => args.slice(2))
  }
  if (typeof globalThis.fetch === 'function') wrapMethod(globalThis, 'fetch', 'fetch', (args) => args.slice(0, 1))
}

type MaybeMock = { mock?: { calls: unknown[][]; results: Array<{ value: unknown }> } }
const mockOf = (value: unknown) => (typeof value === 'function' ? (value as MaybeMock).mock : undefined)

/** What a test's own stand-ins received: `vi.fn()`/`vi.spyOn` replacements bypass the wrappers. */
function seeAfterTheFact(): void {
  for (const method of consoleMethods) {
    for (const args of mockOf((console as unknown as Record<string, unknown>)[method])?.calls ?? []) see('console', args, 'after the fact')
  }
  if (typeof window === 'undefined') return
  const open = mockOf(window.open)
  for (const args of open?.calls ?? []) see('window.open', args.slice(0, 1), 'after the fact')
  // The fake popups those stand-ins returned: where the SDK navigated them.
  for (const { value } of open?.results ?? []) {
    const location = (value as { location?: Record<string, unknown> } | null)?.location
    if (location === undefined) continue
    for (const name of ['replace', 'assign']) for (const args of mockOf(location[name])?.calls ?? []) see('location', args, 'after the fact')
  }
  for (const args of mockOf(globalThis.fetch)?.calls ?? []) see('fetch', args.slice(0, 1), 'after the fact')
  for (const storage of [safeStorage('localStorage'), safeStorage('sessionStorage')]) {
    if (storage === null) continue
    for (let index = 0; index < storage.length; index++) see('storage', [storage.key(index), storage.getItem(storage.key(index)!)], 'after the fact')
  }
  see('cookie', [document.cookie], 'after the fact')
  for (const element of document.querySelectorAll('iframe[src], a[href], form[action], img[src], script[src], link[href]')) {
    see('iframe src', [element.getAttribute('src') ?? element.getAttribute('href') ?? element.getAttribute('action')], 'after the fact')
  }
}

function safeStorage(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[name]
  } catch {
    return null
  }
}

/** Undoes the wrappers and throws if the SDK put a scoped key where it must not. Run after each unit test. */
export function checkKeySpy(): void {
  const state = registry()
  try {
    seeAfterTheFact()
  } finally {
    while (state.undos.length > 0) state.undos.pop()!()
  }
  const sightings = state.sightings.splice(0).filter((sighting) => !state.allowed.has(sighting.channel))
  state.allowed.clear()
  if (sightings.length > 0) {
    const lines = sightings.map((sighting) => `  - ${sighting.channel}: ${sighting.text}  (by ${sighting.by})`)
    throw new Error(`A scoped key reached a place the SDK must never write it to (SECURITY.md):\n${lines.join('\n')}`)
  }
}
