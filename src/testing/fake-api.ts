import { checkKeyScope } from './access'
import { createCommandLog } from './command-log'
import { createConnectFlow, type ConnectFlow } from './connect-flow'
import { isPreflight, preflightResponse, withCors } from './cors'
import { sandboxAlerts } from './data/alerts'
import { sandboxDeviceSeeds, type DeviceSeed } from './data/devices'
import { sandboxConnectKey, sandboxUsers, sandboxWorkspaceKey } from './data/users'
import { createFailureQueue, type FakeFailure } from './failures'
import { createFakeStore, type FakeStore } from './fake-store'
import { authenticate, type FakeUser } from './keys'
import { createLinkBook, type FakeLink } from './links'
import { errorResponse, isResponse } from './responses'
import type { RouteContext } from './route-context'
import { matchRoute } from './router'
import { commandRoutes } from './routes/commands'
import { connectionRoutes } from './routes/connections'
import { deviceRoutes } from './routes/devices'
import type { Alert } from './shapes'

export interface FakeTextureApiOptions {
  /** Where the fake API lives; only its path (`/v1`) matters to the rules. @default 'https://api.texturehq.com/v1' */
  baseUrl?: string
  /** The hosted Connect page links point to (`?link_token=…` is added). @default 'http://127.0.0.1:4001/connect' */
  hostedUrl?: string
  /** How long a command stays `pending` before it settles. @default 100 */
  commandDelayMs?: number
  /** The clock, in ms; read at every request, so fake timers move history and commands along. @default () => Date.now() */
  now?: () => number
  /** @default sandboxUsers */
  users?: readonly FakeUser[]
  /** @default sandboxDeviceSeeds */
  devices?: readonly DeviceSeed[]
  /** @default sandboxAlerts */
  alerts?: readonly Alert[]
  /** The public Connect key the fake accepts. @default sandboxConnectKey */
  connectKey?: string
  /** The `api_` server key the fake accepts (sees every device). @default sandboxWorkspaceKey */
  workspaceKey?: string
}

/** The fake Texture API, free of any framework: a standard `Request` in, a `Response` out. */
export interface FakeTextureApi {
  readonly baseUrl: string
  readonly connectKey: string
  readonly workspaceKey: string
  /** Answers one request to a URL under `baseUrl`, CORS included. */
  handle(request: Request): Promise<Response>
  /** The users, devices and alerts; change them to shape a test. */
  readonly store: FakeStore
  /** The hosted Connect page's rules (describe a link, approve it). */
  readonly connectFlow: ConnectFlow
  findLink(linkToken: string): FakeLink | undefined
  /** The next matching request(s) fail with this status instead (e.g. `{ status: 429, retryAfter: 1 }`). */
  failNext(failure: FakeFailure): void
  /** Back to the seed data; drops commands, links and pending failures. */
  reset(): void
}

/**
 * Creates the fake API. The msw handlers and the sandbox's HTTP server both call `handle`, so
 * the scoped-key rules exist once.
 *
 * @example
 * const api = createFakeTextureApi({ commandDelayMs: 0 })
 * const response = await api.handle(new Request('https://api.texturehq.com/v1/devices', { headers: { 'Texture-Api-Key': sandboxUsers[0].scopedKey } }))
 */
export function createFakeTextureApi(options: FakeTextureApiOptions = {}): FakeTextureApi {
  const baseUrl = (options.baseUrl ?? 'https://api.texturehq.com/v1').replace(/\/+$/, '')
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '')
  const now = options.now ?? (() => Date.now())
  const connectKey = options.connectKey ?? sandboxConnectKey
  const workspaceKey = options.workspaceKey ?? sandboxWorkspaceKey
  const store = createFakeStore({ users: options.users ?? sandboxUsers, devices: options.devices ?? sandboxDeviceSeeds, alerts: options.alerts ?? sandboxAlerts }, now)
  const commands = createCommandLog(options.commandDelayMs ?? 100)
  const links = createLinkBook(options.hostedUrl ?? 'http://127.0.0.1:4001/connect')
  const failures = createFailureQueue()
  const routes = [...deviceRoutes, ...commandRoutes, ...connectionRoutes]
  let requestCount = 0

  async function answer(request: Request, path: string): Promise<Response> {
    if (isPreflight(request)) return preflightResponse(request)
    const time = now()
    commands.settle(time, (deviceId, change) => store.updateDevice(deviceId, change))
    const injected = failures.take(request.method, path)
    if (injected !== undefined) return injected
    const caller = authenticate(request, { connectKey, workspaceKey, findUserByKey: store.findUserByKey })
    if (isResponse(caller)) return caller
    const refused = checkKeyScope(caller, request.method, path)
    if (refused !== undefined) return refused
    const match = matchRoute(routes, request.method, path)
    if (!('route' in match)) {
      return match.pathMatched
        ? errorResponse(405, { code: 'method-not-allowed', message: `\`${request.method} ${path}\` is not supported.` })
        : errorResponse(404, { code: 'not-found', message: `No endpoint at \`${path}\`.` })
    }
    const context: RouteContext = { request, url: new URL(request.url), caller, store, commands, links, now: time }
    return match.route.handle(context, match.parameters)
  }

  return {
    baseUrl,
    connectKey,
    workspaceKey,
    store,
    connectFlow: createConnectFlow(store, links, now),
    findLink: links.find,
    failNext: failures.add,
    async handle(request) {
      requestCount += 1
      const requestId = `req_fake_${String(requestCount).padStart(6, '0')}`
      const pathname = new URL(request.url).pathname
      const path = pathname === basePath || pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) || '/' : undefined
      let response: Response
      try {
        response = path === undefined ? errorResponse(404, { code: 'not-found', message: `No endpoint at \`${pathname}\`.` }) : await answer(request, path)
      } catch (error) {
        response = errorResponse(500, { code: 'internal-error', message: `The fake Texture API failed: ${error instanceof Error ? error.message : String(error)}` })
      }
      response.headers.set('X-Request-Id', requestId)
      return withCors(response, request)
    },
    reset() {
      store.reset()
      commands.clear()
      links.clear()
      failures.clear()
    },
  }
}
