import * as iframeModal from './iframe-modal'

/** `loadIframeModal` for the builds with the modal inside them (see `load-iframe-modal.ts`). */
export const loadIframeModal = () => Promise.resolve(iframeModal)
