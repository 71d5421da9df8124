import type { FakeUser } from '../keys'

/** The public Connect key of the fake workspace: it may only create Connect links. */
export const sandboxConnectKey = 'connect_sandbox_public_4d8e2a'

/** The fake workspace's server key (`api_`): reads every device. Never put one in a browser. */
export const sandboxWorkspaceKey = 'api_sandbox_workspace_secret_9c71f0'

/**
 * The fake's end users. Ada has one device of every type, Grace a smaller home, Katherine a
 * building of 25 devices (enough for several pages).
 */
export const sandboxUsers: readonly FakeUser[] = [
  { name: 'Ada Lovelace', referenceId: 'user_ada', customerId: 'cus_ada_1815', scopedKey: 'scoped_sandbox_ada_5f2c8e41' },
  { name: 'Grace Hopper', referenceId: 'user_grace', customerId: 'cus_grace_1906', scopedKey: 'scoped_sandbox_grace_a93d07b6' },
  { name: 'Katherine Johnson', referenceId: 'user_katherine', customerId: 'cus_katherine_1918', scopedKey: 'scoped_sandbox_katherine_3b6e9d12' },
]
