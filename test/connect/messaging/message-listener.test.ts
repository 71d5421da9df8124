import { afterEach, describe, expect, it, vi } from 'vitest'
import { listenForMessages } from '../../../src/connect/messaging/message-listener'
import { isProtocolMessage, type ProtocolMessage } from '../../../src/connect/messaging/protocol'
import { hostedOrigin, postMessageFrom, protocolMessage } from '../support/hosted'

const state = 'c'.repeat(32)
const isMessage = (data: unknown): data is ProtocolMessage => isProtocolMessage(data, state)
const popup = {} as Window
const otherWindow = {} as Window
const undos: Array<() => void> = []
afterEach(() => undos.splice(0).forEach((undo) => undo()))

function listen(source: Window | null = popup) {
  const onMessage = vi.fn()
  undos.push(listenForMessages({ origin: hostedOrigin, source: () => source, isMessage, onMessage }))
  return onMessage
}

describe('listenForMessages', () => {
  it('passes on a message from the Connect origin and the flow window', () => {
    const onMessage = listen()
    const data = protocolMessage(state, 'ready')
    postMessageFrom({ source: popup, origin: hostedOrigin, data })
    expect(onMessage).toHaveBeenCalledWith(data)
  })

  it('ignores messages from other origins, including look-alikes', () => {
    const onMessage = listen()
    for (const origin of ['https://connect.example.com.evil.example', 'https://evil.example', 'http://connect.example.com', 'https://connect.example.com:444', 'null', '']) {
      postMessageFrom({ source: popup, origin, data: protocolMessage(state, 'ready') })
    }
    expect(onMessage).not.toHaveBeenCalled()
  })

  it('ignores messages from another window of the Connect origin', () => {
    const onMessage = listen()
    postMessageFrom({ source: otherWindow, origin: hostedOrigin, data: protocolMessage(state, 'ready') })
    postMessageFrom({ source: null, origin: hostedOrigin, data: protocolMessage(state, 'ready') })
    expect(onMessage).not.toHaveBeenCalled()
  })

  it('ignores everything while the flow has no window', () => {
    const onMessage = listen(null)
    postMessageFrom({ source: null, origin: hostedOrigin, data: protocolMessage(state, 'ready') })
    expect(onMessage).not.toHaveBeenCalled()
  })

  it('ignores messages that fail the protocol guard', () => {
    const onMessage = listen()
    postMessageFrom({ source: popup, origin: hostedOrigin, data: protocolMessage('d'.repeat(32), 'ready') })
    postMessageFrom({ source: popup, origin: hostedOrigin, data: 'ready' })
    expect(onMessage).not.toHaveBeenCalled()
  })

  it('stops listening when undone', () => {
    const onMessage = vi.fn()
    const undo = listenForMessages({ origin: hostedOrigin, source: () => popup, isMessage, onMessage })
    undo()
    postMessageFrom({ source: popup, origin: hostedOrigin, data: protocolMessage(state, 'ready') })
    expect(onMessage).not.toHaveBeenCalled()
  })
})
