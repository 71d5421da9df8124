import * as sessionRuntime from './session-runtime'

/** `loadSessionRuntime` for the builds with the runtime inside them (see `load-session-runtime.ts`). */
export const loadSessionRuntime = () => Promise.resolve(sessionRuntime)
