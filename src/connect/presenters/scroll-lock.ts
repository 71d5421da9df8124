/**
 * Stops the page behind a modal from scrolling (`overflow: hidden` on `<html>` and `<body>`).
 * Returns the undo, which puts back exactly what was there: the previous inline overflow values
 * and priorities (or their absence, down to a missing `style` attribute) and the scroll position.
 * CSSOM only, so it runs under a CSP without `'unsafe-inline'`.
 */
export function lockPageScroll(): () => void {
  const page = globalThis.window
  const { scrollX, scrollY } = page
  const undos = [page.document.documentElement, page.document.body].map(hideOverflow)
  return () => {
    for (const undo of undos) undo()
    // Only when it moved: jsdom (Jest) logs "Not implemented" for every scrollTo call.
    if (page.scrollX !== scrollX || page.scrollY !== scrollY) page.scrollTo(scrollX, scrollY)
  }
}

// Longhands, not the `overflow` shorthand: an app's own `overflow-y: scroll` must come back as it was.
const properties = ['overflow-x', 'overflow-y']

function hideOverflow(element: HTMLElement): () => void {
  const hadStyleAttribute = element.hasAttribute('style')
  const undos = properties.map((property) => {
    const value = element.style.getPropertyValue(property)
    const priority = element.style.getPropertyPriority(property)
    element.style.setProperty(property, 'hidden', 'important')
    return () => {
      if (value === '') element.style.removeProperty(property)
      else element.style.setProperty(property, value, priority)
    }
  })
  return () => {
    for (const undo of undos) undo()
    // Reading the attribute first also flushes Chromium's lazily written style attribute, which
    // otherwise comes back as `style=""` after removeAttribute.
    if (!hadStyleAttribute && element.style.length === 0 && element.getAttribute('style') !== null) element.removeAttribute('style')
  }
}
