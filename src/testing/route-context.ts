import type { CommandLog } from './command-log'
import type { FakeStore } from './fake-store'
import type { FakeCaller } from './keys'
import type { LinkBook } from './links'

/** Everything a route needs to answer one request. */
export interface RouteContext {
  request: Request
  url: URL
  caller: FakeCaller
  store: FakeStore
  commands: CommandLog
  links: LinkBook
  /** The fake's clock for this request, in ms. */
  now: number
}
