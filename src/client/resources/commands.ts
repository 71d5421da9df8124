import { CommandTimeoutError } from '../../errors/command-timeout-error'
import { optionError } from '../option-error'
import type { Http } from '../http'
import { assertTimeout, type RequestOptions } from '../options'
import { assertParams, optionalString } from '../params'
import { path } from '../path'
import type { Command, CommandSendParams, CommandSlug, CommandStatus, TerminalCommandStatus } from '../types/command'

/** How `commands.waitFor()` polls. */
export interface WaitForCommandOptions {
  /** Milliseconds to keep polling before rejecting with `CommandTimeoutError`. @default 60_000 */
  timeout?: number
  /** Milliseconds between polls. @default 1_000 */
  interval?: number
  /** Stops polling; the promise rejects with the signal's reason. */
  signal?: AbortSignal
}

const terminalStatuses: readonly CommandStatus[] = ['success', 'completed', 'failed'] satisfies TerminalCommandStatus[]

/** True once a command can no longer change: `success`, `completed` or `failed`. */
export function isTerminalStatus(status: CommandStatus): status is TerminalCommandStatus {
  return terminalStatuses.includes(status)
}

/** Commands to the user's devices: the one thing a scoped key may write. */
export class Commands {
  readonly #http: Http

  constructor(http: Http) {
    this.#http = http
  }

  /**
   * Sends a command; it runs asynchronously, so track the returned id. Never retried
   * automatically: a repeated command could act twice on a real device.
   * `POST /commands/{type}/{command}`
   *
   * @example
   * const command = await client.commands.send('battery:set-reserve', { deviceId, input: { chargePercentage: 20 } })
   */
  async send<Slug extends CommandSlug>(slug: Slug, params: CommandSendParams<NoInfer<Slug>>, options?: RequestOptions): Promise<Command<Slug>> {
    const [type, command] = splitSlug(slug)
    const checked = assertParams(params, 'commands.send')
    const deviceId = optionalString(checked.deviceId, 'deviceId')
    if (deviceId === undefined) throw optionError('`deviceId` is required: the device to send the command to.')
    if (typeof checked.input !== 'object' || checked.input === null || Array.isArray(checked.input)) {
      throw optionError(`\`input\` must be an object: the parameters of \`${slug}\`.`)
    }
    return this.#http.post(path`/commands/${type}/${command}`, { ...options, json: { deviceId, input: checked.input } })
  }

  /** A command's current status. `GET /commands/{id}` */
  async retrieve(id: string, options?: RequestOptions): Promise<Command> {
    return this.#http.get(path`/commands/${id}`, options)
  }

  /**
   * Polls a command until it is `success`, `completed` or `failed`, and resolves with it (a
   * `failed` command resolves too: check `status`). Rejects with `CommandTimeoutError` when
   * `timeout` passes first.
   *
   * @example
   * const done = await client.commands.waitFor(command.id, { timeout: 30_000 })
   * if (done.status === 'failed') showError(done.error?.message)
   */
  async waitFor(id: string, options: WaitForCommandOptions = {}): Promise<Command> {
    const checked = assertParams(options, 'commands.waitFor')
    const timeout = assertTimeout(checked.timeout ?? 60_000, '`timeout`')
    const interval = assertTimeout(checked.interval ?? 1_000, '`interval`')
    const { signal } = checked
    const deadline = Date.now() + timeout
    for (;;) {
      const command = await this.retrieve(id, signal === undefined ? {} : { signal })
      if (isTerminalStatus(command.status)) return command
      const remaining = deadline - Date.now()
      if (remaining <= 0) {
        throw new CommandTimeoutError(`Command ${command.id} was still \`${command.status}\` after ${timeout} ms; it may yet finish (poll \`commands.retrieve()\`).`, command)
      }
      await sleep(Math.min(interval, remaining), signal)
    }
  }
}

function splitSlug(slug: unknown): [string, string] {
  const parts = typeof slug === 'string' ? slug.split(':') : []
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    throw optionError('A command slug is `type:command`, such as `battery:set-reserve`.')
  }
  return [parts[0]!, parts[1]!]
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, milliseconds)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
