#!/usr/bin/env node
// `npm start`: builds the SDK, then serves the sandbox until Ctrl-C.
//   node examples/sandbox/start.js [--port 4000] [--no-build]     (PORT=4000 works too)
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startSandbox } from './sandbox.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

function readPort(values) {
  const raw = values.port ?? process.env.PORT ?? '4000'
  const port = Number(raw)
  if (!/^\d+$/.test(String(raw)) || port < 1 || port > 65534) {
    console.error(`The port must be a number from 1 to 65534 (the hosted origin takes port + 1); got "${raw}".`)
    process.exit(1)
  }
  return port
}

const usage = `Usage: node examples/sandbox/start.js [--port <port>] [--no-build]   (or: npm start -- …)

Serves the sandbox: the app and examples on http://localhost:<port>, the hosted Connect flow
on http://127.0.0.1:<port + 1>, and the fake device API.

  --port <port>  the app's port, 1-65534 (default: $PORT, else 4000)
  --no-build     serve the last build in dist/ instead of running npm run build first
  -h, --help     print this and exit`

function readArgs() {
  try {
    return parseArgs({ options: { port: { type: 'string' }, 'no-build': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } }).values
  } catch (error) {
    // An unknown flag or a missing value: one line, not a stack trace.
    console.error(`${error.message.replace(/\.?$/, '.')} Run with --help for usage.`)
    process.exit(1)
  }
}

const values = readArgs()
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const port = readPort(values)

if (!values['no-build']) {
  console.log('Building the SDK (npm run build)…')
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (build.status !== 0) {
    console.error('The build failed (see above); the sandbox needs dist/. Fix it, or pass --no-build to serve the last build.')
    process.exit(1)
  }
}

let sandbox
try {
  sandbox = await startSandbox({ port })
} catch (error) {
  console.error(error.code === 'EADDRINUSE' ? error.message : error)
  process.exit(1)
}

console.log(`
texture-connect sandbox
  App and examples       ${sandbox.appUrl}
  Hosted Connect flow    ${sandbox.hostedUrl}/connect   (another origin)
  Device API             ${sandbox.apiUrl}
  Public Connect key     ${sandbox.connectKey}

Open ${sandbox.appUrl} — Ctrl-C stops the sandbox.`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) process.exit(1)
    stopping = true
    console.log('\nStopping the sandbox…')
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}
