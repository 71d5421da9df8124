/**
 * Link creation with a Connect key, fetched on first use: apps that pass `linkUrl` never download
 * it. The CommonJS and script-tag builds swap this file for `load-create-link-bundled.ts`
 * (tsup.config.ts), as they do for the iframe modal.
 */
export const loadCreateLink = () => import('./create-link')
