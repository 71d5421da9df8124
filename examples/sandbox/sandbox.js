import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createAppServer } from './app-server.js'
import { createHostedServer } from './hosted-server.js'
import { listen, stop } from './listen.js'

const builtTesting = fileURLToPath(new URL('../../dist/testing.js', import.meta.url))

/**
 * Starts the sandbox: the app origin on `http://localhost:<port>` and the hosted Connect flow plus
 * the fake device API on `http://127.0.0.1:<port+1>` — two origins, as in production. With
 * `port: 0` each gets its own ephemeral port. Both listen on 127.0.0.1 only.
 *
 * Needs the built SDK (`npm run build`): the API rules come from dist/testing.js, the very code
 * `texture-connect/testing` ships.
 *
 * @example
 * const sandbox = await startSandbox({ port: 0 })
 * console.log(sandbox.appUrl, sandbox.hostedUrl, sandbox.apiUrl)
 * await sandbox.close()
 *
 * @param {import('./sandbox.d.ts').SandboxOptions} [options]
 * @returns {Promise<import('./sandbox.d.ts').Sandbox>}
 */
export async function startSandbox(options = {}) {
  const port = options.port ?? 4000
  if (!Number.isInteger(port) || port < 0 || port > 65534) throw new RangeError(`\`port\` must be 0 or a port number below 65535; got ${String(port)}.`)
  if (!existsSync(builtTesting)) throw new Error('The sandbox runs the built fake API from dist/testing.js. Run `npm run build` first (`npm start` does it for you).')
  const testing = await import(builtTesting)

  let settings
  const app = createAppServer(() => settings.app)
  const hosted = createHostedServer(() => settings.hosted)
  const appPort = await listen(app, { port, host: '127.0.0.1', role: 'the app origin' })
  let hostedPort
  try {
    hostedPort = await listen(hosted, { port: port === 0 ? 0 : port + 1, host: '127.0.0.1', role: 'the hosted Connect origin, port + 1' })
  } catch (error) {
    await stop(app)
    throw error
  }

  const appUrl = `http://localhost:${appPort}`
  const hostedUrl = `http://127.0.0.1:${hostedPort}`
  const apiUrl = `${hostedUrl}/v1`
  const fake = testing.createFakeTextureApi({ baseUrl: apiUrl, hostedUrl: `${hostedUrl}/connect`, commandDelayMs: options.commandDelayMs ?? 1500 })
  const users = fake.store.users().map(({ name, referenceId }) => ({ name, referenceId }))
  settings = {
    app: { appUrl, hostedUrl, apiUrl, connectKey: fake.connectKey, users, manufacturers: testing.sandboxManufacturers },
    hosted: { fake, origin: hostedUrl },
  }

  let closing
  return {
    appUrl,
    hostedUrl,
    apiUrl,
    connectKey: fake.connectKey,
    fake,
    close() {
      closing ??= Promise.all([stop(app), stop(hosted)]).then(() => undefined)
      return closing
    },
  }
}
