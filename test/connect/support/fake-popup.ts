import { vi } from 'vitest'

/** A stand-in for the popup window: records where it was sent, whether it was focused or closed. */
export interface FakePopup {
  /** The fake as the `Window` the SDK sees (and as `event.source` in dispatched messages). */
  readonly window: Window
  /** The URL `window.open` got, or the last one the popup was navigated to. */
  readonly url: string
  /** The features string given to `window.open`. */
  readonly features: string
  readonly focus: ReturnType<typeof vi.fn>
  readonly close: ReturnType<typeof vi.fn>
  readonly navigate: ReturnType<typeof vi.fn>
  /** What the SDK posted to the popup (its acknowledgements), with the target origin. */
  readonly postMessage: ReturnType<typeof vi.fn>
  readonly closed: boolean
  /** What happens when the user clicks the popup's close button. */
  closeByUser(): void
}

/** Stubs `window.open` so each call returns a fresh fake popup; returns the stub and the popups made. */
export function stubWindowOpen() {
  const popups: FakePopup[] = []
  const open = vi.spyOn(window, 'open').mockImplementation((url, _target, features) => {
    const popup = createFakePopup(String(url ?? ''), String(features ?? ''))
    popups.push(popup)
    return popup.window
  })
  return {
    open,
    popups,
    get latest() {
      return popups.at(-1)!
    },
  }
}

/** Stubs `window.open` the way blockers answer: `null`, or a window that is already closed. */
export function stubBlockedWindowOpen(answer: 'null' | 'closed-window') {
  return vi.spyOn(window, 'open').mockImplementation(() => {
    if (answer === 'null') return null
    const popup = createFakePopup('', '')
    popup.closeByUser()
    return popup.window
  })
}

function createFakePopup(initialUrl: string, features: string): FakePopup {
  const state = { url: initialUrl, closed: false }
  const close = vi.fn(() => {
    state.closed = true
  })
  const focus = vi.fn()
  const postMessage = vi.fn()
  const navigate = vi.fn((url: string) => {
    state.url = url
  })
  const fakeWindow = {
    get closed() {
      return state.closed
    },
    close,
    focus,
    postMessage,
    location: { replace: navigate },
  } as unknown as Window
  return {
    window: fakeWindow,
    get url() {
      return state.url
    },
    features,
    focus,
    close,
    navigate,
    postMessage,
    get closed() {
      return state.closed
    },
    closeByUser() {
      state.closed = true
    },
  }
}
