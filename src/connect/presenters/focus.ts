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

/**
 * Keeps keyboard focus inside a dialog made of a close button followed by an iframe: Shift+Tab on
 * the button goes to the iframe, and focus that escapes the dialog (Tab out of the iframe's last
 * control) comes back to the button, or to the iframe when it left backwards from the button.
 * Returns the undo that removes both listeners.
 */
export function trapFocus(dialog: HTMLElement, closeButton: HTMLElement, iframe: HTMLElement): () => void {
  const document = globalThis.document
  const handleKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !event.shiftKey || document.activeElement !== closeButton) return
    event.preventDefault()
    iframe.focus()
  }
  const handleFocusIn = (event: FocusEvent) => {
    if (event.target instanceof Node && dialog.contains(event.target)) return
    const cameFromButton = event.relatedTarget === closeButton
    ;(cameFromButton ? iframe : closeButton).focus()
  }
  document.addEventListener('keydown', handleKeydown, true)
  document.addEventListener('focusin', handleFocusIn, true)
  return () => {
    document.removeEventListener('keydown', handleKeydown, true)
    document.removeEventListener('focusin', handleFocusIn, true)
  }
}
