import { loadCreateLink } from './load-create-link'
import type { LinkSource } from '../options'

/**
 * Builds ConnectError `link-failed`. Passed in rather than imported: this module is part of the
 * session's lazily loaded runtime, which imports nothing the code loaded up front also imports
 * (docs/performance.md).
 */
export type LinkFailureFactory = (message: string, options?: { cause?: unknown; metadata?: Record<string, unknown> }) => Error

/** `secure-url.ts`'s check and the words for a link that fails it, passed in for the same reason. */
export interface SecureUrlCheck {
  parse: (value: unknown) => URL | undefined
  rule: string
}

/**
 * Gets the hosted link for a source that is not a plain string: awaits your function, or creates
 * the link with the Connect key. Rejects with `link-failed` (built by `fail`); the result is
 * checked like a `linkUrl`.
 */
export async function loadLinkUrl(
  source: Exclude<LinkSource, { kind: 'url' }>,
  signal: AbortSignal,
  fail: LinkFailureFactory,
  secureUrl: SecureUrlCheck,
): Promise<string> {
  const linkUrl = source.kind === 'function' ? await callLinkFunction(source.load, fail) : await createLinkUrl(source, signal, fail)
  // A link from elsewhere gets the same check as one passed in: it decides which origin is trusted.
  if (secureUrl.parse(linkUrl) === undefined) throw fail(`The Connect link ${secureUrl.rule}`)
  return linkUrl as string
}

async function callLinkFunction(load: () => string | Promise<string>, fail: LinkFailureFactory): Promise<unknown> {
  try {
    return await load()
  } catch (error) {
    const reason = error instanceof Error ? `: ${error.message}` : ''
    throw fail(`The \`linkUrl\` function failed${reason}`, { cause: error })
  }
}

async function createLinkUrl(source: Extract<LinkSource, { kind: 'connect-key' }>, signal: AbortSignal, fail: LinkFailureFactory): Promise<string> {
  try {
    const { createLink } = await loadCreateLink()
    const link = await createLink({ apiBaseUrl: source.apiBaseUrl, connectKey: source.connectKey, body: source.body, signal })
    return link.linkUrl
  } catch (error) {
    // A LinkFailure says what went wrong; anything else is the chunk that could not be fetched.
    const { message, metadata, cause } = error as { message?: string; metadata?: Record<string, unknown>; cause?: unknown }
    const known = metadata !== undefined
    throw fail(known ? String(message) : 'Could not load the SDK code that creates Connect links.', { cause: known ? cause : error, metadata })
  }
}
