// The public barrel: values first, then types. Nothing from internal/ is exported.
export { TextureError } from './errors/texture-error'
export { ConnectError } from './errors/connect-error'
export { isTextureError, isConnectError } from './errors/guards'
export { TextureConnect } from './connect/texture-connect'
export { handleRedirect } from './connect/return/handle-redirect'
export { createTextureClient } from './client/create-client'
export { TextureApiError, BadRequestError, AuthenticationError, ForbiddenError, NotFoundError, RateLimitError, ServerError } from './errors/api-error'
export { TextureNetworkError } from './errors/network-error'
export { TextureTimeoutError } from './errors/timeout-error'
export { CommandTimeoutError } from './errors/command-timeout-error'
export { isTextureApiError, isTextureNetworkError, isTextureTimeoutError } from './errors/guards'
export { createConnectSession } from './compat/create-connect-session'

export type { ConnectErrorCode, ConnectErrorOptions } from './errors/connect-error'
export type { ConnectOptions, ConnectMode, ConnectFallback, PopupSizeOptions, IframeOptions } from './connect/options'
export type { ConnectSession } from './connect/session/session'
export type { ConnectSuccess, ConnectExit, ConnectExitReason, ConnectEvent, ConnectOpenEvent, ConnectSessionEvents } from './connect/session/events'
export type { ConnectLinkOptions } from './connect/link/create-link'
export type { HandleRedirectOptions, HandleRedirectResult } from './connect/return/handle-redirect'
export type { CreateConnectSessionOptions, CreateConnectSessionResult, CreateConnectSessionError, CreateConnectSessionErrorType } from './compat/connect-session-options'
export type { TextureClient } from './client/create-client'
export type { TextureClientOptions, RequestOptions, RetryOptions } from './client/options'
export type { Devices } from './client/resources/devices'
export type { Commands, WaitForCommandOptions } from './client/resources/commands'
export type { TextureApiErrorOptions } from './errors/api-error'
export type { Page, PageParams } from './client/types/page'
export type {
  Device,
  DeviceType,
  DeviceBase,
  DeviceState,
  DeviceStateBase,
  DeviceStateByType,
  BatteryDevice,
  ChargerDevice,
  InverterDevice,
  ThermostatDevice,
  VehicleDevice,
  BatteryState,
  ChargerState,
  InverterState,
  ThermostatState,
  VehicleState,
  ChargingState,
  ThermostatOperatingMode,
  ThermostatFanMode,
  AvailableCommand,
  DeviceLocation,
  Tag,
  Alert,
  AlertSeverity,
  DeviceHistoryEntry,
  DeviceListParams,
  DeviceHistoryParams,
} from './client/types/device'
export type {
  Command,
  CommandStatus,
  TerminalCommandStatus,
  CommandInputs,
  CommandSlug,
  CommandSendParams,
  CommandLogParams,
  BatteryOperatingMode,
  ChargingOperatingMode,
} from './client/types/command'
