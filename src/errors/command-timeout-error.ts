import type { Command } from '../client/types/command'
import { branded } from './texture-error'
import { TextureTimeoutError } from './timeout-error'

/**
 * `commands.waitFor()` gave up: the command had not reached a terminal status in time. The
 * command may still complete later; `command` is the last status seen.
 */
export class CommandTimeoutError extends TextureTimeoutError {
  override name = branded(this, 'CommandTimeoutError')
  /** The command as last polled. */
  readonly command: Command

  constructor(message: string, command: Command) {
    super(message)
    this.command = command
  }
}
