import * as createLink from './create-link'

/** `loadCreateLink` for the builds with link creation inside them (see `load-create-link.ts`). */
export const loadCreateLink = () => Promise.resolve(createLink)
