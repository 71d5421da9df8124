/**
 * Sets inline styles one property at a time through the CSSOM. A CSP without `'unsafe-inline'`
 * blocks `<style>` elements and `style="…"` strings but allows these property sets.
 */
export function setStyles(element: HTMLElement, styles: Readonly<Record<string, string>>): void {
  for (const [property, value] of Object.entries(styles)) element.style.setProperty(property, value)
}
