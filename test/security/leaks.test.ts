import { afterEach, describe, expect, it, vi } from 'vitest'
import { TextureConnect, type ConnectOptions, type ConnectSession } from '../../src/index'
import { stubWindowOpen } from '../connect/support/fake-popup'
import { hostedOrigin, linkUrl, postMessageFrom, protocolMessage, stateOf } from '../connect/support/hosted'
import { printFigures } from './support/figures'
import { countResources } from './support/resource-counter'
import { stubFrameWindows } from '../connect/support/fake-frame'
import { runtimeLoaded, whenOpen } from '../connect/support/sessions'

const cycles = 1_000

/** Lets promise callbacks and microtasks run (the timers are fake here). */
async function drain(): Promise<void> {
  for (let index = 0; index < 10; index++) await Promise.resolve()
}

type Cycle = { name: string; mode: 'popup' | 'iframe'; run: (open: (extra?: Partial<ConnectOptions>) => ConnectSession) => Promise<void> }

const popupOf = () => vi.mocked(window.open).mock.results.at(-1)!.value as Window & { closed: boolean }
const stateOfPopup = () => stateOf(String(vi.mocked(window.open).mock.calls.at(-1)![0]))
const iframe = () => document.querySelector('iframe')!
const fromPopup = (type: string, fields: Record<string, unknown> = {}) => postMessageFrom({ source: popupOf(), origin: hostedOrigin, data: protocolMessage(stateOfPopup(), type, fields) })
const fromIframe = (type: string, fields: Record<string, unknown> = {}) =>
  postMessageFrom({ source: iframe().contentWindow, origin: hostedOrigin, data: protocolMessage(stateOf(iframe().src), type, fields) })

/** Every way a session ends, popup and iframe. */
const scenarios: Cycle[] = [
  {
    name: 'popup: success message',
    mode: 'popup',
    run: async (open) => {
      const s = open()
      fromPopup('success', { scopedKey: 'scoped_leak_1' })
      await s.result
    },
  },
  {
    name: 'popup: exit message',
    mode: 'popup',
    run: async (open) => {
      const s = open()
      fromPopup('exit')
      await s.result.catch(() => {})
    },
  },
  {
    name: 'popup: error message',
    mode: 'popup',
    run: async (open) => {
      const s = open()
      fromPopup('error', { error: { message: 'x' } })
      await s.result.catch(() => {})
    },
  },
  {
    name: 'popup: session.close()',
    mode: 'popup',
    run: async (open) => {
      const s = open()
      s.close()
      await s.result.catch(() => {})
    },
  },
  {
    name: 'popup: user closed it',
    mode: 'popup',
    run: async (open) => {
      const s = open()
      await runtimeLoaded()
      popupOf().close()
      vi.advanceTimersByTime(500)
      await s.result.catch(() => {})
    },
  },
  {
    name: 'popup: timeout',
    mode: 'popup',
    run: async (open) => {
      const s = open({ timeout: 1_000 })
      await runtimeLoaded()
      vi.advanceTimersByTime(1_000)
      await s.result.catch(() => {})
    },
  },
  {
    name: 'popup: async link, closed first',
    mode: 'popup',
    run: async (open) => {
      let give!: (url: string) => void
      const s = open({ linkUrl: () => new Promise<string>((resolve) => (give = resolve)) })
      await runtimeLoaded()
      s.close()
      give(linkUrl)
      await drain()
      await s.result.catch(() => {})
    },
  },
  {
    name: 'popup: async link, then success',
    mode: 'popup',
    run: async (open) => {
      const s = open({ linkUrl: async () => linkUrl })
      await runtimeLoaded()
      await drain()
      postMessageFrom({
        source: popupOf(),
        origin: hostedOrigin,
        data: protocolMessage(stateOf(String(vi.mocked(popupOf().location.replace).mock.calls.at(-1)![0])), 'success', { scopedKey: 'scoped_leak_2' }),
      })
      await s.result
    },
  },
  {
    name: 'popup: blocked',
    mode: 'popup',
    run: async (open) => {
      vi.mocked(window.open).mockImplementationOnce(() => null)
      const s = open()
      await drain()
      await s.result.catch(() => {})
    },
  },
  {
    name: 'iframe: success message',
    mode: 'iframe',
    run: async (open) => {
      const s = open({ mode: 'iframe' })
      await whenOpen(s)
      fromIframe('success', { scopedKey: 'scoped_leak_3' })
      await s.result
    },
  },
  {
    name: 'iframe: close button',
    mode: 'iframe',
    run: async (open) => {
      const s = open({ mode: 'iframe' })
      await whenOpen(s)
      document.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click()
      await s.result.catch(() => {})
    },
  },
  {
    name: 'iframe: Escape',
    mode: 'iframe',
    run: async (open) => {
      const s = open({ mode: 'iframe' })
      await whenOpen(s)
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
      await s.result.catch(() => {})
    },
  },
  {
    name: 'iframe: session.close() before it is shown',
    mode: 'iframe',
    run: async (open) => {
      const s = open({ mode: 'iframe' })
      s.close()
      await s.result.catch(() => {})
    },
  },
  {
    name: 'iframe: session.close() once shown',
    mode: 'iframe',
    run: async (open) => {
      const s = open({ mode: 'iframe' })
      await whenOpen(s)
      s.close()
      await s.result.catch(() => {})
    },
  },
  {
    name: 'iframe: app removed it',
    mode: 'iframe',
    run: async (open) => {
      const s = open({ mode: 'iframe' })
      await whenOpen(s)
      await runtimeLoaded()
      iframe().closest('[role="dialog"]')!.parentElement!.remove()
      vi.advanceTimersByTime(500)
      await s.result.catch(() => {})
    },
  },
  {
    name: 'popup blocked, iframe fallback, closed',
    mode: 'iframe',
    run: async (open) => {
      vi.mocked(window.open).mockImplementationOnce(() => null)
      const s = open({ fallback: 'iframe' })
      s.close()
      await s.result.catch(() => {})
    },
  },
]

afterEach(() => {
  vi.useRealTimers()
})

describe('leaks: 1,000 open → settle/close cycles in happy-dom', () => {
  it('leave no message listener, timer, interval, BroadcastChannel, DOM node or style change behind', async () => {
    vi.useFakeTimers()
    // happy-dom logs "Iframe page loading is disabled" with a stack for every iframe: hundreds of them.
    vi.spyOn(console, 'error').mockImplementation(() => {})
    stubWindowOpen()
    stubFrameWindows()
    document.documentElement.style.setProperty('overflow-y', 'scroll')
    const before = {
      html: document.documentElement.getAttribute('style'),
      body: document.body.getAttribute('style'),
      nodes: document.querySelectorAll('*').length,
      scroll: [window.scrollX, window.scrollY],
    }
    const counter = countResources(window, globalThis)
    const baseline = counter.counts()
    const perScenario = new Map<string, number>()
    const settledEnds: string[] = []
    try {
      for (let index = 0; index < cycles; index++) {
        const scenario = scenarios[index % scenarios.length]!
        let ended = false
        await scenario.run((extra = {}) => {
          const session = TextureConnect.open({ linkUrl, onSuccess() {}, onExit() {}, onError() {}, ...extra })
          session.on('close', () => (ended = true))
          return session
        })
        await drain()
        if (!ended) settledEnds.push(scenario.name)
        perScenario.set(scenario.name, (perScenario.get(scenario.name) ?? 0) + 1)
      }
    } finally {
      counter.restore()
    }
    const after = counter.counts()
    const left = {
      html: document.documentElement.getAttribute('style'),
      body: document.body.getAttribute('style'),
      nodes: document.querySelectorAll('*').length,
      scroll: [window.scrollX, window.scrollY],
    }
    printFigures(`happy-dom leaks after ${cycles} cycles (${scenarios.length} endings, round robin)`, [
      ...Object.entries(after).map(([what, count]) => ({ what, before: baseline[what as keyof typeof baseline], after: count })),
      { what: 'DOM elements', before: before.nodes, after: left.nodes },
      { what: '<html> style', before: String(before.html), after: String(left.html) },
      { what: '<body> style', before: String(before.body), after: String(left.body) },
      { what: 'cycles not ended (no close event)', before: 0, after: settledEnds.length },
    ])
    expect(settledEnds).toEqual([])
    expect(after).toEqual(baseline)
    expect(left).toEqual(before)
    expect(vi.getTimerCount()).toBe(0)
    expect([...perScenario.values()].reduce((sum, count) => sum + count, 0)).toBe(cycles)
    document.documentElement.removeAttribute('style')
  }, 30_000)

  it('the counter sees a leak: a listener, a timer and an interval left on purpose', () => {
    const counter = countResources(window, globalThis)
    const listener = () => {}
    window.addEventListener('message', listener)
    const timeout = setTimeout(() => {}, 10_000)
    const interval = setInterval(() => {}, 10_000)
    const channel = new BroadcastChannel('leak-probe')
    expect(counter.counts()).toMatchObject({ messageListeners: 1, timeouts: 1, intervals: 1, broadcastChannels: 1 })
    window.removeEventListener('message', listener)
    clearTimeout(timeout)
    clearInterval(interval)
    channel.close()
    expect(counter.counts()).toMatchObject({ messageListeners: 0, timeouts: 0, intervals: 0, broadcastChannels: 0 })
    counter.restore()
  })
})
