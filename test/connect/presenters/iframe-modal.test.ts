// No network in unit tests: happy-dom logs each iframe load it skips (harmless noise).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createIframeModal, type IframeModal, type IframeModalOptions } from '../../../src/connect/presenters/iframe-modal'

const url = 'https://connect.example.com/link?token=link_123'
const modals: IframeModal[] = []
afterEach(() => {
  modals.splice(0).forEach((modal) => modal.remove())
  document.documentElement.removeAttribute('style')
  document.body.removeAttribute('style')
})

function openModal(options: Partial<IframeModalOptions> = {}) {
  const onCloseRequest = vi.fn()
  const modal = createIframeModal({ url, onCloseRequest, ...options })
  modals.push(modal)
  return { modal, onCloseRequest }
}

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]')
const closeButton = () => document.querySelector<HTMLButtonElement>('[role="dialog"] button')

function pressKey(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })
  target.dispatchEvent(event)
  return event
}

function addOutsideButton(label: string) {
  const button = document.createElement('button')
  button.textContent = label
  document.body.append(button)
  return button
}

describe('createIframeModal', () => {
  it('shows the link in an iframe inside a labelled modal dialog with a labelled close button', () => {
    const { modal } = openModal({ name: 'texture-connect:abc' })
    expect(dialog()?.getAttribute('aria-modal')).toBe('true')
    expect(dialog()?.getAttribute('aria-label')).toBe('Connect your device')
    expect(closeButton()?.getAttribute('aria-label')).toBe('Close')
    expect(closeButton()?.type).toBe('button')
    expect(modal.iframe.parentElement?.closest('[role="dialog"]')).toBe(dialog())
    expect(modal.iframe.src).toBe(url)
    expect(modal.iframe.name).toBe('texture-connect:abc')
    expect(modal.iframe.title).toBe('Connect your device')
    expect(modal.iframe.getAttribute('referrerpolicy')).toBe('strict-origin')
    expect(modal.iframe.hasAttribute('allow')).toBe(false)
  })

  it('uses the given title as the accessible name of the dialog and the iframe', () => {
    const { modal } = openModal({ title: 'Connect your battery' })
    expect(dialog()?.getAttribute('aria-label')).toBe('Connect your battery')
    expect(modal.iframe.title).toBe('Connect your battery')
  })

  it('covers the page with a fixed overlay above everything', () => {
    openModal()
    const overlay = dialog()!.parentElement!
    expect(overlay.parentElement).toBe(document.body)
    expect(overlay.style.getPropertyValue('position')).toBe('fixed')
    expect(overlay.style.getPropertyValue('z-index')).toBe('2147483647')
  })

  it('asks to close on the close button and on Escape pressed anywhere in the page', () => {
    const { onCloseRequest } = openModal()
    closeButton()!.click()
    expect(onCloseRequest).toHaveBeenLastCalledWith('close-button')
    const escape = pressKey('Escape', addOutsideButton('elsewhere'))
    expect(onCloseRequest).toHaveBeenLastCalledWith('escape')
    expect(escape.defaultPrevented).toBe(true)
    expect(onCloseRequest).toHaveBeenCalledTimes(2)
  })

  it('ignores other keys and stays open until removed', () => {
    const { onCloseRequest } = openModal()
    pressKey('Enter')
    pressKey('a')
    expect(onCloseRequest).not.toHaveBeenCalled()
    expect(dialog()).not.toBeNull()
  })

  it('moves focus into the iframe and gives it back to the previously focused element on remove', () => {
    const opener = addOutsideButton('Connect')
    opener.focus()
    const { modal } = openModal()
    expect(document.activeElement).toBe(modal.iframe)
    modal.remove()
    expect(document.activeElement).toBe(opener)
  })

  it('brings focus back into the dialog when it escapes (Tab out of the iframe)', () => {
    const outside = addOutsideButton('behind the overlay')
    const { modal } = openModal()
    outside.focus()
    expect(document.activeElement).toBe(closeButton())
    closeButton()!.focus()
    const shiftTab = pressKey('Tab', closeButton()!, { shiftKey: true })
    expect(shiftTab.defaultPrevented).toBe(true)
    expect(document.activeElement).toBe(modal.iframe)
  })

  it('focus() focuses the iframe', () => {
    const { modal } = openModal()
    closeButton()!.focus()
    modal.focus()
    expect(document.activeElement).toBe(modal.iframe)
  })

  it('locks page scroll and restores the previous inline overflow values exactly', () => {
    // Longhands: happy-dom does not expand the `overflow` shorthand (Chromium is checked in e2e).
    document.documentElement.style.setProperty('overflow-y', 'scroll')
    document.body.style.setProperty('overflow-x', 'auto', 'important')
    document.body.style.setProperty('color', 'red')
    const { modal } = openModal()
    for (const element of [document.documentElement, document.body]) {
      expect(element.style.getPropertyValue('overflow-x')).toBe('hidden')
      expect(element.style.getPropertyValue('overflow-y')).toBe('hidden')
    }
    modal.remove()
    expect(document.documentElement.style.getPropertyValue('overflow-y')).toBe('scroll')
    expect(document.documentElement.style.getPropertyValue('overflow-x')).toBe('')
    expect(document.body.style.getPropertyValue('overflow-x')).toBe('auto')
    expect(document.body.style.getPropertyPriority('overflow-x')).toBe('important')
    expect(document.body.style.getPropertyValue('overflow-y')).toBe('')
    expect(document.body.style.getPropertyValue('color')).toBe('red')
  })

  it('leaves no style attribute behind on <html> and <body> that had none', () => {
    expect(document.documentElement.hasAttribute('style')).toBe(false)
    expect(document.body.hasAttribute('style')).toBe(false)
    openModal().modal.remove()
    expect(document.documentElement.hasAttribute('style')).toBe(false)
    expect(document.body.hasAttribute('style')).toBe(false)
  })

  it('restores the scroll position on remove', () => {
    window.scrollTo(0, 240)
    const { modal } = openModal()
    window.scrollTo(0, 0)
    const scrollTo = vi.spyOn(window, 'scrollTo')
    modal.remove()
    expect(scrollTo).toHaveBeenCalledWith(0, 240)
  })

  it('removes every node and listener it added, and a second remove() does nothing', () => {
    const added = [vi.spyOn(document, 'addEventListener'), vi.spyOn(window, 'addEventListener'), vi.spyOn(HTMLElement.prototype, 'addEventListener')]
    const removed = [vi.spyOn(document, 'removeEventListener'), vi.spyOn(window, 'removeEventListener'), vi.spyOn(HTMLElement.prototype, 'removeEventListener')]
    const before = document.body.childNodes.length
    const { modal, onCloseRequest } = openModal()
    const addedCalls = added.flatMap((spy) => spy.mock.calls)
    expect(addedCalls.length).toBeGreaterThan(0)
    modal.remove()
    const removedCalls = removed.flatMap((spy) => spy.mock.calls)
    expect(removedCalls).toHaveLength(addedCalls.length)
    const asKey = ([type, listener, capture]: unknown[]) => [type, listener, capture === true]
    expect(removedCalls.map(asKey)).toEqual(expect.arrayContaining(addedCalls.map(asKey)))
    expect(document.body.childNodes.length).toBe(before)
    expect(dialog()).toBeNull()
    modal.remove()
    expect(removed.flatMap((spy) => spy.mock.calls)).toHaveLength(addedCalls.length)
    pressKey('Escape')
    expect(onCloseRequest).not.toHaveBeenCalled()
  })

  it('navigate() sends the iframe to a new link, and does nothing once removed', () => {
    const { modal } = openModal({ url: undefined })
    modal.navigate(url)
    expect(modal.iframe.src).toBe(url)
    modal.remove()
    modal.navigate('https://connect.example.com/other')
    expect(modal.iframe.src).toBe(url)
  })

  it('renders inside the given container, without overlay, scroll lock or focus trap, and hears Escape only inside it', () => {
    const container = document.createElement('section')
    document.body.append(container)
    const outside = addOutsideButton('still usable')
    const { modal, onCloseRequest } = openModal({ container })
    expect(dialog()?.parentElement).toBe(container)
    expect(dialog()?.getAttribute('aria-modal')).toBe('false')
    expect(document.documentElement.hasAttribute('style')).toBe(false)
    expect(document.body.hasAttribute('style')).toBe(false)
    outside.focus()
    expect(document.activeElement).toBe(outside)
    // Escape elsewhere on the page is the app's own (a menu, another dialog): the flow stays.
    pressKey('Escape', outside)
    expect(onCloseRequest).not.toHaveBeenCalled()
    pressKey('Escape', closeButton()!)
    expect(onCloseRequest).toHaveBeenCalledWith('escape')
    modal.remove()
    expect(container.childNodes).toHaveLength(0)
  })

  it('never creates a <style> element nor writes a style attribute string (strict CSP)', () => {
    const createElement = vi.spyOn(document, 'createElement')
    const styleAttributeWrites = spyOnStyleAttributeWritesFromSdk()
    openModal().modal.remove()
    openModal({ container: document.body.appendChild(document.createElement('div')) }).modal.remove()
    expect(createElement.mock.calls.map(([tag]) => tag.toLowerCase())).not.toContain('style')
    expect(styleAttributeWrites).toEqual([])
    expect(document.querySelector('style')).toBeNull()
  })
})

/**
 * Records `style` attribute strings written by SDK code itself. happy-dom implements CSSOM
 * `style.setProperty` with `setAttribute('style')` internally; a real browser does not, and CSP
 * allows it, so a write whose nearest non-test caller is happy-dom is not counted.
 */
function spyOnStyleAttributeWritesFromSdk(): string[] {
  const writes: string[] = []
  const record = (name: string, value: unknown) => {
    if (name.toLowerCase() !== 'style') return
    const frames = (new Error().stack ?? '').split('\n')
    const caller = frames.find((frame) => frame.includes('/src/') || frame.includes('happy-dom'))
    if (caller === undefined || caller.includes('/src/')) writes.push(String(value))
  }
  const setAttribute = Element.prototype.setAttribute
  vi.spyOn(Element.prototype, 'setAttribute').mockImplementation(function (this: Element, name, value) {
    record(name, value)
    setAttribute.call(this, name, value)
  })
  const setAttributeNS = Element.prototype.setAttributeNS
  vi.spyOn(Element.prototype, 'setAttributeNS').mockImplementation(function (this: Element, namespace, name, value) {
    record(name, value)
    setAttributeNS.call(this, namespace, name, value)
  })
  const cssText = Object.getOwnPropertyDescriptor(CSSStyleDeclaration.prototype, 'cssText')!
  vi.spyOn(CSSStyleDeclaration.prototype, 'cssText', 'set').mockImplementation(function (this: CSSStyleDeclaration, value) {
    record('style', value)
    cssText.set!.call(this, value)
  })
  return writes
}
