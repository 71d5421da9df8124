import { performance } from 'node:perf_hooks'
import ky from 'ky'
import { median, microseconds, percentile, printTable } from './stats.js'

/**
 * (a) What the client adds to one request: sequential `client.devices.retrieve('x')` against raw
 * `fetch` + `json()` with the same header, in alternating rounds so drift (JIT, GC, the server
 * warming up) hits both sides alike. ky alone is timed too, to separate ky from the SDK around it.
 */
export async function benchRequestOverhead({ client, baseUrl, scopedKey, requests }) {
  const rounds = 10
  const perRound = requests / rounds
  const rawFetch = async () => {
    const response = await fetch(`${baseUrl}/devices/x`, { headers: { 'Texture-Api-Key': scopedKey, Accept: 'application/json' } })
    if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`)
    return response.json()
  }
  const viaClient = () => client.devices.retrieve('x')
  const viaKy = () => ky.get(`${baseUrl}/devices/x`, { headers: { 'Texture-Api-Key': scopedKey }, retry: 0 }).json()
  const time = async (call, into) => {
    for (let index = 0; index < perRound; index += 1) {
      const start = performance.now()
      await call()
      into.push(performance.now() - start)
    }
  }

  for (let index = 0; index < 200; index += 1) await rawFetch(), await viaClient(), await viaKy() // warm-up
  const raw = []
  const sdk = []
  const kyOnly = []
  const roundRatios = []
  for (let round = 0; round < rounds; round += 1) {
    const rawRound = []
    const sdkRound = []
    if (round % 2 === 0) await time(rawFetch, rawRound), await time(viaClient, sdkRound)
    else await time(viaClient, sdkRound), await time(rawFetch, rawRound)
    await time(viaKy, kyOnly)
    raw.push(...rawRound)
    sdk.push(...sdkRound)
    roundRatios.push(median(sdkRound) / median(rawRound))
  }

  const figures = (values) => [microseconds(median(values)), microseconds(percentile(values, 90)), microseconds(percentile(values, 99))]
  printTable(`(a) Per-request time, ${requests} sequential GET /v1/devices/x on 127.0.0.1 (goal: ratio ≤ 1.15×)`, [
    ['', 'median', 'p90', 'p99'],
    ['raw fetch + json()', ...figures(raw)],
    ['client.devices.retrieve()', ...figures(sdk)],
    ['for reference: ky.get().json()', ...figures(kyOnly)],
    ['client overhead (median)', microseconds(median(sdk) - median(raw)), '', ''],
    ['ratio of medians', `${(median(sdk) / median(raw)).toFixed(3)}×`, '', ''],
    [`median of ${rounds} per-round ratios`, `${median(roundRatios).toFixed(3)}×`, '', ''],
  ])
}
