import { performance } from 'node:perf_hooks'
import { collectGarbage, mebibytes, printTable } from './stats.js'

const perPage = 100

/**
 * One pass of `client.devices.iterate()` over `count` devices. With `sampleHeap`, heapUsed is
 * read after every page; with --expose-gc also after a collection, which gives what the
 * iteration keeps alive rather than when V8 happened to collect.
 */
async function iterateOnce({ client, api }, count, { sampleHeap }) {
  api.setDeviceCount(count)
  collectGarbage?.()
  const baseline = process.memoryUsage().heapUsed
  let peak = baseline
  let peakAfterCollection = baseline
  let seen = 0
  const start = performance.now()
  for await (const device of client.devices.iterate({ perPage })) {
    if (device.id === undefined) throw new Error('a device without an id')
    seen += 1
    if (sampleHeap && seen % perPage === 0) {
      peak = Math.max(peak, process.memoryUsage().heapUsed)
      if (collectGarbage) {
        collectGarbage()
        peakAfterCollection = Math.max(peakAfterCollection, process.memoryUsage().heapUsed)
      }
    }
  }
  const elapsed = performance.now() - start
  if (seen !== count) throw new Error(`iterate() yielded ${seen} devices, expected ${count}`)
  return { elapsed, peakGrowth: peak - baseline, liveGrowth: collectGarbage ? peakAfterCollection - baseline : undefined }
}

/** (b) Paging through `counts` devices: time (one pass) and heap (a second, sampled pass). */
export async function benchIterateDevices(context, counts) {
  await iterateOnce(context, 1000, { sampleHeap: false }) // warm-up
  const rows = [['devices (pages of 100)', 'total time', 'per page', 'peak heap growth', 'live heap growth (after gc)']]
  for (const count of counts) {
    const pages = Math.ceil(count / perPage)
    const timed = await iterateOnce(context, count, { sampleHeap: false })
    const heap = await iterateOnce(context, count, { sampleHeap: true })
    rows.push([
      `${count.toLocaleString('en-US')} (${pages})`,
      `${timed.elapsed.toFixed(0)} ms`,
      `${(timed.elapsed / pages).toFixed(2)} ms`,
      mebibytes(heap.peakGrowth),
      heap.liveGrowth === undefined ? 'run with --expose-gc' : mebibytes(heap.liveGrowth),
    ])
  }
  printTable(`(b) client.devices.iterate({ perPage: ${perPage} }) on 127.0.0.1: the loop keeps no devices`, rows)
}
