// `npm run bench` (after `npm run build`): what the SDK costs at run time, measured against the
// built package (dist/) on this machine. Prints figures; asserts nothing. Everything runs in this
// process against a node:http server on 127.0.0.1 with an ephemeral port; nothing leaves the machine.
//
//   node --expose-gc bench/run.js [--quick] [--only=requests,iterate,connect]
//
// --quick uses fewer iterations; --only runs a subset; BENCH_CYCLES sets the Connect cycle count.
import { createTextureClient } from 'texture-connect'
import { startApiServer } from './api-server.js'
import { benchConnectCycles } from './connect-cycles.js'
import { benchIterateDevices } from './iterate-devices.js'
import { benchRequestOverhead } from './request-overhead.js'
import { collectGarbage } from './stats.js'

const quick = process.argv.includes('--quick')
const only = process.argv
  .find((argument) => argument.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
const runs = (name) => only === undefined || only.includes(name)
const scopedKey = 'scoped_bench_0123456789abcdef'

console.log(`texture-connect benchmarks: Node ${process.version}, ${process.platform}/${process.arch}${collectGarbage ? ', --expose-gc' : ''}${quick ? ', --quick' : ''}`)
const api = await startApiServer(scopedKey)
const client = createTextureClient({ scopedKey, baseUrl: api.baseUrl })
try {
  if (runs('requests')) await benchRequestOverhead({ client, baseUrl: api.baseUrl, scopedKey, requests: quick ? 200 : 1000 })
  if (runs('iterate')) await benchIterateDevices({ client, api }, quick ? [1000, 5000] : [1000, 10_000, 50_000])
  if (runs('connect')) await benchConnectCycles({ scopedKey, cycles: Number(process.env.BENCH_CYCLES ?? (quick ? 200 : 1000)) })
} finally {
  api.close()
}
