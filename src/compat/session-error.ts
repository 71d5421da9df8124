import { ConnectError } from '../errors/connect-error'
import type { ConnectExit } from '../connect/session/events'
import type { CreateConnectSessionError, CreateConnectSessionErrorType } from './connect-session-options'

const failureTypes: readonly string[] = ['popup-blocked', 'timeout', 'link-failed', 'hosted-error'] satisfies CreateConnectSessionErrorType[]

/**
 * What `onError` gets when the person ended the flow: `popup-closed` for the popup's close button,
 * `cancelled` for leaving inside the hosted flow. `undefined` when the app called `close()`:
 * that ending is quiet.
 */
export function errorForExit(exit: ConnectExit): CreateConnectSessionError | undefined {
  if (exit.reason === 'closed-by-app') return undefined
  if (exit.reason === 'popup-closed') return { type: 'popup-closed', reason: 'The popup was closed before the connection was made.' }
  return { type: 'cancelled', reason: `The Connect flow was left (${exit.reason}).` }
}

/** What `onError` gets for a failure: the ConnectError's code as `type`, its message as `reason`. */
export function errorForFailure(failure: ConnectError): CreateConnectSessionError {
  // A link made by this layer fails inside a `linkUrl` function: report the API's own words.
  const error = failure.code === 'link-failed' && failure.cause instanceof ConnectError ? failure.cause : failure
  const type = (failureTypes.includes(error.code) ? error.code : 'hosted-error') as CreateConnectSessionErrorType
  return { type, reason: error.message, error }
}
