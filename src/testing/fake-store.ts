import { buildDevice, type DeviceSeed } from './data/devices'
import type { FakeUser } from './keys'
import { randomToken } from './random-token'
import type { Alert, Device } from './shapes'

/** What the fake starts with, and returns to on `reset()`. */
export interface FakeStoreSeed {
  users: readonly FakeUser[]
  devices: readonly DeviceSeed[]
  alerts: readonly Alert[]
}

/** A user to add: only `referenceId` is needed; a scoped key is made up when none is given. */
export interface NewFakeUser {
  referenceId: string
  name?: string
  customerId?: string
  scopedKey?: string
}

/** The fake's data. Every read returns copies: change the data through these methods only. */
export interface FakeStore {
  users(): FakeUser[]
  findUserByKey(scopedKey: string): FakeUser | undefined
  findUserByReferenceId(referenceId: string): FakeUser | undefined
  addUser(user: NewFakeUser): FakeUser
  devices(): Device[]
  findDevice(id: string): Device | undefined
  /** Adds a device from a seed (the state is generated) or a complete device; same id replaces. */
  addDevice(device: DeviceSeed | Device): Device
  updateDevice(id: string, change: (device: Device) => Device): Device | undefined
  removeDevice(id: string): boolean
  alerts(deviceId: string): Alert[]
  addAlert(alert: Alert): Alert
  /** Back to the seed: users, devices and alerts as first given. */
  reset(): void
}

export function createFakeStore(seed: FakeStoreSeed, now: () => number): FakeStore {
  let users: FakeUser[] = []
  let devices = new Map<string, Device>()
  let alerts: Alert[] = []
  const copy = <T>(value: T): T => structuredClone(value)

  const store: FakeStore = {
    users: () => users.map(copy),
    findUserByKey: (scopedKey) => users.find((user) => user.scopedKey === scopedKey),
    findUserByReferenceId: (referenceId) => users.find((user) => user.referenceId === referenceId),
    addUser(user) {
      if (user.scopedKey !== undefined && !user.scopedKey.startsWith('scoped_')) {
        throw new TypeError("A fake user's `scopedKey` must start with `scoped_`.")
      }
      const added: FakeUser = {
        name: user.name ?? user.referenceId,
        referenceId: user.referenceId,
        customerId: user.customerId ?? `cus_${user.referenceId}`,
        scopedKey: user.scopedKey ?? randomToken('scoped_'),
      }
      users = [...users.filter((existing) => existing.referenceId !== user.referenceId), added]
      return copy(added)
    },
    devices: () => [...devices.values()].map(copy),
    findDevice: (id) => {
      const device = devices.get(id)
      return device === undefined ? undefined : copy(device)
    },
    addDevice(device) {
      const complete = 'availableCommands' in device ? copy(device as Device) : buildDevice(device as DeviceSeed, now())
      devices.set(complete.id, complete)
      return copy(complete)
    },
    updateDevice(id, change) {
      const device = devices.get(id)
      if (device === undefined) return undefined
      const changed = change(copy(device))
      devices.set(id, changed)
      return copy(changed)
    },
    removeDevice: (id) => devices.delete(id),
    alerts: (deviceId) => alerts.filter((alert) => alert.deviceId === deviceId).map(copy),
    addAlert(alert) {
      alerts = [...alerts, copy(alert)]
      return copy(alert)
    },
    reset() {
      users = seed.users.map(copy)
      devices = new Map(seed.devices.map((deviceSeed) => [deviceSeed.id, buildDevice(deviceSeed, now())]))
      alerts = seed.alerts.map(copy)
    },
  }
  store.reset()
  return store
}
