import { vi } from 'vitest'

/**
 * happy-dom gives an iframe no window while page loading is off; each connected iframe gets a
 * stand-in window here, so messages can come "from the iframe" as `event.source`.
 */
export function stubFrameWindows(): void {
  const windows = new WeakMap<HTMLIFrameElement, Window>()
  vi.spyOn(HTMLIFrameElement.prototype, 'contentWindow', 'get').mockImplementation(function (this: HTMLIFrameElement) {
    if (!this.isConnected) return null
    if (!windows.has(this)) windows.set(this, { closed: false, postMessage: vi.fn(), location: { replace: () => {} } } as unknown as Window)
    return windows.get(this)!
  })
}
