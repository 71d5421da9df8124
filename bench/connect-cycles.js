import { performance } from 'node:perf_hooks'
import { Window } from 'happy-dom'
import { TextureConnect } from 'texture-connect'
import { collectGarbage, mebibytes, median, microseconds, percentile, printTable } from './stats.js'

const appOrigin = 'https://app.example.com'
const hostedOrigin = 'https://connect.example.com'

/** A stand-in popup for a stubbed `window.open`, as in test/connect/support/fake-popup.ts. */
function createFakePopup(initialUrl) {
  const state = { closed: false, url: initialUrl }
  return {
    get closed() {
      return state.closed
    },
    close() {
      state.closed = true
    },
    focus() {},
    location: { replace: (url) => (state.url = url) },
    get url() {
      return state.url
    },
  }
}

/** Installs a happy-dom page as this process's `window`; returns the undo. */
function installPage(window) {
  const globals = { window, document: window.document, location: window.location }
  const previous = Object.fromEntries(Object.keys(globals).map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]))
  for (const [name, value] of Object.entries(globals)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true })
  return () => {
    for (const [name, descriptor] of Object.entries(previous)) {
      if (descriptor === undefined) delete globalThis[name]
      else Object.defineProperty(globalThis, name, descriptor)
    }
  }
}

/**
 * (c) A Connect session's whole life in happy-dom, `cycles` times: `TextureConnect.open()` → the
 * hosted page's success message → `result` resolved and the session torn down (listener
 * removed, timers cleared, popup closed, `close` emitted).
 */
export async function benchConnectCycles({ scopedKey, cycles }) {
  const window = new Window({ url: `${appOrigin}/` })
  const popups = []
  window.open = (url) => {
    popups.push(createFakePopup(String(url)))
    return popups.at(-1)
  }
  const uninstall = installPage(window)

  const cycle = async () => {
    const session = TextureConnect.open({ linkUrl: `${hostedOrigin}/link?token=link_bench` })
    const popup = popups.at(-1)
    const state = new URL(popup.url).searchParams.get('texture_state')
    const closed = new Promise((resolve) => session.on('close', resolve))
    const data = { source: 'texture-connect', version: 1, state, type: 'success', scopedKey, metadata: {} }
    window.dispatchEvent(new window.MessageEvent('message', { data, origin: hostedOrigin, source: popup }))
    const success = await session.result
    await closed
    if (success.scopedKey !== scopedKey || !popup.closed) throw new Error('the session did not settle and close its popup')
  }

  try {
    for (let index = 0; index < 100; index += 1) await cycle() // warm-up
    // Allocated before the baseline, so the timings themselves do not count as heap growth.
    const times = new Float64Array(cycles)
    popups.length = 0
    collectGarbage?.()
    const heapBefore = process.memoryUsage().heapUsed
    const start = performance.now()
    for (let index = 0; index < cycles; index += 1) {
      const cycleStart = performance.now()
      await cycle()
      times[index] = performance.now() - cycleStart
    }
    const total = performance.now() - start
    popups.length = 0
    // Queued tasks finish first, so what is measured is what the sessions left alive.
    await new Promise((resolve) => setTimeout(resolve, 50))
    collectGarbage?.()
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore
    printTable(`(c) Connect session in happy-dom: open → success message → settled and torn down, ${cycles} cycles`, [
      ['', 'value'],
      ['median per cycle', microseconds(median(times))],
      ['p90 per cycle', microseconds(percentile(times, 90))],
      ['p99 per cycle', microseconds(percentile(times, 99))],
      ['total', `${total.toFixed(0)} ms`],
      ['live heap growth over all cycles', collectGarbage ? mebibytes(heapGrowth) : 'run with --expose-gc'],
      ['live heap growth per cycle', collectGarbage ? `${Math.round(heapGrowth / cycles)} B` : 'run with --expose-gc'],
    ])
  } finally {
    uninstall()
    await window.happyDOM.close()
  }
}
