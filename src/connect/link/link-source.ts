import { ConnectError } from '../../errors/connect-error'
import { loadCreateLink } from './load-create-link'
import type { LinkSource } from '../options'
import { parseSecureUrl, secureUrlRule } from './secure-url'

/**
 * Gets the hosted link for a source that is not a plain string: awaits your function, or creates
 * the link with the Connect key. Rejects with `link-failed`; the result is checked like a `linkUrl`.
 */
export async function loadLinkUrl(source: Exclude<LinkSource, { kind: 'url' }>, signal: AbortSignal): Promise<string> {
  const linkUrl = source.kind === 'function' ? await callLinkFunction(source.load) : await createLinkUrl(source, signal)
  // A link from elsewhere gets the same check as one passed in: it decides which origin is trusted.
  if (parseSecureUrl(linkUrl) === undefined) throw new ConnectError('link-failed', `The Connect link ${secureUrlRule}`)
  return linkUrl as string
}

async function callLinkFunction(load: () => string | Promise<string>): Promise<unknown> {
  try {
    return await load()
  } catch (error) {
    const reason = error instanceof Error ? `: ${error.message}` : ''
    throw new ConnectError('link-failed', `The \`linkUrl\` function failed${reason}`, { cause: error })
  }
}

async function createLinkUrl(source: Extract<LinkSource, { kind: 'connect-key' }>, signal: AbortSignal): Promise<string> {
  try {
    const { createLink } = await loadCreateLink()
    const link = await createLink({ apiBaseUrl: source.apiBaseUrl, connectKey: source.connectKey, body: source.body, signal })
    return link.linkUrl
  } catch (error) {
    // A LinkFailure says what went wrong; anything else is the chunk that could not be fetched.
    const { message, metadata, cause } = error as { message?: string; metadata?: Record<string, unknown>; cause?: unknown }
    const known = metadata !== undefined
    throw new ConnectError('link-failed', known ? String(message) : 'Could not load the SDK code that creates Connect links.', { cause: known ? cause : error, metadata })
  }
}
