/**
 * Moves focus to `target` and returns the undo that gives it back to the element that had it,
 * if that element is still in the page. `preventScroll`: the scroll lock restores the position.
 */
export function moveFocus(target: HTMLElement): () => void {
  const previous = globalThis.document.activeElement
  target.focus()
  return () => {
    if (previous instanceof HTMLElement && previous.isConnected) previous.focus({ preventScroll: true })
  }
}
