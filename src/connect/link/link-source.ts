import type { ConnectError } from '../../errors/connect-error'
import { loadCreateLink } from './load-create-link'
import type { LinkSource } from '../options'

/**
 * `secure-url.ts`'s check and the words for a link that fails it. Passed in, as `ConnectError`
 * is, rather than imported: this module is part of the session's lazily loaded runtime, which
 * imports nothing the code loaded up front also imports (docs/performance.md).
 */
export interface SecureUrlCheck {
  parse: (value: unknown) => URL | undefined
  rule: string
}

/**
 * Gets the hosted link for a source that is not a plain string: awaits your function, or creates
 * the link with the Connect key. Rejects with ConnectError `link-failed`; the result is checked
 * like a `linkUrl`.
 */
export async function loadLinkUrl(source: Exclude<LinkSource, { kind: 'url' }>, signal: AbortSignal, Failure: typeof ConnectError, secureUrl: SecureUrlCheck): Promise<string> {
  const linkUrl = source.kind === 'function' ? await callLinkFunction(source.load, Failure) : await createLinkUrl(source, signal, Failure)
  // A link from elsewhere gets the same check as one passed in: it decides which origin is trusted.
  if (secureUrl.parse(linkUrl) === undefined) throw new Failure('link-failed', `The Connect link ${secureUrl.rule}`)
  return linkUrl as string
}

async function callLinkFunction(load: () => string | Promise<string>, Failure: typeof ConnectError): Promise<unknown> {
  try {
    return await load()
  } catch (error) {
    const reason = error instanceof Error ? `: ${error.message}` : ''
    throw new Failure('link-failed', `The \`linkUrl\` function failed${reason}`, { cause: error })
  }
}

async function createLinkUrl(source: Extract<LinkSource, { kind: 'connect-key' }>, signal: AbortSignal, Failure: typeof ConnectError): Promise<string> {
  try {
    const { createLink } = await loadCreateLink()
    const link = await createLink({ apiBaseUrl: source.apiBaseUrl, connectKey: source.connectKey, body: source.body, signal })
    return link.linkUrl
  } catch (error) {
    // A LinkFailure says what went wrong; anything else is the chunk that could not be fetched.
    const { message, metadata, cause } = error as { message?: string; metadata?: Record<string, unknown>; cause?: unknown }
    const known = metadata !== undefined
    throw new Failure('link-failed', known ? String(message) : 'Could not load the SDK code that creates Connect links.', { cause: known ? cause : error, metadata })
  }
}
