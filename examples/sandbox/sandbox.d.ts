import type { FakeTextureApi } from '../../src/testing/index'

export interface SandboxOptions {
  /** The app origin's port; the hosted origin takes `port + 1`. `0`: an ephemeral port for each. @default 4000 */
  port?: number
  /** How long a command stays `pending` before it settles. @default 1500 */
  commandDelayMs?: number
}

export interface Sandbox {
  /** `http://localhost:<port>`: the examples and the built SDK. */
  appUrl: string
  /** `http://127.0.0.1:<port+1>`: the hosted Connect flow (`/connect`) and the API — another origin. */
  hostedUrl: string
  /** `${hostedUrl}/v1`: the fake device API, CORS on. */
  apiUrl: string
  /** The public Connect key the API accepts. */
  connectKey: string
  /** The fake API itself: add devices, `failNext(…)`, `reset()` from a test. */
  fake: FakeTextureApi
  /** Stops both servers; safe to call more than once. */
  close(): Promise<void>
}

export function startSandbox(options?: SandboxOptions): Promise<Sandbox>
