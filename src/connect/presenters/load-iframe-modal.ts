/**
 * The iframe modal's code, fetched on first use: in an app's ESM bundle it is a chunk of its own.
 * The CommonJS and script-tag builds swap this file for `load-iframe-modal-bundled.ts`
 * (tsup.config.ts): a test runner that loads CommonJS in a vm (Jest) cannot run `import()`, and a
 * script tag has no chunks to fetch.
 */
export const loadIframeModal = () => import('./iframe-modal')
