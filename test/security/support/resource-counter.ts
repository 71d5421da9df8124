/**
 * Counts what a page holds on to, by wrapping the APIs that create and release it: `message`
 * (and every other) listeners on window and document, timeouts, intervals, BroadcastChannels.
 * `open()` figures are what is still alive now. The undo puts every original back.
 */
export interface ResourceCounts {
  messageListeners: number
  otherWindowListeners: number
  documentListeners: number
  timeouts: number
  intervals: number
  broadcastChannels: number
}

export function countResources(page: Window, host: typeof globalThis = page as unknown as typeof globalThis) {
  const listeners = new Map<string, Set<unknown>>()
  const listenerKey = (target: unknown, type: string) => `${target === page ? 'window' : target === page.document ? 'document' : 'other'}:${type}`
  const timeouts = new Set<unknown>()
  const intervals = new Set<unknown>()
  const channels = new Set<unknown>()
  const undos: Array<() => void> = []
  const replace = <Target extends object, Name extends keyof Target>(target: Target, name: Name, make: (original: Target[Name]) => Target[Name]) => {
    const original = target[name]
    target[name] = make(original)
    undos.push(() => {
      target[name] = original
    })
  }

  for (const target of [page, page.document] as EventTarget[]) {
    replace(
      target,
      'addEventListener',
      (original) =>
        function (this: EventTarget, type: string, listener: unknown, options?: boolean | AddEventListenerOptions) {
          const capture = typeof options === 'boolean' ? options : options?.capture === true
          if (listener !== null) {
            const key = listenerKey(this, type)
            if (!listeners.has(key)) listeners.set(key, new Set())
            listeners.get(key)!.add(`${capture}`.concat(':') + idOf(listener))
          }
          return original.call(this, type, listener as EventListener, options)
        },
    )
    replace(
      target,
      'removeEventListener',
      (original) =>
        function (this: EventTarget, type: string, listener: unknown, options?: boolean | EventListenerOptions) {
          const capture = typeof options === 'boolean' ? options : options?.capture === true
          listeners.get(listenerKey(this, type))?.delete(`${capture}:` + idOf(listener))
          return original.call(this, type, listener as EventListener, options)
        },
    )
  }
  replace(
    host,
    'setTimeout',
    (original) =>
      ((callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
        const handle: unknown = original(
          ((...callArgs: unknown[]) => {
            timeouts.delete(handle)
            if (typeof callback === 'function') callback(...callArgs)
          }) as never,
          delay,
          ...args,
        )
        timeouts.add(handle)
        return handle
      }) as never,
  )
  replace(
    host,
    'clearTimeout',
    (original) =>
      ((handle: unknown) => {
        timeouts.delete(handle)
        original(handle as never)
      }) as never,
  )
  replace(
    host,
    'setInterval',
    (original) =>
      ((callback: () => void, delay?: number, ...args: unknown[]) => {
        const handle: unknown = original(callback as never, delay, ...args)
        intervals.add(handle)
        return handle
      }) as never,
  )
  replace(
    host,
    'clearInterval',
    (original) =>
      ((handle: unknown) => {
        intervals.delete(handle)
        original(handle as never)
      }) as never,
  )
  if (typeof host.BroadcastChannel === 'function') {
    replace(host, 'BroadcastChannel', (Original) => {
      return class CountedChannel extends Original {
        constructor(name: string) {
          super(name)
          channels.add(this)
        }
        override close() {
          channels.delete(this)
          super.close()
        }
      } as never
    })
  }

  const count = (prefix: string, type?: string) =>
    [...listeners].filter(([key]) => key.startsWith(prefix) && (type === undefined ? !key.endsWith(':message') : key.endsWith(`:${type}`))).reduce((sum, [, set]) => sum + set.size, 0)
  return {
    counts(): ResourceCounts {
      return {
        messageListeners: count('window:', 'message'),
        otherWindowListeners: count('window:'),
        documentListeners: count('document:') + count('document:', 'message'),
        timeouts: timeouts.size,
        intervals: intervals.size,
        broadcastChannels: channels.size,
      }
    },
    restore() {
      while (undos.length > 0) undos.pop()!()
    },
  }
}

const ids = new WeakMap<object, number>()
let nextId = 1
function idOf(value: unknown): string {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return String(value)
  if (!ids.has(value)) ids.set(value, nextId++)
  return String(ids.get(value))
}
