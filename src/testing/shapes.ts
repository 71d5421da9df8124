// The fake answers with the very types the client declares: one source of truth for shapes.
export type { Alert, Device, DeviceHistoryEntry, DeviceState, DeviceType, Tag } from '../client/types/device'
export type { Command, CommandSlug, CommandStatus } from '../client/types/command'
export type { Page } from '../client/types/page'
