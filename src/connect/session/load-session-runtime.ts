/**
 * The session's runtime (`session-runtime.ts`), fetched right after `open()`: in an app's ESM
 * bundle it is a chunk of its own, so the code loaded up front is only what must run inside the
 * click (docs/performance.md). The CommonJS and script-tag builds swap this file for
 * `load-session-runtime-bundled.ts` (tsup.config.ts), as they do for the iframe modal.
 */
export const loadSessionRuntime = () => import('./session-runtime')
